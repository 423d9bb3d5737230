// JSON writers: the graph for web viewers and Python.
//
// write_node_link (.json): node-link JSON, as D3 and NetworkX's
// node_link_graph read it:
//   {"directed": true, "multigraph": true, "graph": {...},
//    "nodes": [{"id": "n0", "label": ..., "type": ..., "aliases": [...], "mentions": 3, ...}],
//    "links": [{"source": "n0", "target": "n1", "key": "partners_with", "id": "e0",
//               "relation": ..., "weight": 2.0, "docs": [...], "symmetric": true, ...}]}
// It is a multigraph because two entities may share several relations; the
// relation is each link's key, which NetworkX uses to tell them apart.
//
// write_cytoscape (.cyjs): Cytoscape.js elements JSON, which
// cytoscape({elements: file.elements}) and Cytoscape's desktop importer read:
//   {"data": {...}, "elements": {"nodes": [{"data": {"id": "n0", ...}}],
//                                "edges": [{"data": {"id": "e0", "source": "n0", "target": "n1", ...}}]}}
//
// Both carry every attribute of the graph with its JSON type: lists as
// arrays, counts as integers, weight as a number, symmetric as a boolean;
// an unknown date is left out, never null.
#pragma once

#include <iosfwd>

#include "graph/knowledge_graph.h"

namespace relgraph {

void write_node_link(const KnowledgeGraph& graph, std::ostream& out);
void write_cytoscape(const KnowledgeGraph& graph, std::ostream& out);

}  // namespace relgraph
