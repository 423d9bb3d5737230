#include <ostream>

#include "extract/error.h"
#include "extract/interrupt.h"
#include "graph/graphml_reader.h"
#include "tools/commands.h"
#include "tools/graph_outputs.h"

namespace relgraph {

namespace {

int run_export(const Options& options, std::ostream&, std::ostream& err) {
  const InterruptScope interrupts;
  check_graph_outputs(options);
  if (options.inputs.size() != 1) throw Error(Error::Kind::kUsage, "", "export takes one GRAPH.graphml (see --help)");
  require_inputs(options);
  const KnowledgeGraph graph = read_graphml_file(options.inputs.front());
  if (!options.quiet) err << "relgraph: " << graph.node_count() << " nodes, " << graph.edge_count() << " edges\n";
  write_graph_outputs(graph, options, err);
  return 0;
}

std::vector<std::string> export_flags() {
  std::vector<std::string> flags = {"--help", "--quiet"};
  for (std::string& flag : graph_output_flags()) flags.push_back(std::move(flag));
  return flags;
}

}  // namespace

Command export_command() {
  return {"export", "relgraph export GRAPH.graphml -o FILE [-o FILE ...] [--focus NAME ...]",
          "convert or cut down a saved graph without re-reading the articles",
          R"(Reads a graph relgraph saved as GraphML (also after another tool such as
NetworkX rewrote it: data is found by attribute name, not key id) and writes
it to each FILE.
Reading relgraph's own GraphML loses nothing: writing it back as GraphML
gives the same file.

)" + graph_output_help() + R"(
Options:
  -h, --help          show this help

Example: a 2-step ego network of one person, for Graphviz and Gephi
  relgraph export graph.graphml -o kim.dot -o kim.gexf --focus 김철수 --depth 2
)",
          export_flags(), run_export};
}

}  // namespace relgraph
