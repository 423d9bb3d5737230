// GroupsPattern: a second, smaller pattern that finds a rule's capture
// groups inside a match of the rule's own pattern.
//
// Why: RE2 finds where a rule matches with its DFAs, but the groups of a
// program over 512 instructions come from its NFA, several times slower
// than the BitState engine it uses below that size; word lists make most
// rules that large. A rule may therefore add a pattern without its word
// lists, plus checks that put them back on the groups it captured:
//   rule:    {BEFORE}(?P<ORG>{NAME_CHAR}[가-힣A-Za-z0-9&]{0,11}?{ORG_SUFFIX}){END}
//   groups:  {BEFORE}(?P<ORG>{NAME_CHAR}[가-힣A-Za-z0-9&]*?){END}
//   check:   ORG must match {NAME_CHAR}[가-힣A-Za-z0-9&]{0,11}?{ORG_SUFFIX} in full
//
// Contract: fill() runs the groups pattern anchored at both ends of the
// span the rule matched. It answers false, and the caller must take the
// rule's own groups, when the pattern does not match the span or a checked
// group that took part fails its check (a check is a full match without
// groups: DFAs only). So a group is never something the rule could not
// capture. What a groups pattern must get right itself is the choice
// between two readings the rule allows both of; `relgraph extract
// --no-groups-patterns` and the tests compare whole outputs to find out.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace relgraph {

class GroupsPattern {
 public:
  // RE2 runs BitState, not its NFA, for programs of at most this many
  // instructions (re2/prog.cc); a groups pattern above it speeds nothing up.
  static constexpr int kMaxProgramSize = 512;

  struct Check {
    std::string group;                   // a named group of the rule
    std::shared_ptr<const RE2> pattern;  // what that group's text must match in full (rules may share it)
  };

  // `groups` has every named group of the rule, and may have groups of its
  // own for checks: "(?P<title>[^ ]+)" checked against "{TITLE}" makes sure
  // a part of the match the rule tests against a word list is one. Throws
  // std::invalid_argument with the reason when `groups` does not compile,
  // is over kMaxProgramSize, lacks a named group of the rule or has one
  // neither the rule nor a check uses, or a check names a group `groups`
  // lacks or does not compile.
  GroupsPattern(const RE2& rule, std::unique_ptr<RE2> groups, std::vector<Check> checks);

  // The rule's groups 0..n-1 for its match text[begin, end) of `whole`
  // (the text it searched), numbered as the rule numbers them; an unnamed
  // group of the rule is left unset. False: use the rule's own groups.
  bool fill(const re2::StringPiece& whole, std::size_t begin, std::size_t end, re2::StringPiece* groups,
            int n) const;

  const RE2& regex() const { return *groups_; }
  // The check on this pattern's group named `group`, or null when it has none.
  const RE2* check_of(const std::string& group) const;

 private:
  std::unique_ptr<RE2> groups_;
  // For each group number of the rule, the number of the same-named group
  // of groups_, or 0 for none.
  std::vector<int> group_of_rule_group_;
  // (group number of groups_, check).
  std::vector<std::pair<int, std::shared_ptr<const RE2>>> checks_;
};

}  // namespace relgraph
