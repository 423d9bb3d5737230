#include "export/exporter.h"

#include <filesystem>

#include "export/atomic_file.h"
#include "export/dot_writer.h"
#include "export/graphml_writer.h"
#include "extract/error.h"

namespace relgraph {

std::optional<GraphFormat> format_for_path(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".graphml") return GraphFormat::kGraphML;
  if (ext == ".dot" || ext == ".gv") return GraphFormat::kDot;
  return std::nullopt;
}

void write_graph_file(const KnowledgeGraph& graph, const std::string& path) {
  const auto format = format_for_path(path);
  if (!format) throw Error(Error::Kind::kUsage, path, "unknown output format (use .graphml, .dot or .gv)");
  AtomicFile file(path);
  switch (*format) {
    case GraphFormat::kGraphML:
      write_graphml(graph, file.stream());
      break;
    case GraphFormat::kDot:
      write_dot(graph, file.stream());
      break;
  }
  file.commit();
}

}  // namespace relgraph
