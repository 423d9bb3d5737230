// How relgraph draws an entity, shared by the writers that carry style
// (DOT, GEXF): one colour and shape per type, a size growing with mentions.
#pragma once

#include <cstdint>

#include "extract/schema.h"

namespace relgraph {

struct EntityStyle {
  unsigned char r, g, b;
  const char* hex;        // "#a6cee3"
  const char* dot_shape;  // Graphviz shape
  const char* gexf_shape; // viz:shape
};

EntityStyle style_of(EntityType type);

// A node size for viewers: 8 for one mention, growing with the logarithm of the count.
double node_size(std::uint64_t mentions);

}  // namespace relgraph
