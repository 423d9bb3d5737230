#include "export/gexf_writer.h"

#include <cmath>
#include <ostream>

#include "export/graph_style.h"
#include "export/value_format.h"

namespace relgraph {

namespace {

struct Attribute {
  const char* id;
  const char* type;
};

constexpr Attribute kNodeAttributes[] = {
    {"type", "string"}, {"aliases", "string"}, {"mentions", "long"}, {"first_seen", "string"}, {"last_seen", "string"},
};

constexpr Attribute kEdgeAttributes[] = {
    {"relation", "string"}, {"mentions", "long"},       {"docs", "string"},      {"evidence", "string"},
    {"rule", "string"},     {"first_seen", "string"}, {"last_seen", "string"}, {"symmetric", "boolean"},
};

void declare(std::ostream& out, const char* element_class, const auto& attributes) {
  out << "    <attributes class=\"" << element_class << "\" mode=\"static\">\n";
  for (const Attribute& a : attributes) {
    out << "      <attribute id=\"" << a.id << "\" title=\"" << a.id << "\" type=\"" << a.type << "\"/>\n";
  }
  out << "    </attributes>\n";
}

void value(std::ostream& out, const char* id, std::string_view text) {
  if (text.empty()) return;
  out << "          <attvalue for=\"" << id << "\" value=\"" << xml_escape(text) << "\"/>\n";
}

void spell(std::ostream& out, const std::string& first_seen, const std::string& last_seen) {
  if (first_seen.empty()) return;
  out << "        <spells><spell start=\"" << first_seen << "\" end=\"" << last_seen << "\"/></spells>\n";
}

bool any_dated(const Graph& g) {
  for (const Node n : boost::make_iterator_range(boost::vertices(g))) {
    if (!g[n].first_seen.empty()) return true;
  }
  return false;
}

// Thickness for viewers: 1 for one document, growing with the logarithm of the count.
double thickness(double weight) { return 1.0 + std::log2(std::max(1.0, weight)); }

}  // namespace

void write_gexf(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  const bool dynamic = any_dated(g);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
         "  <meta>\n"
         "    <creator>relgraph</creator>\n"
         "    <description>Relations found in Korean news; aliases and docs hold JSON arrays</description>\n"
         "  </meta>\n"
         "  <graph defaultedgetype=\"directed\" idtype=\"string\" "
      << (dynamic ? "mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\"" : "mode=\"static\"")
      << ">\n";
  declare(out, "node", kNodeAttributes);
  declare(out, "edge", kEdgeAttributes);

  out << "    <nodes count=\"" << kg.node_count() << "\">\n";
  for (const Node n : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& p = g[n];
    const EntityStyle style = style_of(p.type);
    out << "      <node id=\"n" << n << "\" label=\"" << xml_escape(p.label) << "\">\n"
        << "        <attvalues>\n";
    value(out, "type", name(p.type));
    if (!p.aliases.empty()) value(out, "aliases", json_array(p.aliases));
    value(out, "mentions", std::to_string(p.mentions));
    value(out, "first_seen", p.first_seen);
    value(out, "last_seen", p.last_seen);
    out << "        </attvalues>\n";
    spell(out, p.first_seen, p.last_seen);
    out << "        <viz:color r=\"" << int{style.r} << "\" g=\"" << int{style.g} << "\" b=\"" << int{style.b}
        << "\"/>\n"
        << "        <viz:size value=\"" << format_double(node_size(p.mentions)) << "\"/>\n"
        << "        <viz:shape value=\"" << style.gexf_shape << "\"/>\n"
        << "      </node>\n";
  }
  out << "    </nodes>\n";

  out << "    <edges count=\"" << kg.edge_count() << "\">\n";
  std::size_t edge_id = 0;
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProperties& p = g[e];
    const std::string_view relation = name(p.relation);
    out << "      <edge id=\"e" << edge_id++ << "\" source=\"n" << boost::source(e, g) << "\" target=\"n"
        << boost::target(e, g) << "\" label=\"" << relation << "\" kind=\"" << relation << "\" weight=\""
        << format_double(p.weight()) << "\"" << (is_symmetric(p.relation) ? " type=\"undirected\"" : "") << ">\n"
        << "        <attvalues>\n";
    value(out, "relation", relation);
    value(out, "mentions", std::to_string(p.mentions));
    value(out, "docs", json_array(p.docs));
    value(out, "evidence", p.evidence);
    value(out, "rule", p.rule);
    value(out, "first_seen", p.first_seen);
    value(out, "last_seen", p.last_seen);
    value(out, "symmetric", is_symmetric(p.relation) ? "true" : "false");
    out << "        </attvalues>\n";
    spell(out, p.first_seen, p.last_seen);
    out << "        <viz:thickness value=\"" << format_double(thickness(p.weight())) << "\"/>\n"
        << "      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace relgraph
