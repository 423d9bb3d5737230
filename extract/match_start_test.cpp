#include "extract/match_start.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace relgraph {

TEST_CASE("match start: never says no where RE2 finds a match anchored there") {
  const std::vector<std::string> patterns = {
      "(?:['’\"”])?\\((?:이하\\s)?(?P<ALIAS>[A-Za-z][A-Za-z0-9 ]{0,10}?)\\)",
      "(?P<a>⟦ORG#[0-9]+⟧)(?:은|는)\\s(?P<b>⟦PERSON#[0-9]+⟧)",
      "(?:⟦ORG#|⟦PERSON#)[0-9]+⟧",
      "\\s?(?:대표|사장|회장)",
      "ab|abc|abd",
      "x*y",
      ".*끝",
      "(?:)",
      "^가$"};
  const std::vector<std::string> pieces = {"(", ")", "이하 ", "AB", "a", "b", "c", "d", "x", "y", " ", "’",
                                           "⟦ORG#1⟧", "⟦PERSON#2⟧", "⟦ORG#3⟧는 ⟦PERSON#4⟧", "은", "는", "대표", "사장", "끝", "가", "⟦"};
  std::mt19937 random(11);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 8);
  for (const std::string& pattern : patterns) {
    CAPTURE(pattern);
    const RE2 regex(pattern);
    REQUIRE(regex.ok());
    const MatchStart start(regex);
    std::size_t matches = 0;
    std::size_t skipped = 0;
    for (int i = 0; i < 2000; ++i) {
      std::string text;
      for (int n = length(random); n > 0; --n) text += pieces[piece(random)];
      for (std::size_t at = 0; at <= text.size(); ++at) {
        const bool matched = regex.Match(re2::StringPiece(text.data(), text.size()), at, text.size(),
                                         RE2::ANCHOR_START, nullptr, 0);
        const bool may = start.may_begin_at(text, at);
        CAPTURE(text);
        CAPTURE(at);
        if (matched) CHECK(may);
        matches += matched;
        skipped += !may;
      }
    }
    CHECK(matches > 0);
    if (pattern.rfind(".*", 0) != 0 && pattern != "(?:)" && pattern != "x*y") CHECK(skipped > 0);  // it does filter
  }
}

TEST_CASE("match start: what every match begins with") {
  CHECK(MatchStart(RE2("(?P<a>⟦ORG#[0-9]+⟧)는")).always_begins_with("⟦"));
  CHECK(MatchStart(RE2("(?:⟦ORG#|⟦PERSON#)[0-9]+⟧")).always_begins_with("⟦"));
  CHECK_FALSE(MatchStart(RE2("(?:['‘])?⟦ORG#[0-9]+⟧")).always_begins_with("⟦"));
  CHECK_FALSE(MatchStart(RE2(".*⟦")).always_begins_with("⟦"));
  CHECK(MatchStart(RE2("abc")).always_begins_with(""));
  CHECK_FALSE(MatchStart(RE2("abc")).may_begin_at("xabc", 0));
  CHECK(MatchStart(RE2("abc")).may_begin_at("xabc", 1));
  CHECK_FALSE(MatchStart(RE2("abc")).may_begin_at("ab", 0));
  CHECK_FALSE(MatchStart(RE2("abc")).may_begin_at("ab", 3));
}

}  // namespace relgraph
