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
// to the newer: what keeps being used stays, one-off matches go. A
// generation packs its entries into one buffer and finds them through an
// open-addressing table of their hashes: a lookup touches a slot and the
// entry, where a node-based hash map touched a bucket, a node and the key's
// own heap block (the lookups were 5 % of extraction, mostly cache misses).
// Not thread-safe: one per thread (each pipeline stage that runs rules owns one).
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace relgraph {

class SubmatchCache {
 public:
  // Budgets over 2 GiB count as 2 GiB (entries are found by 32-bit offsets).
  explicit SubmatchCache(std::size_t budget_bytes = std::size_t{4} << 20)
      : budget_(std::min(budget_bytes, std::size_t{2} << 30)) {}

  // Exactly RE2::Match(text, pos, text.size(), RE2::UNANCHORED, groups, n):
  // the leftmost match at or after pos, groups[0] the whole match.
  bool match(const RE2& regex, std::string_view text, std::size_t pos, re2::StringPiece* groups, int n);

  std::size_t hits() const { return hits_; }
  // Bytes held by the entries and their tables: at most the budget, once it
  // holds one entry.
  std::size_t bytes() const { return newer_.bytes() + older_.bytes(); }
  std::size_t misses() const { return misses_; }

 private:
  // One generation of entries.
  class Generation {
   public:
    // The n offsets (begin, end pairs of int32) stored for key, or null.
    const char* find(std::string_view key, std::uint64_t hash) const;
    // Stores key's offsets (n pairs of int32 at `offsets`); returns where they are kept.
    const char* insert(std::string_view key, std::uint64_t hash, const char* offsets, int n);
    std::size_t bytes() const { return entries_.size() + slots_.size() * sizeof(Slot); }
    // What bytes() would be after inserting an entry of this size (the table may grow).
    std::size_t bytes_with(std::size_t key_size, int n) const;
    // Room for `bytes` of entries, so that filling the generation never copies them.
    void reserve(std::size_t bytes) { entries_.reserve(bytes); }
    void clear();

   private:
    struct Slot {
      std::uint64_t hash = 0;
      std::uint32_t entry = 0;  // 1 + the entry's offset in entries_; 0: an empty slot
    };
    // The slot of key: the one holding it, or the empty one where it would go.
    std::size_t slot_of(std::string_view key, std::uint64_t hash) const;
    std::string_view key_at(std::uint32_t entry) const;
    void grow();

    std::vector<Slot> slots_;  // a power of two in size, at most half full
    std::size_t count_ = 0;
    // Entries one after another: key size and group count (uint32 each), the
    // key, then the groups' offsets.
    std::vector<char> entries_;
  };

  // The n groups' offsets for key_ (see Generation::find), or null.
  const char* find(std::uint64_t hash, int n);
  // Keeps offsets_ as key_'s groups in the newer generation, turning the
  // generations over first when it is full; returns where they are kept.
  const char* store(std::uint64_t hash);

  std::size_t budget_;
  std::size_t hits_ = 0;
  std::size_t misses_ = 0;
  std::string key_;  // the key being looked up, reused
  std::vector<std::int32_t> offsets_;  // (begin, end) per group, on their way into the newer generation; reused
  Generation newer_;
  Generation older_;
};

}  // namespace relgraph
