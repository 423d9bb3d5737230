#include "tools/graph_outputs.h"

#include <charconv>
#include <optional>
#include <ostream>

#include "export/dot_writer.h"
#include "export/exporter.h"
#include "extract/error.h"
#include "extract/interrupt.h"

namespace relgraph {

std::vector<std::string> graph_output_flags() { return {"--output", "--focus", "--depth", "--relation", "--min-weight"}; }

std::string graph_output_help() {
  return R"(Output (-o is repeatable; the format follows the name):
  FILE.graphml   GraphML for Gephi, NetworkX, igraph, graphology
  FILE.gexf      GEXF 1.3 for Gephi: colours, sizes and a timeline
  FILE.dot, .gv  Graphviz (dot -Tsvg FILE -o FILE.svg)
  FILE.json      node-link JSON for D3 and NetworkX
  FILE.cyjs      Cytoscape.js / Cytoscape JSON
  DIR/           CSV tables: nodes.csv and edges.csv (Gephi, spreadsheets),
                 nodes.neo4j.csv and edges.neo4j.csv (neo4j-admin import)
Missing folders are created; a file is replaced only once it is complete.

Only part of the graph (for diagrams):
  --focus NAME       only NAME (a label or alias) and its neighbourhood
  --depth N          how many edges away from the focus to go (default 1)
  --relation REL     only these relations (repeatable, or REL,REL)
  --min-weight W     only facts stated in at least W documents
)";
}

void check_graph_outputs(const Options& options) {
  if (options.outputs.empty()) throw Error(Error::Kind::kUsage, "", "needs at least one -o FILE");
  for (const std::string& output : options.outputs) {
    if (!format_for_path(output)) {
      throw Error(Error::Kind::kUsage, output, "unknown output format (use " + std::string(known_formats()) + ")");
    }
  }
  subgraph_filter_for(options);
}

SubgraphFilter subgraph_filter_for(const Options& options) {
  SubgraphFilter filter;
  if (!options.focus.empty()) filter.focus = options.focus;
  if (!options.depth.empty()) {
    if (!filter.focus) throw Error(Error::Kind::kUsage, "--depth", "only means something with --focus NAME");
    filter.depth = parse_number<int>(options.depth, "--depth");
  }
  filter.relations = relations_of(options);
  if (!options.min_weight.empty()) filter.min_weight = parse_number<double>(options.min_weight, "--min-weight");
  return filter;
}

std::string outputs_not_written(const Options& options) {
  std::string names;
  for (std::size_t i = 0; i < options.outputs.size(); ++i) {
    if (i > 0) names += i + 1 == options.outputs.size() ? " and " : ", ";
    names += options.outputs[i];
  }
  return names + " not written, " + (options.outputs.size() == 1 ? "the previous file is" : "previous files are") +
         " kept";
}

void write_graph_outputs(const KnowledgeGraph& graph, const Options& options, std::ostream& err) {
  throw_if_interrupted(outputs_not_written(options));
  const SubgraphFilter filter = subgraph_filter_for(options);
  std::optional<KnowledgeGraph> cut;  // only when filtering: a whole graph is not copied
  if (!filter.empty()) cut = subgraph(graph, filter);
  const KnowledgeGraph& part = cut ? *cut : graph;
  for (const std::string& output : options.outputs) {
    write_graph_file(part, output);
    if (format_for_path(output) == GraphFormat::kDot && part.node_count() > kDotLargeGraph) {
      err << "relgraph: note: " << output << " has " << part.node_count()
          << " nodes, too many for dot: it asks for sfdp and leaves edge labels out (--focus NAME cuts a diagram)\n";
    }
  }
  if (!filter.empty() && !options.quiet) {
    err << "relgraph: wrote " << part.node_count() << " of " << graph.node_count() << " nodes, " << part.edge_count()
        << " of " << graph.edge_count() << " edges\n";
  }
}

}  // namespace relgraph
