#include <ostream>

#include "extract/error.h"
#include "graph/graph_query.h"
#include "graph/query_graph.h"
#include "tools/commands.h"
#include "tools/query_output.h"
#include "tools/text_table.h"

namespace relgraph {

namespace {

void json_count_object(JsonOut& json, const char* key, auto names, const auto& counts) {
  json.Key(key);
  json.StartObject();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    write_json_string(json, names(i));
    json.Uint64(counts[i]);
  }
  json.EndObject();
}

std::string_view type_name(std::size_t i) { return name(kEntityTypes[i]); }
std::string_view relation_name(std::size_t i) { return relation_specs()[i].name; }

int run_stats(const Options& options, std::ostream& out, std::ostream&) {
  if (options.inputs.size() != 1) throw Error(Error::Kind::kUsage, "", "stats takes one GRAPH.graphml (see --help)");
  check_inputs_exist(options.inputs);
  const QueryGraph graph = QueryGraph::load(options.inputs[0]);
  const GraphStats stats = graph_stats(graph);
  if (options.json) {
    rapidjson::StringBuffer buffer;
    JsonOut json(buffer);
    json.SetIndent(' ', 2);
    json.StartObject();
    json.Key("nodes");
    json.Uint64(stats.nodes);
    json.Key("edges");
    json.Uint64(stats.facts);
    json_count_object(json, "nodes_by_type", type_name, stats.nodes_by_type);
    json_count_object(json, "edges_by_relation", relation_name, stats.facts_by_relation);
    json.Key("documents");
    json.Uint64(stats.documents);
    json.Key("components");
    json.Uint64(stats.components);
    json.Key("largest_component");
    json.StartObject();
    json.Key("nodes");
    json.Uint64(stats.largest_component_nodes);
    json.Key("edges");
    json.Uint64(stats.largest_component_facts);
    json.EndObject();
    json.Key("isolated_nodes");
    json.Uint64(stats.isolated_nodes);
    json.Key("first_seen");
    stats.first_seen.empty() ? json.Null() : json.String(stats.first_seen.c_str());
    json.Key("last_seen");
    stats.last_seen.empty() ? json.Null() : json.String(stats.last_seen.c_str());
    json.EndObject();
    out << buffer.GetString() << '\n';
    return 0;
  }
  out << "nodes      " << stats.nodes << "\n"
      << "edges      " << stats.facts << "\n"
      << "documents  " << stats.documents << " (stating at least one fact)\n"
      << "dates      "
      << (stats.first_seen.empty() ? std::string("none given") : stats.first_seen + ".." + stats.last_seen) << "\n"
      << "components " << stats.components << " (largest: " << stats.largest_component_nodes << " nodes, "
      << stats.largest_component_facts << " edges; " << stats.isolated_nodes << " nodes in no fact)\n\n";
  TextTable types({"type", ">nodes"});
  for (std::size_t i = 0; i < stats.nodes_by_type.size(); ++i) {
    types.add({std::string(type_name(i)), std::to_string(stats.nodes_by_type[i])});
  }
  types.print(out, 0);
  out << '\n';
  TextTable relations({"relation", ">edges"});
  for (std::size_t i = 0; i < stats.facts_by_relation.size(); ++i) {
    relations.add({std::string(relation_name(i)), std::to_string(stats.facts_by_relation[i])});
  }
  relations.print(out, 0);
  return 0;
}

}  // namespace

Command stats_command() {
  return {"stats", "relgraph stats GRAPH [--json]", "count what a saved graph holds: nodes, edges, documents, components",
          R"(Counts for a graph saved as GraphML: nodes by type, edges by relation, the
documents stating facts, the span of their dates, the connected components
(facts taken either way) and the largest of them, the entities in no fact.

With --json, one JSON object:
  {"nodes", "edges", "nodes_by_type": {"ORG": n, ...}, "edges_by_relation":
   {"hires": n, ...}, "documents", "components", "largest_component":
   {"nodes", "edges"}, "isolated_nodes", "first_seen", "last_seen"}
)",
          {"--help", "--json"}, run_stats};
}

}  // namespace relgraph
