#include <ostream>
#include <utility>

#include "extract/error.h"
#include "extract/interrupt.h"
#include "graph/graph_builder.h"
#include "tools/commands.h"
#include "tools/extract_inputs.h"
#include "tools/graph_outputs.h"

namespace relgraph {

namespace {

int run_build(const Options& options, std::ostream&, std::ostream& err) {
  const InterruptScope interrupts;
  check_graph_outputs(options);
  GraphBuilder builder;
  std::size_t documents = 0;
  // Workers extract; this thread merges, in input order, so the graph is the same for any thread count.
  extract_inputs(
      options, err, {},
      [&](ExtractedDocument&& done) {
        builder.add(done.result);
        ++documents;
      },
      [&](const Document&) { return outputs_not_written(options); });
  const KnowledgeGraph graph = std::move(builder).build();
  if (!options.quiet) {
    err << "relgraph: " << documents << " documents, " << graph.node_count() << " nodes, " << graph.edge_count()
        << " edges\n";
  }
  write_graph_outputs(graph, options, err);
  return 0;
}

std::vector<std::string> build_flags() {
  std::vector<std::string> flags = with_input_flags(with_rules_flags({"--help"}));
  for (std::string& flag : graph_output_flags()) flags.push_back(std::move(flag));
  return flags;
}

}  // namespace

Command build_command() {
  return {"build", "relgraph build [--rules DIR] INPUT... -o FILE [-o FILE ...] [--focus NAME ...]",
          "assemble one graph from all inputs and write it (.graphml .gexf .dot .json .cyjs DIR/)",
          R"(Extracts relations from every input, merges them into one graph (one node per
entity, aliases merged; one edge per distinct fact, weight = number of
documents stating it) and writes it to each FILE.

)" + graph_output_help() + R"(
Options:
)" + rules_flags_help(22) + input_flags_help() + R"(  -h, --help          show this help

Example: the neighbourhood of one company, drawn with Graphviz
  relgraph build articles/ -o graph.graphml -o naver.dot --focus 네이버 --depth 2
)",
          build_flags(), run_build};
}

}  // namespace relgraph
