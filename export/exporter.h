// Exporter: writes a graph in the format its output path names.
//
//   .graphml        GraphML (Gephi, NetworkX, igraph, graphology)   graphml_writer.h
//   .gexf           GEXF 1.3 with colours, sizes and timeline (Gephi) gexf_writer.h
//   .dot, .gv       Graphviz DOT                                     dot_writer.h
//   .json           node-link JSON (D3, NetworkX)                    json_writer.h
//   .cyjs           Cytoscape.js / Cytoscape JSON                    json_writer.h
//   DIR/            CSV tables for Gephi, spreadsheets and Neo4j     csv_writer.h
//                   (a path ending in '/')
//
// Files are written atomically (atomic_file.h); missing folders are made.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace relgraph {

enum class GraphFormat { kGraphML, kGexf, kDot, kNodeLinkJson, kCytoscapeJson, kCsvFolder };

// The format for an output path, or nullopt when relgraph cannot write it.
std::optional<GraphFormat> format_for_path(const std::string& path);

// What the formats are, for messages: ".graphml, .gexf, .dot, .gv, .json, .cyjs or DIR/".
std::string_view known_formats();

// Throws Error(kUsage) for an unknown format and Error(kOutput) when writing fails.
void write_graph_file(const KnowledgeGraph& graph, const std::string& path);

}  // namespace relgraph
