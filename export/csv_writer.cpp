#include "export/csv_writer.h"

#include <filesystem>
#include <memory>
#include <vector>
#include <ostream>

#include "export/atomic_file.h"
#include "export/value_format.h"

namespace relgraph {

namespace {

// Writes one CSV record field by field: Row(out) << a << b; the record's
// line ends when the temporary Row dies, at the end of that statement.
class Row {
 public:
  explicit Row(std::ostream& out) : out_(out) {}
  ~Row() { out_ << '\n'; }
  Row(const Row&) = delete;
  Row& operator=(const Row&) = delete;

  Row& operator<<(std::string_view text) {
    if (!first_) out_ << ',';
    first_ = false;
    out_ << csv_field(text);
    return *this;
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

std::string node_id(Node n) { return "n" + std::to_string(n); }

// Neo4j's array syntax: items joined with ';', which it cannot escape.
std::string neo4j_array(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ';';
    for (const char c : item) out += c == ';' ? ',' : c;
  }
  return out;
}

}  // namespace

void write_gephi_nodes_csv(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  Row(out) << "Id" << "Label" << "type" << "aliases" << "mentions" << "first_seen" << "last_seen";
  for (const Node n : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& p = g[n];
    Row(out) << node_id(n) << p.label << name(p.type) << (p.aliases.empty() ? "" : json_array(p.aliases))
             << std::to_string(p.mentions) << p.first_seen << p.last_seen;
  }
}

void write_gephi_edges_csv(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  Row(out) << "Source" << "Target" << "Type" << "Id" << "Label" << "Weight" << "relation" << "mentions" << "docs"
           << "evidence" << "rule" << "first_seen" << "last_seen";
  std::size_t id = 0;
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProperties& p = g[e];
    Row(out) << node_id(boost::source(e, g)) << node_id(boost::target(e, g))
             << (is_symmetric(p.relation) ? "Undirected" : "Directed") << "e" + std::to_string(id++)
             << name(p.relation) << format_double(p.weight()) << name(p.relation) << std::to_string(p.mentions)
             << json_array(p.docs) << p.evidence << p.rule << p.first_seen << p.last_seen;
  }
}

void write_neo4j_nodes_csv(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  Row(out) << "id:ID" << "label" << ":LABEL" << "aliases:string[]" << "mentions:long" << "first_seen:date"
           << "last_seen:date";
  for (const Node n : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& p = g[n];
    Row(out) << node_id(n) << p.label << name(p.type) << neo4j_array(p.aliases) << std::to_string(p.mentions)
             << p.first_seen << p.last_seen;
  }
}

void write_neo4j_edges_csv(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  Row(out) << ":START_ID" << ":END_ID" << ":TYPE" << "weight:double" << "mentions:long" << "docs:string[]"
           << "evidence" << "rule" << "first_seen:date" << "last_seen:date" << "symmetric:boolean";
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProperties& p = g[e];
    Row(out) << node_id(boost::source(e, g)) << node_id(boost::target(e, g)) << name(p.relation)
             << format_double(p.weight()) << std::to_string(p.mentions) << neo4j_array(p.docs) << p.evidence << p.rule
             << p.first_seen << p.last_seen << (is_symmetric(p.relation) ? "true" : "false");
  }
}

void write_csv_folder(const KnowledgeGraph& graph, const std::string& folder) {
  const std::filesystem::path dir(folder);
  const std::pair<const char*, void (*)(const KnowledgeGraph&, std::ostream&)> tables[] = {
      {"nodes.csv", write_gephi_nodes_csv},
      {"edges.csv", write_gephi_edges_csv},
      {"nodes.neo4j.csv", write_neo4j_nodes_csv},
      {"edges.neo4j.csv", write_neo4j_edges_csv},
  };
  // All four are written and closed before any replaces its previous
  // version, so a failure leaves the previous set whole.
  std::vector<std::unique_ptr<AtomicFile>> files;
  for (const auto& [file_name, write] : tables) {
    files.push_back(std::make_unique<AtomicFile>((dir / file_name).string()));
    write(graph, files.back()->stream());
    files.back()->close();
  }
  for (const auto& file : files) file->commit();
}

}  // namespace relgraph
