#include "extract/utf8.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

namespace relgraph {
namespace {

// One count per byte that does not continue a sequence (10xxxxxx).
std::size_t count_by_byte(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

TEST_CASE("utf8: count_code_points counts characters of 1 to 4 bytes at any length and alignment") {
  CHECK(utf8::count_code_points("") == 0);
  CHECK(utf8::count_code_points("abc") == 3);
  CHECK(utf8::count_code_points("한글 é \U0001F600!") == 7);
  const std::string mixed = "a\u00e9한\U0001F600 b";  // 1, 2, 3, 4, 1 and 1 bytes
  for (std::size_t begin = 0; begin <= mixed.size(); ++begin) {
    for (std::size_t end = begin; end <= mixed.size(); ++end) {
      const std::string_view piece = std::string_view(mixed).substr(begin, end - begin);
      CAPTURE(begin);
      CAPTURE(end);
      REQUIRE(utf8::count_code_points(piece) == count_by_byte(piece));
    }
  }
}

TEST_CASE("utf8: count_code_points agrees with a count by byte on random bytes, ill-formed ones too") {
  std::mt19937 random(11);
  for (int round = 0; round < 300; ++round) {
    std::string text(random() % 70, '\0');
    for (char& c : text) c = static_cast<char>(random() % 256);
    CAPTURE(round);
    REQUIRE(utf8::count_code_points(text) == count_by_byte(text));
  }
}

}  // namespace
}  // namespace relgraph
