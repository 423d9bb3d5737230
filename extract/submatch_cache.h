// SubmatchCache: a regex's capture groups, remembered by the exact text of
// its match. Thread-safe: one cache serves every thread of an extraction.
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
//
// Shared by threads because per-thread caches each had to learn the same
// names: with 8 threads on 10 MB of news they ran RE2's NFA 2.2 times as
// often as one thread did. A large cache is split into shards by hash, each
// with its own lock and generations, held only to look up or store an entry,
// never while RE2 runs, so threads seldom wait for each other.
#pragma once

#include <re2/re2.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "extract/groups_pattern.h"

namespace relgraph {

class SubmatchCache {
 public:
  // What one thread's extraction is given (ParallelExtractor gives as much per thread).
  static constexpr std::size_t kDefaultBudget = std::size_t{8} << 20;

  // Budgets over 2 GiB count as 2 GiB (entries are found by 32-bit offsets).
  explicit SubmatchCache(std::size_t budget_bytes = kDefaultBudget);
  SubmatchCache(const SubmatchCache&) = delete;
  SubmatchCache& operator=(const SubmatchCache&) = delete;

  // Exactly RE2::Match(text, pos, text.size(), anchor, groups, n): the
  // leftmost match at or after pos (RE2::ANCHOR_START: at pos), groups[0]
  // the whole match. `anchor` is UNANCHORED or ANCHOR_START. When the
  // groups are not cached, they come from `groups_pattern` if given and it
  // fills them (groups_pattern.h), else from the regex.
  bool match(const RE2& regex, std::string_view text, std::size_t pos, re2::StringPiece* groups, int n,
             RE2::Anchor anchor = RE2::UNANCHORED, const GroupsPattern* groups_pattern = nullptr);
  // The same as match(regex, text, pos, groups, n) for a regex whose every
  // match begins with `prefix` (not empty; see match_start.h): the regex is
  // tried anchored at each occurrence of prefix from pos, in order, and the
  // first that matches is the leftmost match. That spares RE2 the backward
  // pass over each match that finds where an unanchored match begins, and
  // the compiling of the reversed program it needs.
  bool match_at_prefix(const RE2& regex, std::string_view prefix, std::string_view text, std::size_t pos,
                       re2::StringPiece* groups, int n, const GroupsPattern* groups_pattern = nullptr);

  std::size_t hits() const;
  std::size_t misses() const;
  // Bytes held by the entries and their tables: at most the budget, once
  // each shard holds one entry.
  std::size_t bytes() const;
  std::size_t budget() const { return shard_budget_ * shard_count_; }
  std::size_t shards() const { return shard_count_; }

 private:
  // What an entry is found by: the regex, the group count and the contexts
  // either side (head), then the match text. Never copied into a string of
  // its own: a lookup must not allocate.
  struct Key {
    std::array<char, sizeof(const RE2*) + sizeof(int) + 2> head;
    std::string_view span;
    std::size_t size() const { return head.size() + span.size(); }
    bool equals(std::string_view stored) const;
    void copy_to(char* out) const;
    std::uint64_t hash() const;
  };

  // One generation of entries.
  class Generation {
   public:
    // The n offsets (begin, end pairs of int32) stored for key, or null.
    const char* find(const Key& key, std::uint64_t hash) const;
    // Stores key's offsets (n pairs of int32 at `offsets`).
    void insert(const Key& key, std::uint64_t hash, const std::int32_t* offsets, int n);
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
    std::size_t slot_of(const Key& key, std::uint64_t hash) const;
    std::string_view key_at(std::uint32_t entry) const;
    void grow();

    std::vector<Slot> slots_;  // a power of two in size, at most half full
    std::size_t count_ = 0;
    // Entries one after another: key size and group count (uint32 each), the
    // key, then the groups' offsets.
    std::vector<char> entries_;
  };

  // A part of the cache with its own lock; its own cache line, so that two
  // threads using two shards do not contend for one.
  struct alignas(64) Shard {
    mutable std::mutex mutex;
    Generation newer;
    Generation older;
    std::size_t hits = 0;
    std::size_t misses = 0;
  };

  // Copies key's n offsets into `offsets` if the shard holds them (an entry
  // of the older generation moves to the newer). Shard locked by the caller.
  bool find(Shard& shard, const Key& key, std::uint64_t hash, int n, std::int32_t* offsets) const;
  // Keeps key's offsets in the shard's newer generation, turning the
  // generations over first when it is full. Shard locked by the caller.
  void store(Shard& shard, const Key& key, std::uint64_t hash, const std::int32_t* offsets, int n) const;
  // The sum of count(shard) over the shards, each read under its lock.
  template <typename Count>
  std::size_t sum(Count count) const;
  Shard& shard_of(std::uint64_t hash) const { return shards_[(hash >> 40) & (shard_count_ - 1)]; }

  std::size_t shard_count_;   // a power of two
  std::size_t shard_budget_;  // bytes per shard
  std::unique_ptr<Shard[]> shards_;
};

}  // namespace relgraph
