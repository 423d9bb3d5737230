#include "graph/subgraph.h"

#include <algorithm>
#include <deque>

#include "extract/error.h"

namespace relgraph {

namespace {

bool edge_passes(const EdgeProperties& edge, const SubgraphFilter& filter) {
  if (edge.weight() < filter.min_weight) return false;
  return filter.relations.empty() ||
         std::find(filter.relations.begin(), filter.relations.end(), edge.relation) != filter.relations.end();
}

// Nodes within filter.depth edges of `focus`, walking kept edges either way.
std::vector<bool> neighbourhood(const Graph& g, Node focus, const SubgraphFilter& filter) {
  std::vector<int> distance(boost::num_vertices(g), -1);
  std::deque<Node> queue{focus};
  distance[focus] = 0;
  auto visit = [&](Node from, Node to) {
    if (distance[to] >= 0) return;
    distance[to] = distance[from] + 1;
    queue.push_back(to);
  };
  while (!queue.empty()) {
    const Node n = queue.front();
    queue.pop_front();
    if (distance[n] >= filter.depth) continue;
    for (const Edge e : boost::make_iterator_range(boost::out_edges(n, g))) {
      if (edge_passes(g[e], filter)) visit(n, boost::target(e, g));
    }
    for (const Edge e : boost::make_iterator_range(boost::in_edges(n, g))) {
      if (edge_passes(g[e], filter)) visit(n, boost::source(e, g));
    }
  }
  std::vector<bool> reached(distance.size());
  for (std::size_t i = 0; i < distance.size(); ++i) reached[i] = distance[i] >= 0;
  return reached;
}

}  // namespace

KnowledgeGraph subgraph(const KnowledgeGraph& graph, const SubgraphFilter& filter) {
  if (filter.empty()) return graph;
  const Graph& g = graph.graph();
  std::vector<bool> keep(boost::num_vertices(g), true);
  std::optional<Node> focus;
  if (filter.focus) {
    focus = graph.find(*filter.focus);
    if (!focus) throw Error(Error::Kind::kUsage, "--focus", "no entity named \"" + *filter.focus + "\" in the graph");
    keep = neighbourhood(g, *focus, filter);
  }

  // Edges whose ends are both in reach; then nodes that still touch one.
  std::vector<Edge> edges;
  std::vector<bool> touched(keep.size(), false);
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Node s = boost::source(e, g), t = boost::target(e, g);
    if (!keep[s] || !keep[t] || !edge_passes(g[e], filter)) continue;
    edges.push_back(e);
    touched[s] = touched[t] = true;
  }
  if (focus) touched[*focus] = true;

  auto owned = std::make_unique<Graph>();
  Graph& out = *owned;
  std::vector<Node> new_id(keep.size());
  for (const Node n : boost::make_iterator_range(boost::vertices(g))) {
    if (keep[n] && touched[n]) new_id[n] = boost::add_vertex(g[n], out);
  }
  for (const Edge e : edges) boost::add_edge(new_id[boost::source(e, g)], new_id[boost::target(e, g)], g[e], out);
  return KnowledgeGraph(std::move(owned));
}

}  // namespace relgraph
