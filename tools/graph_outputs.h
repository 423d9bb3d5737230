// The last step of `build` and `export`: cut the graph down to what the
// options ask for (--focus, --depth, --relation, --min-weight) and write it
// to every -o path in the format the path names (export/exporter.h).
#pragma once

#include <iosfwd>

#include "graph/knowledge_graph.h"
#include "graph/subgraph.h"
#include "tools/options.h"

namespace relgraph {

// Flags the two commands share, for their Command::flags.
std::vector<std::string> graph_output_flags();

// Help text for those flags.
std::string graph_output_help();

// Throws Error(kUsage) when there is no -o, an output's format is unknown or
// a filter option is malformed; call before the slow work starts.
void check_graph_outputs(const Options& options);

// The filter the options describe. Throws Error(kUsage) for a bad value.
SubgraphFilter subgraph_filter_for(const Options& options);

// Filters `graph` and writes each output; when filtered, says on `err` how much was kept.
// "out/a.graphml and out/b.dot not written, previous files kept", for an interrupt before writing.
std::string outputs_not_written(const Options& options);

void write_graph_outputs(const KnowledgeGraph& graph, const Options& options, std::ostream& err);

}  // namespace relgraph
