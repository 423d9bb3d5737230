#include "extract/submatch_cache.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <stdexcept>

#include "extract/utf8.h"

namespace relgraph {

namespace {

// The byte at `at` as RE2's empty-width assertions can tell it apart: no byte
// (an end of the text: ^ $ \A \z), a newline ((?m)^ and (?m)$), a word
// character (\b \B; RE2's word characters are ASCII [0-9A-Za-z_]), or any
// other byte. Keying on this class rather than the byte lets "삼성전자는 "
// after one word share the entry it has after any other.
char context_at(std::string_view text, std::size_t at, bool inside) {
  enum Context : char { kNone, kNewline, kWordChar, kOther };
  if (!inside) return kNone;
  const auto c = static_cast<unsigned char>(text[at]);
  const bool word = utf8::is_ascii_alnum(c) || c == '_';
  return c == '\n' ? kNewline : word ? kWordChar : kOther;
}

// An entry: key size and group count, the key, then each group's begin and end.
constexpr std::size_t kHeader = 2 * sizeof(std::uint32_t);
constexpr std::size_t kOffsetPair = 2 * sizeof(std::int32_t);
// Slots of a generation's first table; it doubles as it fills.
constexpr std::size_t kFirstSlots = 16;
// Groups a cached call may ask for; calls asking for more go to RE2 directly
// (rules have a handful), so that offsets fit in a buffer on the stack.
constexpr int kMaxGroups = 32;
// A shard per this many bytes of budget, at most kMaxShards: small caches
// (tests, tiny budgets) stay one shard, as sharding a few kilobytes would
// leave each shard room for nothing.
constexpr std::size_t kBytesPerShard = std::size_t{256} << 10;
constexpr std::size_t kMaxShards = 16;

std::size_t shard_count_for(std::size_t budget) {
  std::size_t count = 1;
  while (count < kMaxShards && (count * 2) * kBytesPerShard <= budget) count *= 2;
  return count;
}

}  // namespace

bool SubmatchCache::Key::equals(std::string_view stored) const {
  return stored.size() == size() && std::memcmp(stored.data(), head.data(), head.size()) == 0 &&
         stored.substr(head.size()) == span;
}

void SubmatchCache::Key::copy_to(char* out) const {
  std::memcpy(out, head.data(), head.size());
  if (!span.empty()) std::memcpy(out + head.size(), span.data(), span.size());
}

std::uint64_t SubmatchCache::Key::hash() const {
  const std::hash<std::string_view> hash_of;
  // Odd multiplier (2^64 / golden ratio): spreads the head's hash before the
  // two are mixed, so swapping parts does not collide.
  return hash_of(span) ^ (hash_of(std::string_view(head.data(), head.size())) * 0x9E3779B97F4A7C15ull);
}

std::size_t SubmatchCache::Generation::bytes_with(std::size_t key_size, int n) const {
  const bool grows = (count_ + 1) * 2 > slots_.size();
  const std::size_t slots = grows ? std::max(kFirstSlots, slots_.size() * 2) : slots_.size();
  return entries_.size() + kHeader + key_size + static_cast<std::size_t>(n) * kOffsetPair + slots * sizeof(Slot);
}

std::string_view SubmatchCache::Generation::key_at(std::uint32_t entry) const {
  const char* at = entries_.data() + (entry - 1);
  std::uint32_t size = 0;
  std::memcpy(&size, at, sizeof size);
  return {at + kHeader, size};
}

std::size_t SubmatchCache::Generation::slot_of(const Key& key, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.entry == 0 || (slot.hash == hash && key.equals(key_at(slot.entry)))) return i;
  }
}

const char* SubmatchCache::Generation::find(const Key& key, std::uint64_t hash) const {
  if (slots_.empty()) return nullptr;
  const Slot& slot = slots_[slot_of(key, hash)];
  return slot.entry == 0 ? nullptr : entries_.data() + (slot.entry - 1) + kHeader + key.size();
}

void SubmatchCache::Generation::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max(kFirstSlots, old.size() * 2), Slot());
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.entry == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].entry != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

void SubmatchCache::Generation::insert(const Key& key, std::uint64_t hash, const std::int32_t* offsets, int n) {
  if ((count_ + 1) * 2 > slots_.size()) grow();
  const std::size_t at = entries_.size();
  const auto key_size = static_cast<std::uint32_t>(key.size());
  const auto groups = static_cast<std::uint32_t>(n);
  entries_.resize(at + kHeader + key.size() + groups * kOffsetPair);
  char* entry = entries_.data() + at;
  std::memcpy(entry, &key_size, sizeof key_size);
  std::memcpy(entry + sizeof key_size, &groups, sizeof groups);
  key.copy_to(entry + kHeader);
  std::memcpy(entry + kHeader + key.size(), offsets, groups * kOffsetPair);
  slots_[slot_of(key, hash)] = {hash, static_cast<std::uint32_t>(at + 1)};
  ++count_;
}

void SubmatchCache::Generation::clear() {
  slots_.clear();
  entries_.clear();
  count_ = 0;
}

SubmatchCache::SubmatchCache(std::size_t budget_bytes) {
  const std::size_t budget = std::min(budget_bytes, std::size_t{2} << 30);
  shard_count_ = shard_count_for(budget);
  shard_budget_ = budget / shard_count_;
  shards_ = std::make_unique<Shard[]>(shard_count_);
}

template <typename Count>
std::size_t SubmatchCache::sum(Count count) const {
  std::size_t total = 0;
  for (std::size_t i = 0; i < shard_count_; ++i) {
    const std::lock_guard lock(shards_[i].mutex);
    total += count(shards_[i]);
  }
  return total;
}

std::size_t SubmatchCache::hits() const {
  return sum([](const Shard& shard) { return shard.hits; });
}

std::size_t SubmatchCache::misses() const {
  return sum([](const Shard& shard) { return shard.misses; });
}

std::size_t SubmatchCache::bytes() const {
  return sum([](const Shard& shard) { return shard.newer.bytes() + shard.older.bytes(); });
}

bool SubmatchCache::find(Shard& shard, const Key& key, std::uint64_t hash, int n, std::int32_t* offsets) const {
  const std::size_t size = static_cast<std::size_t>(n) * kOffsetPair;
  if (const char* found = shard.newer.find(key, hash)) {
    std::memcpy(offsets, found, size);
    return true;
  }
  const char* old = shard.older.find(key, hash);
  if (!old) return false;
  // Used again: back to the newer generation. Copied out first, as a turn
  // over empties the older one.
  std::memcpy(offsets, old, size);
  store(shard, key, hash, offsets, n);
  return true;
}

void SubmatchCache::store(Shard& shard, const Key& key, std::uint64_t hash, const std::int32_t* offsets,
                          int n) const {
  if (shard.newer.bytes_with(key.size(), n) > shard_budget_ / 2) {
    std::swap(shard.older, shard.newer);  // the older is dropped; its buffers are reused
    shard.newer.clear();
  }
  // A generation holds at most half the shard's budget: with that much room
  // its buffer never grows by doubling past it.
  shard.newer.reserve(shard_budget_ / 2);
  shard.newer.insert(key, hash, offsets, n);
}

bool SubmatchCache::match(const RE2& regex, std::string_view text, std::size_t pos, re2::StringPiece* groups, int n,
                          RE2::Anchor anchor, const GroupsPattern* groups_pattern) {
  if (anchor != RE2::UNANCHORED && anchor != RE2::ANCHOR_START) {
    throw std::invalid_argument("SubmatchCache::match: the anchor is UNANCHORED or ANCHOR_START");
  }
  const re2::StringPiece whole(text.data(), text.size());
  if (n <= 1 || n > kMaxGroups) return regex.Match(whole, pos, text.size(), anchor, groups, n);

  // Where the match is: DFAs only, forward then (unanchored) backward.
  re2::StringPiece span;
  if (!regex.Match(whole, pos, text.size(), anchor, &span, 1)) return false;
  const auto begin = static_cast<std::size_t>(span.data() - text.data());
  const std::size_t end = begin + span.size();

  if (span.size() > static_cast<std::size_t>(INT32_MAX)) {  // offsets are stored in 32 bits
    return regex.Match(whole, begin, end, RE2::ANCHOR_BOTH, groups, n);
  }

  Key key;
  const RE2* const address = &regex;
  std::memcpy(key.head.data(), &address, sizeof address);
  std::memcpy(key.head.data() + sizeof address, &n, sizeof n);
  key.head[sizeof address + sizeof n] = context_at(text, begin - 1, begin > 0);
  key.head[sizeof address + sizeof n + 1] = context_at(text, end, end < text.size());
  key.span = std::string_view(span.data(), span.size());
  const std::uint64_t hash = key.hash();
  Shard& shard = shard_of(hash);

  std::array<std::int32_t, 2 * kMaxGroups> offsets;
  bool found = false;
  {
    const std::lock_guard lock(shard.mutex);
    found = find(shard, key, hash, n, offsets.data());
    if (found) ++shard.hits;
  }
  if (found) {
    for (int i = 0; i < n; ++i) {
      const std::int32_t b = offsets[2 * static_cast<std::size_t>(i)];
      const std::int32_t e = offsets[2 * static_cast<std::size_t>(i) + 1];
      groups[i] = b < 0 ? re2::StringPiece() : re2::StringPiece(span.data() + b, static_cast<std::size_t>(e - b));
    }
    return true;
  }

  // The groups of that exact span: the same anchored search RE2 runs after
  // its DFAs have found the span, so the same answer as one unanchored call.
  // Run unlocked: another thread may compute the same entry meanwhile, and
  // whichever stores second finds it there and leaves it.
  const bool filled = groups_pattern != nullptr && groups_pattern->fill(whole, begin, end, groups, n);
  if (!filled && !regex.Match(whole, begin, end, RE2::ANCHOR_BOTH, groups, n)) {
    return regex.Match(whole, pos, text.size(), anchor, groups, n);  // not expected; stay correct
  }
  for (int i = 0; i < n; ++i) {
    const re2::StringPiece& g = groups[i];
    const std::int32_t b = g.data() == nullptr ? -1 : static_cast<std::int32_t>(g.data() - span.data());
    offsets[2 * static_cast<std::size_t>(i)] = b;
    offsets[2 * static_cast<std::size_t>(i) + 1] = b < 0 ? -1 : b + static_cast<std::int32_t>(g.size());
  }
  const std::lock_guard lock(shard.mutex);
  ++shard.misses;
  if (!shard.newer.find(key, hash)) store(shard, key, hash, offsets.data(), n);
  return true;
}

bool SubmatchCache::match_at_prefix(const RE2& regex, std::string_view prefix, std::string_view text,
                                    std::size_t pos, re2::StringPiece* groups, int n,
                                    const GroupsPattern* groups_pattern) {
  if (prefix.empty()) throw std::invalid_argument("SubmatchCache::match_at_prefix: the prefix is empty");
  for (std::size_t at = text.find(prefix, pos); at != std::string_view::npos; at = text.find(prefix, at + 1)) {
    if (match(regex, text, at, groups, n, RE2::ANCHOR_START, groups_pattern)) return true;
  }
  return false;
}

}  // namespace relgraph
