#include "extract/utf8.h"

#include <doctest/doctest.h>
#include <unicode/utf8.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

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
TEST_CASE("utf8: is_hangul_syllable_at agrees with decoding on every three bytes from E0 00 00 to EF FF FF") {
  std::size_t syllables = 0;
  for (unsigned lead = 0xE0; lead <= 0xEF; ++lead) {
    for (unsigned second = 0; second <= 0xFF; ++second) {
      for (unsigned third = 0; third <= 0xFF; ++third) {
        const std::string text = {static_cast<char>(lead), static_cast<char>(second), static_cast<char>(third)};
        std::size_t pos = 0;
        const char32_t c = utf8::next(text, pos);
        const bool expected = pos == 3 && utf8::is_hangul_syllable(c);
        if (utf8::is_hangul_syllable_at(text, 0) != expected) {
          CAPTURE(lead);
          CAPTURE(second);
          CAPTURE(third);
          FAIL("disagrees");
        }
        syllables += expected;
      }
    }
  }
  CHECK(syllables == 0xD7A3 - 0xAC00 + 1);
  CHECK_FALSE(utf8::is_hangul_syllable_at("가", 1));  // not at a character's start
  CHECK_FALSE(utf8::is_hangul_syllable_at("\xEA\xB0", 0));  // cut short
  CHECK(utf8::is_hangul_syllable_at("a가", 1));
}

TEST_CASE("utf8: make_valid keeps well-formed text and replaces each ill-formed sequence as ICU reads it") {
  // What make_valid must give: the text read by ICU one code point at a
  // time, U+FFFD for each ill-formed sequence, and where the first was.
  auto reference = [](const std::string& text) {
    std::string out;
    long long first_bad = -1;
    for (int32_t pos = 0; pos < static_cast<int32_t>(text.size());) {
      const int32_t start = pos;
      UChar32 c = 0;
      U8_NEXT(text.data(), pos, static_cast<int32_t>(text.size()), c);
      if (c < 0) {
        if (first_bad < 0) first_bad = start;
        c = 0xFFFD;
      }
      utf8::append(out, static_cast<char32_t>(c));
    }
    return std::pair{out, first_bad};
  };
  // Hangul, ASCII, the edges of three-byte lead bytes (overlong E0 80, the
  // surrogates ED A0, noncharacters EF BF BF), four-byte characters, stray
  // and cut-short bytes.
  const std::vector<std::string> pieces = {"한", "글", "a", " ", "\xE0\xA0\x80", "\xE0\x80\x80", "\xED\x9F\xBF",
                                           "\xED\xA0\x80", "\xEF\xBF\xBF", "\xE1\x80", "\xEC", "\x80", "\xBF",
                                           "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80", "\xC2\xA9", "\xC0\xAF", "é"};
  std::mt19937 random(3);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 10);
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += pieces[piece(random)];
    CAPTURE(text);
    const auto [expected, first_bad] = reference(text);
    std::string repaired = text;
    CHECK(utf8::make_valid(repaired) == first_bad);
    CHECK(repaired == (first_bad < 0 ? text : expected));
  }
}

}  // namespace relgraph
