// GEXF writer: the graph as GEXF 1.3, Gephi's own format (../shared/CLIENTS.md).
//
// Carries what GraphML cannot bring into Gephi:
//   - style: viz:color and viz:shape by entity type, viz:size growing with
//     mentions (graph_style.h); viz:thickness growing with an edge's weight;
//   - time: when anything is dated the graph is mode="dynamic" with
//     timeformat="date", and each node and edge has one spell from its
//     first_seen to its last_seen (the dates of the articles that mention
//     it), so Gephi's timeline replays the graph; undated ones have no spell
//     and are there at all times.
// Typed <attributes> hold the same values as GraphML (aliases and docs as
// JSON arrays, mentions as long, symmetric as boolean); an edge's weight is
// its weight attribute, its label and kind are the relation (kind tells
// parallel edges apart), and a symmetric relation's edge is type="undirected".
// Ids are n0, n1, ... and e0, e1, ..., as in GraphML.
#pragma once

#include <iosfwd>

#include "graph/knowledge_graph.h"

namespace relgraph {

void write_gexf(const KnowledgeGraph& graph, std::ostream& out);

}  // namespace relgraph
