#include "extract/set_matches.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

namespace relgraph {

namespace {

const std::vector<std::string> kPatterns = {"(?:인수|합병)했다", "[가-힣]+전자", "^속보", "협력"};

std::vector<std::unique_ptr<RE2>> compile_all() {
  std::vector<std::unique_ptr<RE2>> regexes;
  for (const std::string& p : kPatterns) regexes.push_back(std::make_unique<RE2>(p));
  return regexes;
}

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
  const auto regexes = compile_all();
  RE2::Set set(RE2::Options(), RE2::UNANCHORED);
  for (const std::string& p : kPatterns) REQUIRE(set.Add(p, nullptr) >= 0);
  REQUIRE(set.Compile());
  auto regex_at = [&](std::size_t i) -> const RE2& { return *regexes[i]; };
  CHECK(set_matches(set, kPatterns.size(), regex_at, "속보 해솔전자와 협력했다") == std::vector<int>{1, 2, 3});
  CHECK(set_matches(set, kPatterns.size(), regex_at, "해솔전자가 누리를 인수했다") == std::vector<int>{0, 1});
  CHECK(set_matches(set, kPatterns.size(), regex_at, "아무 일도 없었다").empty());
}

TEST_CASE("set matches: a set that cannot tell is replaced by each pattern's own regex") {
  const auto regexes = compile_all();
  std::size_t asked = 0;
  auto regex_at = [&](std::size_t i) -> const RE2& {
    ++asked;
    return *regexes[i];
  };
  for (const auto kind : {RE2::Set::kOutOfMemory, RE2::Set::kInconsistent, RE2::Set::kNotCompiled}) {
    CAPTURE(static_cast<int>(kind));
    asked = 0;
    const FalseSet set{kind};
    CHECK(set_matches(set, kPatterns.size(), regex_at, "속보 해솔전자와 협력했다") == std::vector<int>{1, 2, 3});
    CHECK(asked == kPatterns.size());
    CHECK(set_matches(set, kPatterns.size(), regex_at, "아무 일도 없었다").empty());
  }
}

TEST_CASE("set matches: a set's plain no is trusted, and no regex is asked") {
  const auto regexes = compile_all();
  std::size_t asked = 0;
  auto regex_at = [&](std::size_t i) -> const RE2& {
    ++asked;
    return *regexes[i];
  };
  const FalseSet says_none{RE2::Set::kNoError};
  CHECK(set_matches(says_none, kPatterns.size(), regex_at, "속보 해솔전자와 협력했다").empty());
  CHECK(asked == 0);
}

}  // namespace relgraph
