#include "tools/text_table.h"

#include <doctest/doctest.h>

#include <sstream>

namespace relgraph {
namespace {

TEST_CASE("text table: Hangul and full-width characters take two columns, combining marks none") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("네이버") == 6);
  CHECK(display_width("ＡＢ") == 4);
  CHECK(display_width("e\u0301") == 1);
  CHECK(display_width("") == 0);
}

TEST_CASE("text table: cutting keeps whole characters and ends in an ellipsis") {
  CHECK(cut_to_width("네이버클라우드", 7) == "네이버…");
  CHECK(cut_to_width("네이버", 6) == "네이버");
  CHECK(cut_to_width("abcdef", 4) == "abc…");
  CHECK(cut_to_width("네이버", 1) == "…");
}

TEST_CASE("text table: columns line up by display width, the last column is cut to the line") {
  TextTable table({"entity", ">docs", "evidence"});
  table.add({"네이버", "12", "네이버는 오늘 새 모델을 발표했다."});
  table.add({"SK", "3", "short"});
  std::ostringstream out;
  table.print(out, 24);
  CHECK(out.str() ==
        "entity  docs  evidence\n"
        "네이버    12  네이버는 …\n"  // 10 columns left for the evidence
        "SK         3  short\n");
}

}  // namespace
}  // namespace relgraph
