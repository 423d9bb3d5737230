// libFuzzer target: reading a GraphML file back, both ways relgraph does:
// read_graphml_text (the whole graph, for export) and QueryGraph::load (the
// record reader and its compact graph, for query and stats, from a file as
// the CLI reads it), and a few questions on what loaded. Not well-formed or
// not relgraph's is an Error; a crash or undefined behaviour is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "extract/error.h"
#include "graph/graph_query.h"
#include "graph/graphml_reader.h"
#include "graph/query_graph.h"

namespace {

std::string scratch_file() {
  const std::filesystem::path base =
      std::filesystem::exists("/dev/shm") ? std::filesystem::path("/dev/shm") : std::filesystem::temp_directory_path();
  return (base / ("relgraph-fuzz-" + std::to_string(::getpid()) + ".graphml")).string();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  try {
    const relgraph::KnowledgeGraph graph = relgraph::read_graphml_text(xml, "fuzz.graphml");
    (void)graph.node_count();
  } catch (const relgraph::Error&) {
  }
  static const std::string path = scratch_file();
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(xml.data(), static_cast<std::streamsize>(xml.size()));
  try {
    const relgraph::QueryGraph graph = relgraph::QueryGraph::load(path);
    if (graph.node_count() > 0) {
      (void)relgraph::neighbors(graph, 0, {}, relgraph::Direction::kBoth);
      (void)relgraph::shortest_path(graph, 0, static_cast<std::uint32_t>(graph.node_count() - 1), 6, {});
      (void)relgraph::graph_stats(graph);
    }
  } catch (const relgraph::Error&) {
  }
  return 0;
}
