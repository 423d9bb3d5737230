#include "export/graphml_writer.h"

#include <charconv>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

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

// Output is built in a buffer handed to the stream in large pieces: a graph
// of millions of edges is tens of millions of small values, and one stream
// insertion per value cost three times the rest of the writer.
class Buffer {
 public:
  explicit Buffer(std::ostream& out) : out_(out) { text_.reserve(kFlushAt + 4096); }
  ~Buffer() { flush(); }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  Buffer& operator<<(std::string_view s) {
    text_ += s;
    return *this;
  }
  Buffer& operator<<(std::uint64_t n) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    text_.append(digits, end);
    return *this;
  }
  // <data key="key">value</data>, or nothing for an empty value.
  void data(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    open_data(key);
    append_xml_escape_text(text_, value);
    close_data();
  }
  void data(std::string_view key, std::uint64_t value) {
    open_data(key);
    *this << value;
    close_data();
  }
  void data(std::string_view key, const std::vector<std::string>& list) {
    open_data(key);
    const std::size_t start = text_.size();
    append_json_array(text_, list);
    // A JSON array of element content needs & < > escaped, like any text.
    if (text_.find_first_of("&<>", start) != std::string::npos) {
      const std::string json = text_.substr(start);
      text_.resize(start);
      append_xml_escape_text(text_, json);
    }
    close_data();
  }
  void end_element() {
    if (text_.size() >= kFlushAt) flush();
  }
  void flush() {
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 20;
  void open_data(std::string_view key) { *this << "      <data key=\"" << key << "\">"; }
  void close_data() { text_ += "</data>\n"; }

  std::ostream& out_;
  std::string text_;
};

}  // namespace

void write_graphml(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  Buffer b(out);
  b << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
       "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
       "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
       "  <!-- written by relgraph; aliases and docs hold JSON arrays -->\n";
  for (const Key& key : kKeys) {
    b << "  <key id=\"" << key.id << "\" for=\"" << key.domain << "\" attr.name=\"" << key.name
      << "\" attr.type=\"" << key.type << "\"/>\n";
  }
  b << "  <graph id=\"relgraph\" edgedefault=\"directed\">\n";
  for (const Node n : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& p = g[n];
    b << "    <node id=\"n" << std::uint64_t{n} << "\">\n";
    b.data("k_label", p.label);
    b.data("k_type", name(p.type));
    if (!p.aliases.empty()) b.data("k_aliases", p.aliases);
    b.data("k_mentions", p.mentions);
    b.data("k_first_seen", p.first_seen);
    b.data("k_last_seen", p.last_seen);
    b << "    </node>\n";
    b.end_element();
  }
  std::uint64_t edge_id = 0;
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProperties& p = g[e];
    b << "    <edge id=\"e" << edge_id++ << "\" source=\"n" << std::uint64_t{boost::source(e, g)} << "\" target=\"n"
      << std::uint64_t{boost::target(e, g)} << "\">\n";
    b.data("k_relation", name(p.relation));
    b.data("k_weight", format_double(p.weight()));
    b.data("k_edge_mentions", p.mentions);
    b.data("k_docs", p.docs);
    b.data("k_evidence", p.evidence);
    b.data("k_rule", p.rule);
    b.data("k_edge_first_seen", p.first_seen);
    b.data("k_edge_last_seen", p.last_seen);
    b.data("k_symmetric", is_symmetric(p.relation) ? "true" : "false");
    b << "    </edge>\n";
    b.end_element();
  }
  b << "  </graph>\n</graphml>\n";
}

}  // namespace relgraph
