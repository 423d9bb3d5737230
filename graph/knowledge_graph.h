// KnowledgeGraph: the one graph relgraph assembles from all documents.
//
// A Boost.Graph adjacency_list with bundled properties holding exactly the
// attributes of RELATIONS.md, section "The graph":
//   node  label (canonical name), type, aliases, mentions, first_seen, last_seen
//   edge  relation, weight (= number of distinct documents), mentions, docs,
//         evidence (first seen), rule (that produced the evidence), first_seen, last_seen
// One node per canonical entity, one edge per distinct (subject, relation,
// object). A symmetric relation is stored once, from the end whose label
// sorts first to the other. Dates are "YYYY-MM-DD", empty when unknown.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/schema.h"

namespace relgraph {

struct NodeProperties {
  std::string label;
  EntityType type = EntityType::kOrg;
  std::vector<std::string> aliases;  // sorted; the other names seen for this entity
  std::uint64_t mentions = 0;
  std::string first_seen;
  std::string last_seen;
};

struct EdgeProperties {
  Relation relation = Relation::kHires;
  std::vector<std::string> docs;  // sorted, distinct document ids
  std::uint64_t mentions = 0;
  std::string evidence;
  std::string rule;
  std::string first_seen;
  std::string last_seen;

  // The number of distinct documents that state the fact.
  double weight() const { return static_cast<double>(docs.size()); }
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProperties, EdgeProperties>;
using Node = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

class KnowledgeGraph {
 public:
  KnowledgeGraph() : graph_(std::make_unique<Graph>()) {}
  // Takes the graph by pointer: Boost's adjacency_list has no move
  // constructor (moving one copies it), and a graph of millions of edges
  // took seconds to copy.
  explicit KnowledgeGraph(std::unique_ptr<Graph> graph);
  // A copy copies every node and edge: costly for a large graph.
  KnowledgeGraph(const KnowledgeGraph& other);
  KnowledgeGraph& operator=(const KnowledgeGraph& other);
  // A moved-from graph may only be assigned to or destroyed.
  KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept = default;

  const Graph& graph() const { return *graph_; }
  std::size_t node_count() const { return boost::num_vertices(*graph_); }
  std::size_t edge_count() const { return boost::num_edges(*graph_); }
  const NodeProperties& node(Node n) const { return (*graph_)[n]; }
  const EdgeProperties& edge(Edge e) const { return (*graph_)[e]; }

  // The node whose label or one of whose aliases equals `name`, ignoring case
  // and spaces; with `type`, only nodes of that type.
  std::optional<Node> find(std::string_view name, std::optional<EntityType> type = std::nullopt) const;

 private:
  std::unique_ptr<Graph> graph_;  // never null
  std::unordered_map<std::string, std::vector<Node>> by_name_;  // name_key -> nodes
};

}  // namespace relgraph
