// SubmatchCache: a regex's capture groups, remembered by the exact text of
// its match.
//
// RE2 finds where a rule matches with its DFAs, which is fast; the capture
// groups then come from its NFA whenever the program is larger than 512
// instructions (BitState's limit), which most rules are, and that NFA was the
// dearest step of extraction. Inside a match span the groups depend only on
// the span's bytes and on the byte either side of it, and of that byte only
// on what RE2's empty-width assertions (^ $ \A \z \b \B, multi-line or not)
// can tell: whether there is one, whether it is a newline, whether it is a
// word character. So the same match text in the same kind of context always
// has the same groups. News repeats itself ("삼성전자는", "대표이사 사장은"),
// so groups are looked up far more often than computed.
//
// Bounded: about `budget_bytes` in all. Entries live in two generations;
// when the newer fills half the budget, the older is dropped and the newer
// takes its place, and an entry of the older that is used again moves back
// to the newer: what keeps being used stays, one-off matches go.
// Not thread-safe: one per thread (each pipeline stage that runs rules owns one).
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace relgraph {

class SubmatchCache {
 public:
  explicit SubmatchCache(std::size_t budget_bytes = std::size_t{4} << 20) : budget_(budget_bytes) {}

  // Exactly RE2::Match(text, pos, text.size(), RE2::UNANCHORED, groups, n):
  // the leftmost match at or after pos, groups[0] the whole match.
  bool match(const RE2& regex, std::string_view text, std::size_t pos, re2::StringPiece* groups, int n);

  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }

 private:
  // Each group as (begin, end) relative to the match; (-1, -1) when it did not take part.
  using Offsets = std::vector<std::pair<std::int32_t, std::int32_t>>;
  using Entries = std::unordered_map<std::string, Offsets>;

  // The groups remembered for key_, or null.
  const Offsets* find();
  // Adds offsets for key_ to the newer generation; returns them as stored.
  const Offsets& insert(Offsets offsets);
  // What an entry costs in memory, roughly: its key, offsets, node and heap headers.
  static std::size_t cost(std::size_t key_size, std::size_t groups);

  std::size_t budget_;
  std::size_t held_ = 0;  // bytes held by newer_
  std::size_t hits_ = 0;
  std::size_t misses_ = 0;
  std::string key_;  // the key being looked up, reused
  Entries newer_;
  Entries older_;
};

}  // namespace relgraph
