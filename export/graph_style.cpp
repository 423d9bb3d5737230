#include "export/graph_style.h"

#include <cmath>

namespace relgraph {

EntityStyle style_of(EntityType type) {
  switch (type) {
    case EntityType::kOrg:
      return {166, 206, 227, "#a6cee3", "box", "square"};
    case EntityType::kPerson:
      return {253, 191, 111, "#fdbf6f", "ellipse", "disc"};
    case EntityType::kProduct:
      return {178, 223, 138, "#b2df8a", "hexagon", "diamond"};
  }
  return {255, 255, 255, "#ffffff", "box", "disc"};
}

double node_size(std::uint64_t mentions) {
  return 8.0 + 6.0 * std::log2(1.0 + static_cast<double>(mentions));
}

}  // namespace relgraph
