#include "extract/normalizer.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "extract/utf8.h"

namespace relgraph {
namespace {

std::size_t byte_of(std::string_view text, std::string_view piece) { return text.find(piece); }

TEST_CASE("normalizer: clean NFC text is unchanged and every offset maps to itself") {
  const Normalizer normalizer;
  const std::string original = "네이버는 인텔과 손잡았다.";
  const NormalizedText n = normalizer.normalize(original);
  CHECK(n.text() == original);
  const std::size_t at = byte_of(original, "인텔");
  CHECK(n.original_byte(at) == at);
  CHECK(n.original_code_point(at) == 5);
  CHECK(n.original_code_point(original.size()) == utf8::count_code_points(original));
}

TEST_CASE("normalizer: decomposed Hangul (NFD) is composed and offsets still point into the original") {
  const Normalizer normalizer;
  // "한국" typed as six conjoining jamo, then " 네이버".
  const std::string original = "\u1112\u1161\u11AB\u1100\u116E\u11A8 네이버";
  const NormalizedText n = normalizer.normalize(original);
  CHECK(n.text() == "한국 네이버");
  const std::size_t naver = byte_of(n.text(), "네이버");
  CHECK(n.original_code_point(naver) == 7);  // six jamo and a space come before it
  CHECK(n.original_code_point(n.text().size()) == 10);
  CHECK(original.substr(n.original_byte(naver)) == "네이버");
  // The second syllable starts where its jamo start.
  CHECK(n.original_code_point(byte_of(n.text(), "국")) == 3);
}

TEST_CASE("normalizer: what NFC changes after a syllable or between punctuation is still changed") {
  // Each character that NFC changes or combines sits among syllables, ASCII
  // and punctuation that NFC leaves alone, so only a check of the character
  // itself can send the text to ICU.
  const Normalizer normalizer;
  // A trailing jamo after a precomposed syllable: 가 + ᆨ is 각.
  CHECK(normalizer.normalize("“네이버” 가\u11A8 서비스").text() == "“네이버” 각 서비스");
  // A combining accent after an ASCII letter.
  CHECK(normalizer.normalize("카페(cafe\u0301)…").text() == "카페(caf\u00E9)…");
  // A singleton NFC replaces: OHM SIGN becomes GREEK CAPITAL OMEGA.
  CHECK(normalizer.normalize("저항 10\u2126 · 전압").text() == "저항 10\u03A9 · 전압");
  // Combining marks out of canonical order are reordered.
  CHECK(normalizer.normalize("a\u0301\u0323 「기사」").text() == "\u1EA1\u0301 「기사」");
}

TEST_CASE("normalizer: odd spaces, zero-width characters, line ends, full-width forms and middle dots") {
  const Normalizer normalizer;
  const std::string original =
      "A\u00A0B\u200BC\r\nD\rE\u3000F\uFF21\uFF11 기술\u2027서비스\u318D개발\tG";
  const NormalizedText n = normalizer.normalize(original);
  CHECK(n.text() == "A BC\nD\nE FA1 기술·서비스·개발 G");
  // After the deleted zero-width space and the two-character CRLF, offsets still agree.
  const std::size_t d = byte_of(n.text(), "D");
  CHECK(n.original_code_point(d) == 7);  // A NBSP B ZWSP C CR LF come before it
  CHECK(original.substr(n.original_byte(d), 1) == "D");
  const std::size_t service = byte_of(n.text(), "서비스");
  CHECK(original.substr(n.original_byte(service), 9) == "서비스");
}

TEST_CASE("normalizer: random mixes of Hangul, ASCII and the characters cleaned up give what each clean-up says") {
  // Each piece and what the clean-ups make of it (before NFC composition).
  const std::vector<std::pair<std::string, std::string>> pieces = {
      {"기", "기"}, {"술", "술"}, {"힣", "힣"}, {"\uD7FF", "\uD7FF"}, {"\uA000", "\uA000"}, {"a", "a"}, {" ", " "},
      {"\t", " "}, {"\r", "\n"}, {"\r\n", "\n"}, {"\n", "\n"}, {"\u00A0", " "}, {"\u200B", ""}, {"\uFF21", "A"},
      {"\u3000", " "}, {"\u318D", "·"}, {"\u1100\u1161", "\u1100\u1161"}, {"\u2027", "·"}};
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  REQUIRE(U_SUCCESS(status));
  const Normalizer normalizer;
  std::mt19937 random(13);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 16);
  for (int i = 0; i < 2000; ++i) {
    std::string original;
    std::string cleaned;
    for (int n = length(random); n > 0; --n) {
      const auto& [from, to] = pieces[piece(random)];
      // "\r" then "\n" is one CRLF: one line end, as the normalizer reads it.
      if (from == "\n" && !original.empty() && original.back() == '\r') {
        original += from;
        continue;
      }
      original += from;
      cleaned += to;
    }
    std::string expected;
    nfc->normalize(icu::UnicodeString::fromUTF8(cleaned), status).toUTF8String(expected);
    REQUIRE(U_SUCCESS(status));
    CAPTURE(original);
    CHECK(normalizer.normalize(original).text() == expected);
  }
}

TEST_CASE("normalizer: long unchanged text maps offsets beyond the first run") {
  const Normalizer normalizer;
  std::string original;
  for (int i = 0; i < 3000; ++i) original += "가나 ";
  original += "\u1112\u1161\u11AB 끝";
  const NormalizedText n = normalizer.normalize(original);
  const std::size_t end_word = byte_of(n.text(), "끝");
  CHECK(n.original_code_point(end_word) == 3000 * 3 + 4);
  // Every offset of the unchanged part, across many run pieces, counted from the start.
  std::size_t code_points = 0;
  for (std::size_t pos = 0; pos < end_word - 4; ++pos) {
    if ((static_cast<unsigned char>(original[pos]) & 0xC0) == 0x80) continue;  // inside a character
    REQUIRE(n.original_code_point(pos) == code_points);
    REQUIRE(n.original_byte(pos) == pos);
    ++code_points;
  }
}

TEST_CASE("normalizer: text already normal maps every offset, characters of 1 to 4 bytes across count blocks") {
  const Normalizer normalizer;
  std::string original;
  for (int i = 0; i < 60; ++i) original += i % 7 == 0 ? "a\u00e9" : i % 5 == 0 ? "\U0001F600 " : "한글x";
  const NormalizedText n = normalizer.normalize(original);
  REQUIRE(n.text() == original);
  std::size_t code_points = 0;
  for (std::size_t pos = 0; pos <= original.size(); ++pos) {
    if (pos < original.size() && (static_cast<unsigned char>(original[pos]) & 0xC0) == 0x80) continue;
    REQUIRE(n.original_code_point(pos) == code_points);
    ++code_points;
  }
}

}  // namespace
}  // namespace relgraph
