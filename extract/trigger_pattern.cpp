#include "extract/trigger_pattern.h"

#include <algorithm>

#include "extract/pattern_text.h"

namespace relgraph {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The length of a bounded repeat "{m,n}" or "{m,}" at text[at], or 0.
std::size_t bounded_repeat_length(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  const std::size_t first_digit = i;
  while (i < text.size() && is_digit(text[i])) ++i;
  if (i == first_digit || i >= text.size() || text[i] != ',') return 0;
  ++i;
  while (i < text.size() && is_digit(text[i])) ++i;
  if (i >= text.size() || text[i] != '}') return 0;
  return i + 1 - at;
}

// Whether the bounded repeat "{m,n}" at text[at] (of `length` bytes) has an
// upper bound of at most 2: "{1,2}", "{0,2}". Those stay in trigger patterns.
bool is_short_repeat(std::string_view text, std::size_t at, std::size_t length) {
  const std::string_view repeat = text.substr(at + 1, length - 2);
  const std::string_view upper = repeat.substr(repeat.find(',') + 1);
  return upper.size() == 1 && upper[0] <= '2';
}

}  // namespace

std::string trigger_pattern(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  std::size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    std::size_t next = i + 1;
    if (c == '\\' && pattern.compare(i, 2, "\\Q") == 0) {  // \Q...\E is literal text
      const std::size_t end = pattern.find("\\E", i + 2);
      next = end == std::string_view::npos ? pattern.size() : end + 2;
    } else if (c == '\\') {
      next = std::min(i + 2, pattern.size());
    } else if (c == '[') {
      next = std::min(character_class_end(pattern, i), pattern.size());  // unclosed: the rest
    } else if (c == '{') {
      if (const std::size_t length = bounded_repeat_length(pattern, i); length && !is_short_repeat(pattern, i, length)) {
        out += '*';
        i += length;
        continue;
      }
    }
    out.append(pattern.substr(i, next - i));
    i = next;
  }
  return out;
}

}  // namespace relgraph
