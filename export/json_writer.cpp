#include "export/json_writer.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include <ostream>
#include <string>

namespace relgraph {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::OStreamWrapper>;

void string(JsonWriter& w, std::string_view text) { w.String(text.data(), static_cast<rapidjson::SizeType>(text.size())); }

void field(JsonWriter& w, std::string_view key, std::string_view text) {
  if (text.empty()) return;
  string(w, key);
  string(w, text);
}

void list_field(JsonWriter& w, std::string_view key, const std::vector<std::string>& items) {
  string(w, key);
  w.StartArray();
  for (const std::string& item : items) string(w, item);
  w.EndArray();
}

std::string node_id(Node n) { return "n" + std::to_string(n); }

// The attributes of a node, as members of the object being written.
void node_members(JsonWriter& w, Node n, const NodeProperties& p) {
  field(w, "id", node_id(n));
  field(w, "label", p.label);
  field(w, "type", name(p.type));
  list_field(w, "aliases", p.aliases);
  string(w, "mentions");
  w.Uint64(p.mentions);
  field(w, "first_seen", p.first_seen);
  field(w, "last_seen", p.last_seen);
}

// The attributes of an edge, as members of the object being written.
void edge_members(JsonWriter& w, const Graph& g, Edge e, std::size_t id) {
  const EdgeProperties& p = g[e];
  field(w, "id", "e" + std::to_string(id));
  field(w, "source", node_id(boost::source(e, g)));
  field(w, "target", node_id(boost::target(e, g)));
  field(w, "relation", name(p.relation));
  string(w, "weight");
  w.Double(p.weight());
  string(w, "mentions");
  w.Uint64(p.mentions);
  list_field(w, "docs", p.docs);
  field(w, "evidence", p.evidence);
  field(w, "rule", p.rule);
  field(w, "first_seen", p.first_seen);
  field(w, "last_seen", p.last_seen);
  string(w, "symmetric");
  w.Bool(is_symmetric(p.relation));
}

void graph_members(JsonWriter& w) {
  field(w, "name", "relgraph");
  field(w, "description", "Relations found in Korean news; weight = number of documents stating the fact");
}

}  // namespace

void write_node_link(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  rapidjson::OStreamWrapper stream(out);
  JsonWriter w(stream);
  w.StartObject();
  string(w, "directed");
  w.Bool(true);
  string(w, "multigraph");
  w.Bool(true);
  string(w, "graph");
  w.StartObject();
  graph_members(w);
  w.EndObject();
  string(w, "nodes");
  w.StartArray();
  for (const Node n : boost::make_iterator_range(boost::vertices(g))) {
    w.StartObject();
    node_members(w, n, g[n]);
    w.EndObject();
  }
  w.EndArray();
  string(w, "links");
  w.StartArray();
  std::size_t id = 0;
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    w.StartObject();
    field(w, "key", name(g[e].relation));
    edge_members(w, g, e, id++);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out << '\n';
}

void write_cytoscape(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  rapidjson::OStreamWrapper stream(out);
  JsonWriter w(stream);
  w.StartObject();
  field(w, "format_version", "1.0");
  field(w, "generated_by", "relgraph");
  field(w, "target_cytoscapejs_version", "~3");
  string(w, "data");
  w.StartObject();
  graph_members(w);
  w.EndObject();
  string(w, "elements");
  w.StartObject();
  string(w, "nodes");
  w.StartArray();
  for (const Node n : boost::make_iterator_range(boost::vertices(g))) {
    w.StartObject();
    string(w, "data");
    w.StartObject();
    node_members(w, n, g[n]);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  string(w, "edges");
  w.StartArray();
  std::size_t id = 0;
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    w.StartObject();
    string(w, "data");
    w.StartObject();
    edge_members(w, g, e, id++);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  out << '\n';
}

}  // namespace relgraph
