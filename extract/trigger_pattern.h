// trigger_pattern: a rule's pattern loosened for the RE2::Set that picks
// which rules to run on a sentence.
//
// Every bounded repeat outside a character class ("X{0,30}", "X{2,}",
// lazy or not) becomes "X*" (lazy if it was). The loosened pattern matches
// wherever the rule's pattern does, and sometimes where it does not: a set
// of them picks a superset of the rules that match, and each rule then runs
// itself. Bounded repeats cost a set's DFA dearly (each count is a state of
// its own, multiplied across the set's patterns), and the DFA walk of the
// sets is most of extraction's time; loosened sets made extraction about a
// tenth faster with the same output (BENCHMARKS.md).
// Exact repeats ("X{3}") and escaped or quoted braces stay as they are.
#pragma once

#include <string>
#include <string_view>

namespace relgraph {

std::string trigger_pattern(std::string_view pattern);

}  // namespace relgraph
