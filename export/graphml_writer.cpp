#include "export/graphml_writer.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <ostream>

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

std::string json_array(const std::vector<std::string>& items) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartArray();
  for (const std::string& item : items) writer.String(item.data(), static_cast<rapidjson::SizeType>(item.size()));
  writer.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

void data(std::ostream& out, const char* key, std::string_view value) {
  if (value.empty()) return;
  out << "      <data key=\"" << key << "\">" << xml_escape(value) << "</data>\n";
}

std::string format_double(double value) {
  std::string s = std::to_string(value);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s += '0';
  return s;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters.
        if (static_cast<unsigned char>(c) == 0xEF && i + 2 < text.size() &&
            static_cast<unsigned char>(text[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(text[i + 2]) == 0xBE || static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
          i += 2;
          break;
        }
        out += c;
    }
  }
  return out;
}

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
