// set_matches: which patterns of an RE2::Set match a text, in pattern order.
//
// RE2::Set::Match answers false both for "no pattern matches" and for "I
// could not tell" (ErrorInfo says which: its DFA ran out of memory, the set
// is not compiled, or RE2 found itself inconsistent). RE2 keeps room for
// twenty of its largest states, so on our sets none of these has happened.
// When one does, each pattern's own regex is asked instead: slower, but the
// same answer, never a silent "none".
// `Set` is RE2::Set in the library; tests stand in a set that fails.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace relgraph {

// Indices i < count of the patterns that match `text`, ascending.
// regex_at(i) is pattern i as a full regex (the set may hold it loosened:
// then the answer may also name patterns whose regex does not match).
template <typename Set, typename RegexAt>
std::vector<int> set_matches(const Set& set, std::size_t count, RegexAt regex_at, std::string_view text) {
  std::vector<int> hits;
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  const re2::StringPiece piece(text.data(), text.size());
  if (!set.Match(piece, &hits, &info) && info.kind != RE2::Set::kNoError) {
    hits.clear();
    for (std::size_t i = 0; i < count; ++i) {
      if (RE2::PartialMatch(piece, regex_at(i))) hits.push_back(static_cast<int>(i));
    }
  }
  std::sort(hits.begin(), hits.end());
  return hits;
}

}  // namespace relgraph
