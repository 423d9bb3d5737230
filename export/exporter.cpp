#include "export/exporter.h"

#include <filesystem>

#include "export/atomic_file.h"
#include "export/csv_writer.h"
#include "export/dot_writer.h"
#include "export/gexf_writer.h"
#include "export/graphml_writer.h"
#include "export/json_writer.h"
#include "extract/error.h"

namespace relgraph {

std::optional<GraphFormat> format_for_path(const std::string& path) {
  if (!path.empty() && path.back() == '/') return GraphFormat::kCsvFolder;
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".graphml") return GraphFormat::kGraphML;
  if (ext == ".gexf") return GraphFormat::kGexf;
  if (ext == ".dot" || ext == ".gv") return GraphFormat::kDot;
  if (ext == ".json") return GraphFormat::kNodeLinkJson;
  if (ext == ".cyjs") return GraphFormat::kCytoscapeJson;
  return std::nullopt;
}

std::string_view known_formats() { return ".graphml, .gexf, .dot, .gv, .json, .cyjs, or a folder ending in /"; }

void write_graph_file(const KnowledgeGraph& graph, const std::string& path) {
  const auto format = format_for_path(path);
  if (!format) throw Error(Error::Kind::kUsage, path, "unknown output format (use " + std::string(known_formats()) + ")");
  if (*format == GraphFormat::kCsvFolder) {
    write_csv_folder(graph, path);
    return;
  }
  AtomicFile file(path);
  switch (*format) {
    case GraphFormat::kGraphML:
      write_graphml(graph, file.stream());
      break;
    case GraphFormat::kGexf:
      write_gexf(graph, file.stream());
      break;
    case GraphFormat::kDot:
      write_dot(graph, file.stream());
      break;
    case GraphFormat::kNodeLinkJson:
      write_node_link(graph, file.stream());
      break;
    case GraphFormat::kCytoscapeJson:
      write_cytoscape(graph, file.stream());
      break;
    case GraphFormat::kCsvFolder:
      break;  // written above
  }
  file.commit();
}

}  // namespace relgraph
