// Subgraph: the part of a graph worth drawing. A 10,000-node graph is no
// diagram; the 50-node neighbourhood of one entity is.
//
//   SubgraphFilter filter;
//   filter.focus = "네이버";                        // this entity ...
//   filter.depth = 2;                               // ... and all within 2 edges of it
//   filter.relations = {Relation::kPartnersWith};   // only these relations (empty: all)
//   filter.min_weight = 2;                          // only facts stated by >= 2 documents
//   KnowledgeGraph small = subgraph(graph, filter);
//
// First the edges are filtered by relation and weight; the neighbourhood is
// then walked along the edges that are left, in either direction. When any
// filter is set, nodes left without an edge are dropped (the focus itself is
// always kept). Attributes of kept nodes and edges are unchanged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace relgraph {

struct SubgraphFilter {
  std::optional<std::string> focus;  // a label or alias (case and spaces ignored)
  int depth = 1;                     // with focus: how many edges away to go
  std::vector<Relation> relations;   // empty: every relation
  double min_weight = 0;

  bool empty() const { return !focus && relations.empty() && min_weight <= 0; }
};

// Throws Error(kUsage) when the focus names no entity of the graph.
KnowledgeGraph subgraph(const KnowledgeGraph& graph, const SubgraphFilter& filter);

}  // namespace relgraph
