// MatchStart: what any match of a regex begins with, so that callers can
// skip asking RE2 where no match can begin.
//
// Computed once from RE2::PossibleMatchRange, which bounds every match
// anchored at its start: min <= match <= max. Every string between the two
// begins with their common prefix, and its next byte lies between theirs.
// The answer errs only one way: may_begin_at() is true wherever a match
// anchored there exists, and perhaps elsewhere.
#pragma once

#include <re2/re2.h>

#include <string>
#include <string_view>

namespace relgraph {

// Whether every match of `pattern` (RE2 syntax) begins with `literal` (text
// with no regex metacharacters), judged from the pattern's text alone: the
// pattern, or each top-level alternative, begins with the literal or with a
// group, not repeated, whose every alternative does. False when in doubt
// (flags, escapes, assertions, a quantifier on the group or the literal):
// a false "no" costs only a missed shortcut. What MatchStart's
// always_begins_with answers exactly, without building a DFA for it (that
// cost a 75-rule load 46 million instructions and 6 MB).
bool pattern_begins_with(std::string_view pattern, std::string_view literal);

class MatchStart {
 public:
  explicit MatchStart(const RE2& regex);

  // False only if no match of the regex anchored at text[at] exists.
  bool may_begin_at(std::string_view text, std::size_t at) const;
  // Whether every match begins with `prefix`: exact, but building the DFA
  // costs; the rules use pattern_begins_with, tested against this.
  bool always_begins_with(std::string_view prefix) const {
    return known_ && std::string_view(common_).substr(0, prefix.size()) == prefix;
  }

 private:
  bool known_ = false;  // false: RE2 gave no range (e.g. a pattern starting with .*)
  std::string common_;  // the common prefix of min and max
  // The byte after the common prefix: between these, when both strings go on.
  int next_low_ = -1;
  int next_high_ = -1;
  bool needs_more_ = false;  // min is longer than the common prefix: a match is too
};

}  // namespace relgraph
