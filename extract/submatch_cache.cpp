#include "extract/submatch_cache.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>

#include "extract/utf8.h"

namespace relgraph {

namespace {

// The byte at `at` as RE2's empty-width assertions can tell it apart: no byte
// (an end of the text: ^ $ \A \z), a newline ((?m)^ and (?m)$), a word
// character (\b \B; RE2's word characters are ASCII [0-9A-Za-z_]), or any
// other byte. Keying on this class rather than the byte lets "삼성전자는 "
// after one word share the entry it has after any other.
void append_context(std::string& key, std::string_view text, std::size_t at, bool inside) {
  enum Context : char { kNone, kNewline, kWordChar, kOther };
  Context context = kNone;
  if (inside) {
    const auto c = static_cast<unsigned char>(text[at]);
    const bool word = utf8::is_ascii_alnum(c) || c == '_';
    context = c == '\n' ? kNewline : word ? kWordChar : kOther;
  }
  key.push_back(context);
}

// An entry: key size and group count, the key, then each group's begin and end.
constexpr std::size_t kHeader = 2 * sizeof(std::uint32_t);
constexpr std::size_t kOffsetPair = 2 * sizeof(std::int32_t);
// Slots of a generation's first table; it doubles as it fills.
constexpr std::size_t kFirstSlots = 16;

}  // namespace

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

std::size_t SubmatchCache::Generation::slot_of(std::string_view key, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.entry == 0 || (slot.hash == hash && key_at(slot.entry) == key)) return i;
  }
}

const char* SubmatchCache::Generation::find(std::string_view key, std::uint64_t hash) const {
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

const char* SubmatchCache::Generation::insert(std::string_view key, std::uint64_t hash, const char* offsets, int n) {
  if ((count_ + 1) * 2 > slots_.size()) grow();
  const std::size_t at = entries_.size();
  const auto key_size = static_cast<std::uint32_t>(key.size());
  const auto groups = static_cast<std::uint32_t>(n);
  entries_.resize(at + kHeader + key.size() + groups * kOffsetPair);
  char* entry = entries_.data() + at;
  std::memcpy(entry, &key_size, sizeof key_size);
  std::memcpy(entry + sizeof key_size, &groups, sizeof groups);
  std::memcpy(entry + kHeader, key.data(), key.size());
  std::memcpy(entry + kHeader + key.size(), offsets, groups * kOffsetPair);
  slots_[slot_of(key, hash)] = {hash, static_cast<std::uint32_t>(at + 1)};
  ++count_;
  return entry + kHeader + key.size();
}

void SubmatchCache::Generation::clear() {
  slots_.clear();
  entries_.clear();
  count_ = 0;
}

const char* SubmatchCache::find(std::uint64_t hash, int n) {
  if (const char* found = newer_.find(key_, hash)) return found;
  const char* old = older_.find(key_, hash);
  if (!old) return nullptr;
  // Used again: back to the newer generation. Copied out first, as a turn
  // over empties the older one.
  offsets_.resize(2 * static_cast<std::size_t>(n));
  std::memcpy(offsets_.data(), old, static_cast<std::size_t>(n) * kOffsetPair);
  return store(hash);
}

const char* SubmatchCache::store(std::uint64_t hash) {
  const int n = static_cast<int>(offsets_.size() / 2);
  if (newer_.bytes_with(key_.size(), n) > budget_ / 2) {
    std::swap(older_, newer_);  // the older is dropped; its buffers are reused
    newer_.clear();
  }
  // A generation holds at most half the budget: with that much room its
  // buffer never grows by doubling past it.
  newer_.reserve(budget_ / 2);
  return newer_.insert(key_, hash, reinterpret_cast<const char*>(offsets_.data()), n);
}

bool SubmatchCache::match(const RE2& regex, std::string_view text, std::size_t pos, re2::StringPiece* groups, int n) {
  const re2::StringPiece whole(text.data(), text.size());
  if (n <= 1) return regex.Match(whole, pos, text.size(), RE2::UNANCHORED, groups, n);

  // Where the match is: DFAs only, forward then backward.
  re2::StringPiece span;
  if (!regex.Match(whole, pos, text.size(), RE2::UNANCHORED, &span, 1)) return false;
  const auto begin = static_cast<std::size_t>(span.data() - text.data());
  const std::size_t end = begin + span.size();

  if (span.size() > static_cast<std::size_t>(INT32_MAX)) {  // offsets are stored in 32 bits
    return regex.Match(whole, begin, end, RE2::ANCHOR_BOTH, groups, n);
  }

  const RE2* const address = &regex;
  key_.assign(reinterpret_cast<const char*>(&address), sizeof address);
  key_.append(reinterpret_cast<const char*>(&n), sizeof n);
  append_context(key_, text, begin - 1, begin > 0);
  append_context(key_, text, end, end < text.size());
  key_.append(span.data(), span.size());
  const std::uint64_t hash = std::hash<std::string_view>()(key_);

  if (const char* found = find(hash, n)) {
    ++hits_;
    for (int i = 0; i < n; ++i) {
      std::int32_t pair[2];
      std::memcpy(pair, found + static_cast<std::size_t>(i) * kOffsetPair, kOffsetPair);
      groups[i] = pair[0] < 0 ? re2::StringPiece()
                              : re2::StringPiece(span.data() + pair[0], static_cast<std::size_t>(pair[1] - pair[0]));
    }
    return true;
  }

  // The groups of that exact span: the same anchored search RE2 runs after
  // its DFAs have found the span, so the same answer as one unanchored call.
  ++misses_;
  if (!regex.Match(whole, begin, end, RE2::ANCHOR_BOTH, groups, n)) {
    return regex.Match(whole, pos, text.size(), RE2::UNANCHORED, groups, n);  // not expected; stay correct
  }
  offsets_.resize(static_cast<std::size_t>(n) * 2);
  for (int i = 0; i < n; ++i) {
    const re2::StringPiece& g = groups[i];
    const std::int32_t b = g.data() == nullptr ? -1 : static_cast<std::int32_t>(g.data() - span.data());
    offsets_[2 * static_cast<std::size_t>(i)] = b;
    offsets_[2 * static_cast<std::size_t>(i) + 1] = b < 0 ? -1 : b + static_cast<std::int32_t>(g.size());
  }
  store(hash);
  return true;
}

}  // namespace relgraph
