// Word-list files: the cue words, titles, particles and stop words rules use.
//
// One entry per line; columns separated by a tab (the first is the word);
// blank lines and lines starting with '#' are skipped; spaces around
// columns are trimmed. Example line of lexicon/particles.txt: "이\tconsonant".
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace relgraph {

struct LexiconEntry {
  std::string word;
  std::vector<std::string> columns;  // the columns after the word
  std::size_t line = 0;
};

// Hashes words as string_views, so that the containers below find a word
// given as a string_view without building a std::string for it (a
// malloc for every word over 15 bytes, on every candidate name).
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view word) const noexcept { return std::hash<std::string_view>()(word); }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;
template <typename Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;

// Throws Error(kRules) when the file cannot be read.
std::vector<LexiconEntry> load_lexicon(const std::string& path);

}  // namespace relgraph
