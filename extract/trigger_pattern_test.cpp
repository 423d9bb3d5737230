#include "extract/trigger_pattern.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "extract/rules.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

TEST_CASE("trigger_pattern: bounded repeats become stars, nothing else changes") {
  CHECK(trigger_pattern("a{0,30}b") == "a*b");
  CHECK(trigger_pattern("a{2,}?b{1,3}?") == "a*?b*?");
  CHECK(trigger_pattern("(?:[^⟦⟧]|x){0,50}?y") == "(?:[^⟦⟧]|x)*?y");
  CHECK(trigger_pattern("a{3}") == "a{3}");        // an exact count stays
  CHECK(trigger_pattern("[가-힣]{1,2}x{0,2}?y{2,2}") == "[가-힣]{1,2}x{0,2}?y{2,2}");  // short repeats stay
  CHECK(trigger_pattern("a{1,20}b{0,3}c{2,}") == "a*b*c*");  // an upper bound over 2 does not
  CHECK(trigger_pattern("a{,3}b{1,") == "a{,3}b{1,");  // not repeats in RE2: literal braces
  CHECK(trigger_pattern("[{0,3}]") == "[{0,3}]");  // braces inside a class are members
  CHECK(trigger_pattern("[]{1,2}]x{1,3}") == "[]{1,2}]x*");
  CHECK(trigger_pattern("[^]{1,2}]") == "[^]{1,2}]");
  CHECK(trigger_pattern("[[:alpha:]{1,2}]{1,3}") == "[[:alpha:]{1,2}]*");
  CHECK(trigger_pattern("\\{1,3}a") == "\\{1,3}a");  // an escaped brace
  CHECK(trigger_pattern("\\Qa{1,3}\\Eb{1,3}") == "\\Qa{1,3}\\Eb*");
  CHECK(trigger_pattern("[\\]{1,2}]") == "[\\]{1,2}]");
}

TEST_CASE("trigger_pattern: the loosened pattern matches wherever the pattern does") {
  const std::vector<std::string> patterns = {"(?:^|[^a])(a{1,2})b{2,}(?:c|$)", "x[ab]{0,3}?y{1,1}z",
                                             "(?:ab|b){2,3}c", "\\b[a-c]{2,4}\\b"};
  std::mt19937 random(11);
  const std::string alphabet = "abcxyz ";
  int matched = 0;
  for (const std::string& pattern : patterns) {
    const RE2 strict(pattern);
    const RE2 loose(trigger_pattern(pattern));
    REQUIRE(strict.ok());
    REQUIRE(loose.ok());
    for (int round = 0; round < 3000; ++round) {
      std::string text;
      for (std::size_t n = random() % 12; n > 0; --n) text += alphabet[random() % alphabet.size()];
      if (!RE2::PartialMatch(text, strict)) continue;
      ++matched;
      INFO(pattern, " on \"", text, "\"");
      CHECK(RE2::PartialMatch(text, loose));
    }
  }
  CHECK(matched > 300);  // the texts exercise the patterns
}

TEST_CASE("trigger_pattern: every shipped rule loosens into a pattern that still matches its sample lines") {
  const auto rules = testing::shipped_rules();
  std::vector<const RE2*> regexes;
  for (const auto& rule : rules->entity_rules()) regexes.push_back(rule.regex.get());
  for (const auto& rule : rules->relation_rules()) regexes.push_back(rule.regex.get());
  for (const auto& rule : rules->boilerplate_rules()) regexes.push_back(rule.regex.get());
  std::vector<std::string> lines;
  for (const auto& file : std::filesystem::directory_iterator(testing::samples_dir() / "news")) {
    std::istringstream in(testing::read_file(file.path()));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  int loosened = 0;
  int matched = 0;
  for (const RE2* regex : regexes) {
    const std::string loose_pattern = trigger_pattern(regex->pattern());
    if (loose_pattern != regex->pattern()) ++loosened;
    const RE2 loose(loose_pattern, regex->options());
    INFO(regex->pattern());
    REQUIRE(loose.ok());
    for (const std::string& line : lines) {
      if (!RE2::PartialMatch(line, *regex)) continue;
      ++matched;
      CHECK(RE2::PartialMatch(line, loose));
    }
  }
  CHECK(loosened > 10);
  CHECK(matched > 50);
  // What the bench's scan bound reads as the sets' patterns is what they hold.
  const std::vector<std::string> in_sets = rules->set_patterns();
  REQUIRE(in_sets.size() == regexes.size());
  for (std::size_t i = 0; i < regexes.size(); ++i) CHECK(in_sets[i] == trigger_pattern(regexes[i]->pattern()));
}

}  // namespace
}  // namespace relgraph
