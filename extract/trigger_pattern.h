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
// Exact repeats ("X{3}"), short ones ("X{1,2}", "X{0,2}": at most two) and
// escaped or quoted braces stay as they are. A short repeat costs a DFA no
// more states than its star, and ends the pattern's thread where the star
// would carry it through every word: in "{SURNAME}[가-힣]{1,2}" the star kept
// a name started at each common syllable alive to the end of the word.
// Keeping them cut the entity layer-1 set's DFA states by a fifth on real
// articles and by a quarter on generated news (BENCHMARKS.md).
#pragma once

#include <string>
#include <string_view>

namespace relgraph {

std::string trigger_pattern(std::string_view pattern);

}  // namespace relgraph
