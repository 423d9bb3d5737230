#include "extract/groups_pattern.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/submatch_cache.h"

namespace relgraph {

namespace {

std::unique_ptr<RE2> regex(const std::string& pattern) { return std::make_unique<RE2>(pattern); }

std::vector<GroupsPattern::Check> check(const std::string& group, const std::string& pattern) {
  std::vector<GroupsPattern::Check> checks;
  checks.push_back({group, regex(pattern)});
  return checks;
}

// The groups fill() gives for the whole of `text`, as strings ("-" for a
// group that took no part), or {"no"} when it answers false.
std::vector<std::string> filled(const GroupsPattern& groups, const RE2& rule, const std::string& text) {
  std::vector<re2::StringPiece> out(static_cast<std::size_t>(rule.NumberOfCapturingGroups()) + 1);
  if (!groups.fill(re2::StringPiece(text), 0, text.size(), out.data(), static_cast<int>(out.size()))) return {"no"};
  std::vector<std::string> strings;
  for (const re2::StringPiece& g : out) strings.push_back(g.data() ? std::string(g) : "-");
  return strings;
}

// What the constructor refuses, or "" when it accepts.
std::string refusal(const RE2& rule, const std::string& groups, std::vector<GroupsPattern::Check> checks = {}) {
  try {
    GroupsPattern pattern(rule, regex(groups), std::move(checks));
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("groups pattern: groups come back numbered as the rule numbers them, its unnamed groups unset") {
  // The rule has an unnamed group first; the groups pattern has its groups in another order.
  const RE2 rule("(x)?(?P<ORG>[가-힣]+?(?:전자|그룹))(?P<PERSON>[가-힣]{3})?");
  const GroupsPattern groups(rule, regex("(?P<PERSON>)(?P<ORG>[가-힣]+)"), {});
  CHECK(filled(groups, rule, "해솔전자") == std::vector<std::string>{"해솔전자", "-", "해솔전자", ""});
}

TEST_CASE("groups pattern: a checked group must match its check in full, else the rule's own groups are wanted") {
  const RE2 rule("(?P<ORG>[가-힣]+?(?:전자|그룹))(?:은|는)");
  const GroupsPattern groups(rule, regex("(?P<ORG>[가-힣]+?)(?:은|는)"), check("ORG", "[가-힣]+(?:전자|그룹)"));
  CHECK(filled(groups, rule, "해솔전자는") == std::vector<std::string>{"해솔전자는", "해솔전자"});
  // Its shortest reading, "해솔", ends in no suffix: the check fails.
  CHECK(filled(groups, rule, "해솔은") == std::vector<std::string>{"no"});
  // A check is a full match, not a search: "해솔전자랩" contains a suffix but does not end in one.
  CHECK(filled(groups, rule, "해솔전자랩은") == std::vector<std::string>{"no"});
}

TEST_CASE("groups pattern: a group of its own is checked and not handed on") {
  const RE2 rule("(?P<ORG>[가-힣]+) (?:대표|사장)(?:은|는)");
  const GroupsPattern groups(rule, regex("(?P<ORG>[가-힣]+) (?P<title>[가-힣]+?)(?:은|는)"), check("title", "대표|사장"));
  CHECK(filled(groups, rule, "해솔전자 대표는") == std::vector<std::string>{"해솔전자 대표는", "해솔전자"});
  CHECK(filled(groups, rule, "해솔전자 부장은") == std::vector<std::string>{"no"});
}

TEST_CASE("groups pattern: no match on the span, no groups") {
  const RE2 rule("(?P<ORG>[가-힣]+)(?:은|는)");
  const GroupsPattern groups(rule, regex("(?P<ORG>[가-힣]+)는"), {});
  CHECK(filled(groups, rule, "해솔전자은") == std::vector<std::string>{"no"});
}

TEST_CASE("groups pattern: a checked group that takes no part passes its check") {
  const RE2 rule("(?:(?P<ORG>[가-힣]+전자)|(?P<ORG_2>[A-Z]+))!");
  const GroupsPattern groups(rule, regex("(?:(?P<ORG>[가-힣]+)|(?P<ORG_2>[A-Z]+))!"), check("ORG", "[가-힣]+전자"));
  CHECK(filled(groups, rule, "ABC!") == std::vector<std::string>{"ABC!", "-", "ABC"});
  CHECK(filled(groups, rule, "해솔전자!") == std::vector<std::string>{"해솔전자!", "해솔전자", "-"});
}

TEST_CASE("groups pattern: what it refuses, with the reason") {
  const RE2 rule("(?P<ORG>[가-힣]+)(?P<PERSON>[가-힣]{3})");
  CHECK(refusal(rule, "(?P<ORG>.+)(?P<PERSON>...)").empty());
  CHECK(refusal(rule, "(?P<ORG>.+)").find("lacks the rule's group PERSON") != std::string::npos);
  CHECK(refusal(rule, "(?P<ORG>.+)(?P<PERSON>...)(?P<PRODUCT>.)").find("a group PRODUCT that neither") !=
        std::string::npos);
  // A group of its own is fine when a check uses it.
  CHECK(refusal(rule, "(?P<ORG>.+)(?P<PERSON>...)(?P<title>.)", check("title", "x")).empty());
  CHECK(refusal(rule, "(?P<ORG>.+)(?P<PERSON>...").find("does not compile") != std::string::npos);
  CHECK(refusal(rule, "(?P<ORG>.+)(?P<PERSON>...)", check("PRODUCT", ".+")).find("\"check\" names PRODUCT") !=
        std::string::npos);
  CHECK(refusal(rule, "(?P<ORG>.+)(?P<PERSON>...)", check("ORG", "(")).find("the check of ORG does not compile") !=
        std::string::npos);
  // RE2 has no counters: 300 copies of a Hangul class are well over 512 instructions.
  const std::string large = "(?P<ORG>[가-힣]{300})(?P<PERSON>...)";
  CHECK(refusal(rule, large).find("instructions") != std::string::npos);
}

TEST_CASE("groups pattern: the group cache takes groups from it when they are not cached") {
  // Two readings the rule allows: its own takes the longest x+, the groups pattern the shortest.
  const RE2 rule("(?P<A>x+)(?P<B>x*)y");
  const GroupsPattern groups(rule, regex("(?P<A>x+?)(?P<B>x*)y"), check("A", "x+"));
  const std::string text = "  xxxy";
  std::vector<re2::StringPiece> found(3);
  SubmatchCache with_pattern;
  REQUIRE(with_pattern.match(rule, text, 0, found.data(), 3, RE2::UNANCHORED, &groups));
  CHECK(std::string(found[1]) == "x");
  CHECK(std::string(found[2]) == "xx");
  SubmatchCache without;
  REQUIRE(without.match(rule, text, 0, found.data(), 3));
  CHECK(std::string(found[1]) == "xxx");
  // Anchored at a prefix too.
  SubmatchCache at_prefix;
  REQUIRE(at_prefix.match_at_prefix(rule, "x", text, 0, found.data(), 3, &groups));
  CHECK(std::string(found[1]) == "x");
}

}  // namespace relgraph
