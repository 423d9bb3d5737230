#include "extract/pattern_text.h"

namespace relgraph {

std::size_t character_class_end(std::string_view pattern, std::size_t at) {
  std::size_t i = at + 1;
  if (i < pattern.size() && pattern[i] == '^') ++i;
  if (i < pattern.size() && pattern[i] == ']') ++i;
  while (i < pattern.size()) {
    if (pattern[i] == '\\') {
      i += 2;
    } else if (pattern.compare(i, 2, "[:") == 0) {
      const std::size_t close = pattern.find(":]", i + 2);
      if (close == std::string_view::npos) return close;
      i = close + 2;
    } else if (pattern[i] == ']') {
      return i + 1;
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

}  // namespace relgraph
