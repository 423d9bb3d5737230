#include "graph/knowledge_graph.h"

#include "extract/names.h"

namespace relgraph {

KnowledgeGraph::KnowledgeGraph(std::unique_ptr<Graph> graph) : graph_(std::move(graph)) {
  if (!graph_) graph_ = std::make_unique<Graph>();
  for (const Node n : boost::make_iterator_range(boost::vertices(*graph_))) {
    const NodeProperties& p = (*graph_)[n];
    by_name_[name_key(p.label)].push_back(n);
    for (const std::string& alias : p.aliases) {
      auto& nodes = by_name_[name_key(alias)];
      if (nodes.empty() || nodes.back() != n) nodes.push_back(n);
    }
  }
}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : graph_(std::make_unique<Graph>(*other.graph_)), by_name_(other.by_name_) {}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) *this = KnowledgeGraph(other);
  return *this;
}

std::optional<Node> KnowledgeGraph::find(std::string_view name, std::optional<EntityType> type) const {
  const auto it = by_name_.find(name_key(name));
  if (it == by_name_.end()) return std::nullopt;
  // A node whose label is the name wins over one that only has it as an alias.
  std::optional<Node> by_alias;
  for (const Node n : it->second) {
    if (type && (*graph_)[n].type != *type) continue;
    if (name_key((*graph_)[n].label) == name_key(name)) return n;
    if (!by_alias) by_alias = n;
  }
  return by_alias;
}

}  // namespace relgraph
