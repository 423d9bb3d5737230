#include "extract/match_start.h"

#include <algorithm>

namespace relgraph {

namespace {
// How many bytes of a match PossibleMatchRange looks at: enough for a
// placeholder's bracket or an opening parenthesis and what follows it.
constexpr int kRangeBytes = 10;
}  // namespace

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
