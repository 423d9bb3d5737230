#include <ostream>

#include "export/exporter.h"
#include "extract/error.h"
#include "extract/extractor.h"
#include "graph/graph_builder.h"
#include "tools/commands.h"

namespace relgraph {

namespace {

int run_build(const Options& options, std::ostream&, std::ostream& err) {
  if (options.outputs.empty()) throw Error(Error::Kind::kUsage, "", "build needs at least one -o FILE");
  for (const std::string& output : options.outputs) {
    if (!format_for_path(output)) {
      throw Error(Error::Kind::kUsage, output, "unknown output format (use .graphml, .dot or .gv)");
    }
  }
  require_inputs(options);
  Extractor extractor(Rules::load(rules_dir_for(options)));
  GraphBuilder builder;
  std::size_t documents = 0;
  read_inputs(
      options.inputs,
      [&](Document&& document) {
        builder.add(extractor.extract(document));
        ++documents;
      },
      warnings_to(err));
  const KnowledgeGraph graph = builder.build();
  for (const std::string& output : options.outputs) write_graph_file(graph, output);
  err << "relgraph: " << documents << " documents, " << graph.node_count() << " nodes, " << graph.edge_count()
      << " edges\n";
  return 0;
}

}  // namespace

Command build_command() {
  return {"build", "relgraph build [--rules DIR] INPUT... -o FILE [-o FILE ...]",
          "assemble one graph from all inputs and write it (.graphml, .dot, .gv)",
          R"(Extracts relations from every input, merges them into one graph (one node per
entity, aliases merged; one edge per distinct fact, weight = number of
documents stating it) and writes it to each FILE, in the format its
extension names:
  .graphml      GraphML for Gephi, NetworkX, igraph
  .dot, .gv     Graphviz (dot -Tsvg FILE -o FILE.svg)
Missing folders are created; a file is replaced only once it is complete.

Options:
  -o, --output FILE   where to write the graph (repeatable)
  --rules DIR         use the rule files in DIR
  -h, --help          show this help
)",
          {"--help", "--rules", "--output"}, run_build};
}

}  // namespace relgraph
