#include "extract/groups_pattern.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace relgraph {

namespace {

// Groups fill() asks RE2 for on the stack; patterns with more are refused
// (rules have a handful).
constexpr int kMaxGroups = 32;

}  // namespace

GroupsPattern::GroupsPattern(const RE2& rule, std::unique_ptr<RE2> groups, std::vector<Check> checks)
    : groups_(std::move(groups)) {
  if (!groups_ || !groups_->ok()) {
    throw std::invalid_argument("the groups pattern does not compile: " + (groups_ ? groups_->error() : ""));
  }
  if (groups_->ProgramSize() > kMaxProgramSize) {
    throw std::invalid_argument("the groups pattern compiles to " + std::to_string(groups_->ProgramSize()) +
                                " instructions; above " + std::to_string(kMaxProgramSize) +
                                " RE2 finds its groups no faster than the rule's (leave word lists to \"check\")");
  }
  if (groups_->NumberOfCapturingGroups() + 1 > kMaxGroups) {
    throw std::invalid_argument("the groups pattern has more than " + std::to_string(kMaxGroups - 1) + " groups");
  }
  const auto& mine = groups_->NamedCapturingGroups();
  const auto& theirs = rule.NamedCapturingGroups();
  for (const auto& group : mine) {
    const std::string& name = group.first;  // not a structured binding: clang 14 cannot capture one
    const bool checked = std::any_of(checks.begin(), checks.end(), [&](const Check& c) { return c.group == name; });
    if (!theirs.count(name) && !checked) {
      throw std::invalid_argument("the groups pattern has a group " + name + " that neither the rule nor a check uses");
    }
  }
  group_of_rule_group_.assign(static_cast<std::size_t>(rule.NumberOfCapturingGroups()) + 1, 0);
  for (const auto& [name, index] : theirs) {
    const auto it = mine.find(name);
    if (it == mine.end()) throw std::invalid_argument("the groups pattern lacks the rule's group " + name);
    group_of_rule_group_[static_cast<std::size_t>(index)] = it->second;
  }
  for (Check& check : checks) {
    const auto it = mine.find(check.group);
    if (it == mine.end()) {
      throw std::invalid_argument("\"check\" names " + check.group + ", not a group of the groups pattern");
    }
    if (!check.pattern || !check.pattern->ok()) {
      throw std::invalid_argument("the check of " + check.group +
                                  " does not compile: " + (check.pattern ? check.pattern->error() : ""));
    }
    checks_.emplace_back(it->second, std::move(check.pattern));
  }
}

const RE2* GroupsPattern::check_of(const std::string& group) const {
  const auto& named = groups_->NamedCapturingGroups();
  const auto it = named.find(group);
  if (it == named.end()) return nullptr;
  for (const auto& [index, check] : checks_) {
    if (index == it->second) return check.get();
  }
  return nullptr;
}

bool GroupsPattern::fill(const re2::StringPiece& whole, std::size_t begin, std::size_t end, re2::StringPiece* groups,
                         int n) const {
  std::array<re2::StringPiece, kMaxGroups> found;
  const int count = groups_->NumberOfCapturingGroups() + 1;
  if (!groups_->Match(whole, begin, end, RE2::ANCHOR_BOTH, found.data(), count)) return false;
  for (const auto& [index, check] : checks_) {
    const re2::StringPiece& g = found[static_cast<std::size_t>(index)];
    if (g.data() != nullptr && !RE2::FullMatch(g, *check)) return false;
  }
  groups[0] = found[0];
  for (int i = 1; i < n; ++i) {
    const std::size_t rule_group = static_cast<std::size_t>(i);
    const int mine = rule_group < group_of_rule_group_.size() ? group_of_rule_group_[rule_group] : 0;
    groups[i] = mine == 0 ? re2::StringPiece() : found[static_cast<std::size_t>(mine)];
  }
  return true;
}

}  // namespace relgraph
