// FactKey: what makes a fact one fact while a graph is assembled — its
// relation and its two ends (entity or node numbers) — with a hash for
// unordered containers. A symmetric relation's caller puts its ends in a
// fixed order first.
#pragma once

#include <cstddef>
#include <cstdint>

#include "extract/schema.h"
#include "graph/mix64.h"

namespace relgraph {

struct FactKey {
  Relation relation;
  std::size_t subject, object;
  bool operator==(const FactKey&) const = default;
};

struct FactKeyHash {
  std::size_t operator()(const FactKey& k) const {
    return static_cast<std::size_t>(mix64((static_cast<std::uint64_t>(k.subject) * 0x9E3779B97F4A7C15ULL) ^
                                          (static_cast<std::uint64_t>(k.object) + 0x632BE59BD9B4E019ULL +
                                           (static_cast<std::uint64_t>(k.relation) << 58))));
  }
};

}  // namespace relgraph
