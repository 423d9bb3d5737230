// QueryGraph: a saved graph, loaded to answer questions (relgraph query,
// relgraph stats) about as fast as the file can be read.
//
//   QueryGraph graph = QueryGraph::load("graph.graphml");
//   if (const auto n = graph.find("오픈AI")) {
//     for (const auto e : boost::make_iterator_range(boost::out_edges(*n, graph.topology())))
//       const QueryFact& fact = graph.fact(graph.topology()[e].fact);
//   }
//
// Every attribute of the file is kept, but only what questions look at while
// they search is decoded on loading: names, aliases, types, relations,
// mention counts, the number of documents per fact. Document ids, evidence,
// rule and dates stay the file's raw text (the file is mapped into memory,
// not copied) until an answer asks for them (docs(), text()). Adjacency is
// Boost's compressed_sparse_row_graph: one array for all facts, out- and
// in-edges both.
//
// A file that states one fact on several edges (another tool's rewrite;
// relgraph never writes one) is read through read_graphml, which merges them.
// Errors are those of read_graphml (Error(kInput, "FILE:LINE:COLUMN", ...)).
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/schema.h"
#include "graph/knowledge_graph.h"

namespace relgraph {

class MappedFile;

struct QueryNode {
  std::string label;
  EntityType type = EntityType::kOrg;
  std::vector<std::string> aliases;
  std::uint64_t mentions = 0;
  std::string_view first_seen, last_seen;  // raw; QueryGraph::text decodes
};

struct QueryFact {
  std::uint32_t subject = 0, object = 0;  // node indices
  Relation relation = Relation::kHires;
  std::uint32_t weight = 0;  // distinct documents
  std::uint64_t mentions = 0;
  std::string_view docs, evidence, rule, first_seen, last_seen;  // raw; decode with docs() and text()
};

// The fact an edge of the topology stands for.
struct FactRef {
  std::uint32_t fact = 0;
};

using QueryTopology = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, FactRef,
                                                         boost::no_property, std::uint32_t, std::uint32_t>;

class QueryGraph {
 public:
  static QueryGraph load(const std::string& path);
  static QueryGraph from(const KnowledgeGraph& graph);

  QueryGraph(QueryGraph&&) noexcept;
  QueryGraph& operator=(QueryGraph&&) noexcept;
  ~QueryGraph();

  std::size_t node_count() const { return nodes_.size(); }
  std::size_t fact_count() const { return facts_.size(); }
  const QueryNode& node(std::uint32_t n) const { return nodes_[n]; }
  const QueryFact& fact(std::uint32_t f) const { return facts_[f]; }
  const std::vector<QueryFact>& facts() const { return facts_; }
  const QueryTopology& topology() const { return topology_; }

  // The node whose label or an alias is `name`, ignoring case and spaces; a
  // label wins over an alias.
  std::optional<std::uint32_t> find(std::string_view name) const;

  // Every label and alias with its node, for suggesting names.
  std::vector<std::pair<std::string_view, std::uint32_t>> names() const;

  // A raw value decoded (dates, evidence, rule), and a fact's document ids.
  std::string text(std::string_view raw) const;
  std::vector<std::string> docs(const QueryFact& fact) const;

 private:
  QueryGraph();
  void index();  // builds topology_ and by_name_ from nodes_ and facts_
  void index_names();
  bool states_a_fact_twice() const;
  bool states_a_fact_twice_by_sorting() const;

  std::unique_ptr<const MappedFile> file_;  // what raw views point into, when loaded from a file
  std::deque<std::string> owned_;           // ... or when made from a KnowledgeGraph
  bool raw_is_xml_ = false;                 // raw views hold XML content (escaped) rather than plain text
  std::vector<QueryNode> nodes_;
  std::vector<QueryFact> facts_;
  QueryTopology topology_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_name_;  // name_key -> nodes

  friend class QueryGraphLoader;
};

}  // namespace relgraph
