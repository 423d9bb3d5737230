#include "extract/macros.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/error.h"

namespace relgraph {
namespace {

TEST_CASE("macros: names expand in non-capturing or named groups, repetitions stay") {
  const Macros macros({{"CUE", {"영입|선임", "m"}}, {"HIRE", {"{CUE}했", "m"}}});
  CHECK(macros.expand("{HIRE}", "r") == "(?:(?:영입|선임)했)");
  CHECK(macros.expand("{CUE:verb}", "r") == "(?P<verb>영입|선임)");
  CHECK(macros.expand("[가-힣]{1,2}", "r") == "[가-힣]{1,2}");
  CHECK(macros.expand("\\{CUE}", "r") == "\\{CUE}");
}

TEST_CASE("macros: entity placeholders are built in, lists use LIST_SEP") {
  const Macros macros({{"LIST_SEP", {", ", "m"}}});
  CHECK(macros.expand("{ORG:a}", "r") == "(?P<a>⟦ORG#[0-9]+⟧)");
  CHECK(macros.expand("{ORGS}", "r") == "(?:⟦ORG#[0-9]+⟧(?:(?:, )⟦ORG#[0-9]+⟧)*)");
}

TEST_CASE("macros: an unknown name or a cycle is a rule error") {
  const Macros macros;
  CHECK_THROWS_WITH_AS(macros.expand("{NOPE}", "hires.json:3"), doctest::Contains("unknown macro {NOPE}"), Error);
  CHECK_THROWS_WITH_AS(Macros({{"A", {"{B}", "a"}}, {"B", {"{A}", "b"}}}), doctest::Contains("uses itself"), Error);
}

// The plain form alternation() must match exactly as: the words sorted longest first.
std::string longest_first(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string out = "(?:";
  for (std::size_t i = 0; i < words.size(); ++i) out += (i ? "|" : "") + RE2::QuoteMeta(words[i]);
  return out + ")";
}

// Every leftmost-first match of `a` and `b` in `text` (and its groups, each
// pattern followed by a capture of what comes after), from every position,
// unanchored and anchored, agree.
void check_same_matches(const std::string& a, const std::string& b, const std::string& text) {
  const RE2 ra("(" + a + ")(.*)"), rb("(" + b + ")(.*)");
  REQUIRE(ra.ok());
  REQUIRE(rb.ok());
  const re2::StringPiece whole(text);
  for (std::size_t pos = 0; pos <= text.size(); ++pos) {
    for (const RE2::Anchor anchor : {RE2::UNANCHORED, RE2::ANCHOR_START}) {
      re2::StringPiece ga[3], gb[3];
      const bool ma = ra.Match(whole, pos, text.size(), anchor, ga, 3);
      const bool mb = rb.Match(whole, pos, text.size(), anchor, gb, 3);
      REQUIRE(ma == mb);
      if (ma) {
        CHECK(ga[1].data() == gb[1].data());
        CHECK(ga[1].size() == gb[1].size());
      }
    }
  }
}

TEST_CASE("macros: alternation quotes words and shares their prefixes, the longer word first") {
  CHECK(alternation({"대표", "대표이사", "C++"}) == "(?:C\\+\\+|대표(?:이사)?)");
  CHECK(alternation({"연구소", "연구원", "연합회", "대학", "대학교", "대학원"}) == "(?:대학(?:교|원)?|연(?:구(?:소|원)|합회))");
  CHECK(alternation({"삼성", "삼성"}) == "(?:삼성)");
  CHECK(alternation({}) == "(?:)");
  CHECK(alternation({""}) == "(?:)");
}

TEST_CASE("macros: alternation matches what its words sorted longest first match, inside (?i) too") {
  const std::vector<std::string> words = {"대표", "대표이사", "대표이사장", "사장", "부사장", "C++", "CEO",
                                          "CE", "a.b", "이", "이사", "이사회", "ab", "abc", "Z", ""};
  const std::string text = "대표이사장 대표이사 대표 부사장이 사장과 이사회에 CEO CE C++ a.b axb abcd Z z ceo 이사";
  check_same_matches(alternation(words), longest_first(words), text);
  check_same_matches("(?i:" + alternation(words) + ")", "(?i:" + longest_first(words) + ")", text);
  // Words that differ only in case at the same place: the sorted list, whose
  // order under (?i) is by length ("abC" before "AB"), not the trie's.
  const std::vector<std::string> twins = {"AB", "abC", "ab"};
  CHECK(alternation(twins) == longest_first(twins));
  check_same_matches("(?i:" + alternation(twins) + ")", "(?i:" + longest_first(twins) + ")", "ABC abc Ab aBc");
  // Kelvin sign K (U+212A) folds to k.
  const std::vector<std::string> kelvin = {"\u212Aa", "kab"};
  CHECK(alternation(kelvin) == longest_first(kelvin));
}

TEST_CASE("macros: alternation of a word of thousands of characters stays the sorted list") {
  // A trie one level per character would recurse that deep (a rules file is input: the fuzzer writes such lists).
  std::string long_word;
  for (int i = 0; i < 100000; ++i) long_word += "가";
  const std::vector<std::string> words = {long_word, "가나", "가"};
  CHECK(alternation(words) == longest_first(words));
  CHECK(alternation({"가", "가나"}) == "(?:가(?:나)?)");
}

TEST_CASE("macros: alternation of ill-formed UTF-8 stays the sorted list, for RE2 to report") {
  const std::vector<std::string> bad = {"가\xFF", "가나"};
  CHECK(alternation(bad) == longest_first(bad));
}

}  // namespace
}  // namespace relgraph
