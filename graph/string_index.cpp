#include "graph/string_index.h"

#include <functional>

#include "graph/mix64.h"

namespace relgraph {

std::uint64_t StringIndex::hash(std::string_view s) {
  // Both halves are used (slot position and tag), so both must be well mixed.
  return mix64(std::hash<std::string_view>{}(s));
}

std::size_t StringIndex::probe(std::string_view s, std::uint64_t h) const {
  const std::size_t mask = slots_.size() - 1;
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kMissing ||
        (slot.tag == tag && std::string_view(arena_).substr(slot.span.offset, slot.span.length) == s)) {
      return i;
    }
  }
}

void StringIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id == kMissing) continue;
    std::size_t i = hash(at(slot.id)) & mask;  // rehashing reads every string once per doubling
    while (slots_[i].id != kMissing) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

std::pair<std::uint32_t, bool> StringIndex::insert(std::string_view s) {
  if (2 * (spans_.size() + 1) > slots_.size()) grow();
  const std::uint64_t h = hash(s);
  Slot& slot = slots_[probe(s, h)];
  if (slot.id != kMissing) return {slot.id, false};
  slot.id = static_cast<std::uint32_t>(spans_.size());
  slot.tag = static_cast<std::uint32_t>(h >> 32);
  slot.span = {arena_.size(), static_cast<std::uint32_t>(s.size())};
  spans_.push_back(slot.span);
  arena_ += s;
  return {slot.id, true};
}

std::uint32_t StringIndex::find(std::string_view s) const {
  if (slots_.empty()) return kMissing;
  return slots_[probe(s, hash(s))].id;
}

}  // namespace relgraph
