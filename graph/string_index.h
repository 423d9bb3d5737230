// StringIndex: distinct strings -> dense ids 0, 1, 2, ... in order of insertion.
//
//   StringIndex names;
//   auto [id, added] = names.insert("해솔전자");  // {0, true}; again: {0, false}
//   names.find("해솔전자") == 0; names.at(0) == "해솔전자"
//
// Why not std::unordered_map<std::string, id>: GraphBuilder looks up two
// names per relation mention, and with ten million mentions those lookups
// were 38 % of graph assembly, each a chain of cache misses (bucket, node,
// string on the heap). Here a lookup is one probe of a flat table (open
// addressing, linear probing, at most half full) whose slots carry part of
// the hash and the string's place, then one read of the string from a single arena.
// Ids and the strings' bytes stay valid for the index's lifetime.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relgraph {

class StringIndex {
 public:
  static constexpr std::uint32_t kMissing = UINT32_MAX;

  // The id of `s`, added with the next id when new; second says whether it was added.
  std::pair<std::uint32_t, bool> insert(std::string_view s);
  // The id of `s`, or kMissing.
  std::uint32_t find(std::string_view s) const;
  std::string_view at(std::uint32_t id) const {
    const Span& span = spans_[id];
    return std::string_view(arena_).substr(span.offset, span.length);
  }
  std::size_t size() const { return spans_.size(); }

 private:
  struct Span {
    std::uint64_t offset;  // into arena_
    std::uint32_t length;
  };
  // A slot repeats its string's span, so a lookup reads the slot and the
  // arena and nothing else.
  struct Slot {
    Span span{0, 0};
    std::uint32_t id = kMissing;  // kMissing: empty
    std::uint32_t tag = 0;        // the hash's high half: most mismatches end here
  };

  static std::uint64_t hash(std::string_view s);
  // The slot holding `s`, or the empty slot where it would go.
  std::size_t probe(std::string_view s, std::uint64_t h) const;
  void grow();

  std::vector<Slot> slots_;  // size a power of two
  std::vector<Span> spans_;  // by id
  std::string arena_;        // every string's bytes, back to back
};

}  // namespace relgraph
