#include "extract/lexicon.h"

#include <fstream>

#include "extract/error.h"

namespace relgraph {

namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \r");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \r");
  return s.substr(first, last - first + 1);
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> columns;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    columns.push_back(trim(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return columns;
}

}  // namespace

std::vector<LexiconEntry> load_lexicon(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Error::Kind::kRules, path, "cannot open word list");
  std::vector<LexiconEntry> entries;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    const std::string trimmed = trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    std::vector<std::string> columns = split_tabs(line);
    LexiconEntry entry;
    entry.word = columns.front();
    entry.columns.assign(columns.begin() + 1, columns.end());
    entry.line = number;
    if (!entry.word.empty()) entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace relgraph
