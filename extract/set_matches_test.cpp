#include "extract/set_matches.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

namespace relgraph {

namespace {

const std::vector<std::string> kPatterns = {"(?:인수|합병)했다", "[가-힣]+전자", "^속보", "협력"};

// regex_at for set_matches over kPatterns, counting how often it is asked.
struct Regexes {
  std::vector<std::unique_ptr<RE2>> compiled;
  std::size_t asked = 0;
  Regexes() {
    for (const std::string& p : kPatterns) compiled.push_back(std::make_unique<RE2>(p));
  }
  auto at() {
    return [this](std::size_t i) -> const RE2& {
      ++asked;
      return *compiled[i];
    };
  }
};

// A set that always answers false, as RE2::Set does: for "none" with
// kNoError; when it cannot tell with the reason, and then with a result that
// must not be trusted.
struct FalseSet {
  RE2::Set::ErrorKind kind;
  bool Match(const re2::StringPiece&, std::vector<int>* hits, RE2::Set::ErrorInfo* info) const {
    if (kind != RE2::Set::kNoError) hits->assign({3, 0});  // junk the caller must drop
    info->kind = kind;
    return false;
  }
};

}  // namespace

TEST_CASE("set matches: an RE2::Set's hits, in pattern order") {
  Regexes regexes;
  RE2::Set set(RE2::Options(), RE2::UNANCHORED);
  for (const std::string& p : kPatterns) REQUIRE(set.Add(p, nullptr) >= 0);
  REQUIRE(set.Compile());
  const auto regex_at = regexes.at();
  CHECK(set_matches(set, kPatterns.size(), regex_at, "속보 해솔전자와 협력했다") == std::vector<int>{1, 2, 3});
  CHECK(set_matches(set, kPatterns.size(), regex_at, "해솔전자가 누리를 인수했다") == std::vector<int>{0, 1});
  CHECK(set_matches(set, kPatterns.size(), regex_at, "아무 일도 없었다").empty());
}

TEST_CASE("set matches: a set that cannot tell is replaced by each pattern's own regex") {
  Regexes regexes;
  const auto regex_at = regexes.at();
  for (const auto kind : {RE2::Set::kOutOfMemory, RE2::Set::kInconsistent, RE2::Set::kNotCompiled}) {
    CAPTURE(static_cast<int>(kind));
    regexes.asked = 0;
    const FalseSet set{kind};
    CHECK(set_matches(set, kPatterns.size(), regex_at, "속보 해솔전자와 협력했다") == std::vector<int>{1, 2, 3});
    CHECK(regexes.asked == kPatterns.size());
    CHECK(set_matches(set, kPatterns.size(), regex_at, "아무 일도 없었다").empty());
  }
}

TEST_CASE("set matches: a set's plain no is trusted, and no regex is asked") {
  Regexes regexes;
  const auto regex_at = regexes.at();
  const FalseSet says_none{RE2::Set::kNoError};
  CHECK(set_matches(says_none, kPatterns.size(), regex_at, "속보 해솔전자와 협력했다").empty());
  CHECK(regexes.asked == 0);
}

}  // namespace relgraph
