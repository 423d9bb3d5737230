// GraphML writer: the graph as GraphML 1.0, as Gephi, NetworkX, igraph and
// graphology read it (../shared/CLIENTS.md).
//
// Keys have descriptive ids (k_label, k_relation, ...) and typed attr.names:
//   node  label, type, aliases, mentions (long), first_seen, last_seen
//   edge  relation, weight (double), mentions (long), docs, evidence, rule,
//         first_seen, last_seen, symmetric (boolean)
// Lists (aliases, docs) are one string holding a JSON array. Absent values
// (an unknown date, no aliases) are absent <data> elements. Node ids are n0, n1, ...,
// edge ids e0, e1, ...; edgedefault is directed; a symmetric relation's edge
// has symmetric=true.
#pragma once

#include <iosfwd>

#include "graph/knowledge_graph.h"

namespace relgraph {

void write_graphml(const KnowledgeGraph& graph, std::ostream& out);

}  // namespace relgraph
