#include "extract/match_start.h"

#include <algorithm>

#include "extract/pattern_text.h"

namespace relgraph {

namespace {
// How many bytes of a match PossibleMatchRange looks at: enough for a
// placeholder's bracket or an opening parenthesis and what follows it.
constexpr int kRangeBytes = 10;

bool is_quantifier(std::string_view rest) {
  return !rest.empty() && (rest[0] == '?' || rest[0] == '*' || rest[0] == '+' || rest[0] == '{');
}

// Calls on_top(i) for each character at depth 0 of `pattern` (outside groups,
// classes and escapes). Returns the index of the first ')' that closes a
// group the pattern does not open, else pattern.size(); npos when a class
// does not close or on_top returned false (to stop).
template <typename OnTop>
std::size_t scan_top_level(std::string_view pattern, OnTop on_top) {
  int depth = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      if (pattern.substr(i + 1, 1) == "Q") return std::string_view::npos;  // \Q...\E quotes parentheses
      ++i;
    } else if (c == '[') {
      const std::size_t end = character_class_end(pattern, i);
      if (end == std::string_view::npos) return end;
      i = end - 1;  // the class's ']'
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return i;
    } else if (depth == 0 && !on_top(i)) {
      return std::string_view::npos;
    }
  }
  return pattern.size();
}

bool alternation_begins_with(std::string_view pattern, std::string_view literal);

bool sequence_begins_with(std::string_view sequence, std::string_view literal) {
  if (sequence.substr(0, literal.size()) == literal) return !is_quantifier(sequence.substr(literal.size()));
  if (sequence.empty() || sequence[0] != '(') return false;
  std::string_view inner = sequence.substr(1);
  const std::size_t close = scan_top_level(inner, [](std::size_t) { return true; });
  if (close >= inner.size() || is_quantifier(inner.substr(close + 1))) return false;
  inner = inner.substr(0, close);
  if (inner.substr(0, 2) == "?:") {
    inner.remove_prefix(2);
  } else if (inner.substr(0, 3) == "?P<") {
    const std::size_t name_end = inner.find('>');
    if (name_end == std::string_view::npos) return false;
    inner.remove_prefix(name_end + 1);
  } else if (inner.substr(0, 1) == "?") {
    return false;  // flags: the literal might not mean itself
  }
  return alternation_begins_with(inner, literal);
}

bool alternation_begins_with(std::string_view pattern, std::string_view literal) {
  std::size_t begin = 0;
  bool all = true;
  const auto check = [&](std::size_t end) {
    all = all && sequence_begins_with(pattern.substr(begin, end - begin), literal);
    begin = end + 1;
    return all;
  };
  const std::size_t end = scan_top_level(pattern, [&](std::size_t i) { return pattern[i] != '|' || check(i); });
  return end == pattern.size() && check(end);
}

}  // namespace

bool pattern_begins_with(std::string_view pattern, std::string_view literal) {
  return !literal.empty() && alternation_begins_with(pattern, literal);
}

MatchStart::MatchStart(const RE2& regex) {
  std::string min;
  std::string max;
  if (!regex.PossibleMatchRange(&min, &max, kRangeBytes)) return;
  known_ = true;
  const auto common = static_cast<std::size_t>(
      std::mismatch(min.begin(), min.begin() + static_cast<std::ptrdiff_t>(std::min(min.size(), max.size())),
                    max.begin())
          .first -
      min.begin());
  common_ = min.substr(0, common);
  needs_more_ = min.size() > common;
  if (min.size() > common && max.size() > common) {
    next_low_ = static_cast<unsigned char>(min[common]);
    next_high_ = static_cast<unsigned char>(max[common]);
  }
}

bool MatchStart::may_begin_at(std::string_view text, std::size_t at) const {
  if (!known_) return true;
  if (at > text.size()) return false;
  const std::string_view rest = text.substr(at);
  if (rest.substr(0, common_.size()) != common_) return false;
  if (rest.size() == common_.size()) return !needs_more_;
  if (next_low_ < 0) return true;
  const int next = static_cast<unsigned char>(rest[common_.size()]);
  return next >= next_low_ && next <= next_high_;
}

}  // namespace relgraph
