// Exporter: writes a graph to a file in the format its extension names.
//
//   .graphml        GraphML (Gephi, NetworkX, igraph)    graphml_writer.h
//   .dot, .gv       Graphviz DOT                          dot_writer.h
//
// Files are written atomically (atomic_file.h).
#pragma once

#include <optional>
#include <string>

#include "graph/knowledge_graph.h"

namespace relgraph {

enum class GraphFormat { kGraphML, kDot };

// The format for a path's extension, or nullopt when relgraph cannot write it.
std::optional<GraphFormat> format_for_path(const std::string& path);

// Throws Error(kUsage) for an unknown extension and Error(kOutput) when writing fails.
void write_graph_file(const KnowledgeGraph& graph, const std::string& path);

}  // namespace relgraph
