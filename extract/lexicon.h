// Word-list files: the cue words, titles, particles and stop words rules use.
//
// One entry per line; columns separated by a tab (the first is the word);
// blank lines and lines starting with '#' are skipped; spaces around
// columns are trimmed. Example line of lexicon/particles.txt: "이\tconsonant".
#pragma once

#include <string>
#include <vector>

namespace relgraph {

struct LexiconEntry {
  std::string word;
  std::vector<std::string> columns;  // the columns after the word
  std::size_t line = 0;
};

// Throws Error(kRules) when the file cannot be read.
std::vector<LexiconEntry> load_lexicon(const std::string& path);

}  // namespace relgraph
