#include "export/graphml_writer.h"

#include <ostream>

#include "export/value_format.h"

namespace relgraph {

namespace {

struct Key {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;
  const char* type;
};

constexpr Key kKeys[] = {
    {"k_label", "node", "label", "string"},
    {"k_type", "node", "type", "string"},
    {"k_aliases", "node", "aliases", "string"},
    {"k_mentions", "node", "mentions", "long"},
    {"k_first_seen", "node", "first_seen", "string"},
    {"k_last_seen", "node", "last_seen", "string"},
    {"k_relation", "edge", "relation", "string"},
    {"k_weight", "edge", "weight", "double"},
    {"k_edge_mentions", "edge", "mentions", "long"},
    {"k_docs", "edge", "docs", "string"},
    {"k_evidence", "edge", "evidence", "string"},
    {"k_rule", "edge", "rule", "string"},
    {"k_edge_first_seen", "edge", "first_seen", "string"},
    {"k_edge_last_seen", "edge", "last_seen", "string"},
    {"k_symmetric", "edge", "symmetric", "boolean"},
};

void data(std::ostream& out, const char* key, std::string_view value) {
  if (value.empty()) return;
  out << "      <data key=\"" << key << "\">" << xml_escape_text(value) << "</data>\n";
}

}  // namespace

void write_graphml(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
         "  <!-- written by relgraph; aliases and docs hold JSON arrays -->\n";
  for (const Key& key : kKeys) {
    out << "  <key id=\"" << key.id << "\" for=\"" << key.domain << "\" attr.name=\"" << key.name
        << "\" attr.type=\"" << key.type << "\"/>\n";
  }
  out << "  <graph id=\"relgraph\" edgedefault=\"directed\">\n";
  for (const Node n : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& p = g[n];
    out << "    <node id=\"n" << n << "\">\n";
    data(out, "k_label", p.label);
    data(out, "k_type", name(p.type));
    if (!p.aliases.empty()) data(out, "k_aliases", json_array(p.aliases));
    data(out, "k_mentions", std::to_string(p.mentions));
    data(out, "k_first_seen", p.first_seen);
    data(out, "k_last_seen", p.last_seen);
    out << "    </node>\n";
  }
  std::size_t edge_id = 0;
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProperties& p = g[e];
    out << "    <edge id=\"e" << edge_id++ << "\" source=\"n" << boost::source(e, g) << "\" target=\"n"
        << boost::target(e, g) << "\">\n";
    data(out, "k_relation", name(p.relation));
    data(out, "k_weight", format_double(p.weight()));
    data(out, "k_edge_mentions", std::to_string(p.mentions));
    data(out, "k_docs", json_array(p.docs));
    data(out, "k_evidence", p.evidence);
    data(out, "k_rule", p.rule);
    data(out, "k_edge_first_seen", p.first_seen);
    data(out, "k_edge_last_seen", p.last_seen);
    data(out, "k_symmetric", is_symmetric(p.relation) ? "true" : "false");
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace relgraph
