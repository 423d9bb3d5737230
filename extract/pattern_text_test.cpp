#include "extract/pattern_text.h"

#include <doctest/doctest.h>

namespace relgraph {
namespace {

TEST_CASE("pattern text: where a character class ends") {
  constexpr auto npos = std::string_view::npos;
  CHECK(character_class_end("[ab]c", 0) == 4);
  CHECK(character_class_end("x[^ab]", 1) == 6);
  CHECK(character_class_end("[]|)]x", 0) == 5);    // ']' first is a member
  CHECK(character_class_end("[^]x]y", 0) == 5);
  CHECK(character_class_end("[\\]|]x", 0) == 5);   // an escaped ']'
  CHECK(character_class_end("[[:alpha:]|]", 0) == 12);
  CHECK(character_class_end("[가-힣]{2}", 0) == 9);  // bytes, not characters
  CHECK(character_class_end("[ab", 0) == npos);
  CHECK(character_class_end("[[:alpha]", 0) == npos);
  CHECK(character_class_end("[a\\]", 0) == npos);
}

}  // namespace
}  // namespace relgraph
