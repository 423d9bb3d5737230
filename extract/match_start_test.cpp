#include "extract/match_start.h"

#include <doctest/doctest.h>

#include <functional>
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

TEST_CASE("match start: a pattern's text shows it begins with a literal") {
  CHECK(pattern_begins_with("⟦ORG#[0-9]+⟧는", "⟦"));
  CHECK(pattern_begins_with("(?P<a>⟦ORG#[0-9]+⟧)는", "⟦"));
  CHECK(pattern_begins_with("(?:⟦ORG#|⟦PERSON#)[0-9]+⟧", "⟦"));
  CHECK(pattern_begins_with("(?:(?P<s>⟦ORG#[0-9]+⟧)|⟦PERSON#[0-9]+⟧)(?:은|는)", "⟦"));
  CHECK(pattern_begins_with("⟦[|)(]+⟧|⟦\\)", "⟦"));  // '|' and ')' in a class or escaped
  CHECK(pattern_begins_with("(?:⟦[]|]x)⟧", "⟦"));  // ']' first in a class is a member
  CHECK(pattern_begins_with("⟦[[:alpha:]|]", "⟦"));
  CHECK_FALSE(pattern_begins_with("", "⟦"));
  CHECK_FALSE(pattern_begins_with("⟦", ""));
  CHECK_FALSE(pattern_begins_with("(?:['‘])?⟦ORG#[0-9]+⟧", "⟦"));
  CHECK_FALSE(pattern_begins_with("⟦?x", "⟦"));
  CHECK_FALSE(pattern_begins_with("⟦*x", "⟦"));
  CHECK_FALSE(pattern_begins_with("⟦{0,1}x", "⟦"));
  CHECK_FALSE(pattern_begins_with("(?:⟦x)?y", "⟦"));
  CHECK_FALSE(pattern_begins_with("(?:⟦x){0,2}y", "⟦"));
  CHECK_FALSE(pattern_begins_with("⟦x|y", "⟦"));
  CHECK_FALSE(pattern_begins_with("⟦x|", "⟦"));
  CHECK_FALSE(pattern_begins_with("(?:⟦x|)y", "⟦"));
  CHECK_FALSE(pattern_begins_with("(?i)⟦", "⟦"));
  CHECK_FALSE(pattern_begins_with("(?i:⟦)", "⟦"));
  CHECK_FALSE(pattern_begins_with("\\Q⟦\\E", "⟦"));
  CHECK_FALSE(pattern_begins_with("^⟦", "⟦"));
  CHECK_FALSE(pattern_begins_with(".*⟦", "⟦"));
  CHECK_FALSE(pattern_begins_with("[⟦]x", "⟦"));
  CHECK_FALSE(pattern_begins_with("(⟦x", "⟦"));  // no closing parenthesis
  CHECK_FALSE(pattern_begins_with("⟦x)|y", "⟦"));
}

TEST_CASE("match start: a pattern's text never claims a literal start RE2 does not confirm") {
  // Random patterns over groups, alternatives, classes and quantifiers; where
  // the text says every match begins with "⟦", RE2's match range must say so
  // too, and no match anchored anywhere in random texts may begin otherwise.
  const std::vector<std::string> atoms = {"⟦", "⟦O", "x", "[x⟦]", "[^⟦]", "[|)]", "\\(", "⟧", "y"};
  const std::vector<std::string> quantifiers = {"", "", "", "?", "*", "+", "{0,2}", "{1,2}"};
  std::mt19937 random(5);
  const auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
  };
  std::function<std::string(int)> pattern_of = [&](int depth) {
    std::string pattern;
    const int alternatives = std::uniform_int_distribution<int>(1, 3)(random);
    for (int a = 0; a < alternatives; ++a) {
      if (a > 0) pattern += '|';
      for (int n = std::uniform_int_distribution<int>(0, 3)(random); n > 0; --n) {
        if (depth < 2 && std::uniform_int_distribution<int>(0, 2)(random) == 0) {
          pattern += (random() % 2 ? "(?:" : "(?P<g" + std::to_string(random() % 1000) + ">") + pattern_of(depth + 1) + ")";
        } else {
          pattern += pick(atoms);
        }
        pattern += pick(quantifiers);
      }
    }
    return pattern;
  };
  const std::vector<std::string> pieces = {"⟦", "⟦O", "x", "y", "⟧", "|", ")", "("};
  std::size_t claimed = 0;
  for (int i = 0; i < 8000; ++i) {
    const std::string pattern = pattern_of(0);
    const RE2 regex(pattern, RE2::Quiet);
    if (!regex.ok() || !pattern_begins_with(pattern, "⟦")) continue;
    CAPTURE(pattern);
    ++claimed;
    CHECK(MatchStart(regex).always_begins_with("⟦"));
    for (int t = 0; t < 20; ++t) {
      std::string text;
      for (int n = std::uniform_int_distribution<int>(0, 6)(random); n > 0; --n) text += pick(pieces);
      re2::StringPiece match;
      for (std::size_t at = 0; at <= text.size(); ++at) {
        if (regex.Match(re2::StringPiece(text.data(), text.size()), at, text.size(), RE2::ANCHOR_START, &match, 1)) {
          CAPTURE(text);
          CHECK(std::string_view(match.data(), match.size()).substr(0, 3) == "⟦");
        }
      }
    }
  }
  CHECK(claimed > 100);
}

}  // namespace relgraph
