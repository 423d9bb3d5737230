#include "graph/graph_query.h"

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/page_rank.hpp>

#include <algorithm>
#include <deque>
#include <unordered_set>

namespace relgraph {

namespace {

bool allowed(const RelationSet& relations, Relation relation) {
  return relations.empty() || std::find(relations.begin(), relations.end(), relation) != relations.end();
}

// Most documents first, then relation, then the names at the ends.
void sort_facts(const QueryGraph& graph, std::vector<std::uint32_t>& facts) {
  std::sort(facts.begin(), facts.end(), [&](std::uint32_t a, std::uint32_t b) {
    const QueryFact &fa = graph.fact(a), &fb = graph.fact(b);
    if (fa.weight != fb.weight) return fa.weight > fb.weight;
    if (fa.relation != fb.relation) return fa.relation < fb.relation;
    const auto& sa = graph.node(fa.subject).label;
    const auto& sb = graph.node(fb.subject).label;
    if (sa != sb) return sa < sb;
    const auto& oa = graph.node(fa.object).label;
    const auto& ob = graph.node(fb.object).label;
    if (oa != ob) return oa < ob;
    return a < b;
  });
}

// The same graph with every fact both ways, for the algorithms that ignore direction.
using UndirectedTopology = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                              boost::no_property, std::uint32_t, std::uint32_t>;

UndirectedTopology both_ways(const QueryGraph& graph) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
  ends.reserve(graph.fact_count() * 2);
  for (const QueryFact& f : graph.facts()) {
    if (f.subject == f.object) continue;
    ends.emplace_back(f.subject, f.object);
    ends.emplace_back(f.object, f.subject);
  }
  return UndirectedTopology(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(),
                            static_cast<std::uint32_t>(graph.node_count()));
}

// Union-find by hand: Boost's disjoint_sets cannot be used beside the CSR
// graph headers (their boost::detail::get hides the boost::get it needs).
class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) {
    for (std::uint32_t i = 0; i < n; ++i) parent_[i] = i;
  }
  std::uint32_t find_set(std::uint32_t n) {
    while (parent_[n] != n) n = parent_[n] = parent_[parent_[n]];
    return n;
  }
  void union_set(std::uint32_t a, std::uint32_t b) {
    a = find_set(a);
    b = find_set(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::uint32_t> parent_;
};

}  // namespace

std::vector<std::uint32_t> neighbors(const QueryGraph& graph, std::uint32_t node, const RelationSet& relations,
                                     Direction direction) {
  const QueryTopology& g = graph.topology();
  std::vector<std::uint32_t> facts;
  auto take = [&](std::uint32_t f, bool outgoing) {
    const QueryFact& fact = graph.fact(f);
    if (!allowed(relations, fact.relation)) return;
    const bool wanted = is_symmetric(fact.relation) || direction == Direction::kBoth ||
                        (direction == Direction::kOut) == outgoing;
    if (wanted) facts.push_back(f);
  };
  for (const auto e : boost::make_iterator_range(boost::out_edges(node, g))) take(g[e].fact, true);
  for (const auto e : boost::make_iterator_range(boost::in_edges(node, g))) {
    if (boost::source(e, g) != node) take(g[e].fact, false);  // a fact from the node to itself is listed once
  }
  sort_facts(graph, facts);
  return facts;
}

std::vector<std::uint32_t> find_facts(const QueryGraph& graph, const FactFilter& filter) {
  std::vector<std::uint32_t> facts;
  auto is_end = [&](const QueryFact& f, std::uint32_t node, bool subject) {
    if (is_symmetric(f.relation)) return f.subject == node || f.object == node;
    return (subject ? f.subject : f.object) == node;
  };
  // With a subject or object, only the facts touching it need looking at.
  std::vector<std::uint32_t> candidates;
  if (filter.subject || filter.object) {
    candidates = neighbors(graph, filter.subject ? *filter.subject : *filter.object, filter.relations, Direction::kBoth);
  } else {
    candidates.resize(graph.fact_count());
    for (std::uint32_t f = 0; f < candidates.size(); ++f) candidates[f] = f;
  }
  for (const std::uint32_t index : candidates) {
    const QueryFact& f = graph.fact(index);
    if (!allowed(filter.relations, f.relation)) continue;
    if (filter.subject && !is_end(f, *filter.subject, true)) continue;
    if (filter.object && !is_end(f, *filter.object, false)) continue;
    if (filter.subject && filter.object && is_symmetric(f.relation) && *filter.subject != *filter.object &&
        !((f.subject == *filter.subject && f.object == *filter.object) ||
          (f.subject == *filter.object && f.object == *filter.subject))) {
      continue;
    }
    if (filter.type && graph.node(f.subject).type != *filter.type && graph.node(f.object).type != *filter.type) continue;
    if (!filter.since.empty() || !filter.until.empty()) {
      const std::string first = graph.text(f.first_seen), last = graph.text(f.last_seen);
      if (first.empty() || last.empty()) continue;
      if (!filter.since.empty() && last < filter.since) continue;
      if (!filter.until.empty() && first > filter.until) continue;
    }
    facts.push_back(index);
  }
  sort_facts(graph, facts);
  return facts;
}

std::optional<FactPath> shortest_path(const QueryGraph& graph, std::uint32_t from, std::uint32_t to, int max_depth,
                                      const RelationSet& relations) {
  if (from == to) return FactPath{{from}, {}};
  const QueryTopology& g = graph.topology();
  // Breadth first from `from`, remembering the fact each node was reached by.
  constexpr std::uint32_t kUnseen = ~std::uint32_t{0};
  std::vector<std::uint32_t> via(graph.node_count(), kUnseen);
  std::vector<int> depth(graph.node_count(), 0);
  std::deque<std::uint32_t> queue{from};
  via[from] = kUnseen - 1;
  while (!queue.empty() && via[to] == kUnseen) {
    const std::uint32_t n = queue.front();
    queue.pop_front();
    if (depth[n] >= max_depth) continue;
    auto visit = [&](std::uint32_t fact, std::uint32_t next) {
      if (via[next] != kUnseen || !allowed(relations, graph.fact(fact).relation)) return;
      via[next] = fact;
      depth[next] = depth[n] + 1;
      queue.push_back(next);
    };
    for (const auto e : boost::make_iterator_range(boost::out_edges(n, g))) visit(g[e].fact, boost::target(e, g));
    for (const auto e : boost::make_iterator_range(boost::in_edges(n, g))) visit(g[e].fact, boost::source(e, g));
  }
  if (via[to] == kUnseen) return std::nullopt;
  FactPath path;
  for (std::uint32_t n = to; n != from;) {
    const QueryFact& f = graph.fact(via[n]);
    path.nodes.push_back(n);
    path.facts.push_back(via[n]);
    n = f.subject == n ? f.object : f.subject;
  }
  path.nodes.push_back(from);
  std::reverse(path.nodes.begin(), path.nodes.end());
  std::reverse(path.facts.begin(), path.facts.end());
  return path;
}

std::optional<Centrality> parse_centrality(std::string_view text) {
  if (text == "degree") return Centrality::kDegree;
  if (text == "weight") return Centrality::kWeight;
  if (text == "pagerank") return Centrality::kPageRank;
  if (text == "betweenness") return Centrality::kBetweenness;
  return std::nullopt;
}

std::vector<ScoredNode> top_entities(const QueryGraph& graph, Centrality by, std::optional<EntityType> type,
                                     std::size_t n) {
  std::vector<double> score(graph.node_count(), 0.0);
  switch (by) {
    case Centrality::kDegree:
    case Centrality::kWeight:
      for (const QueryFact& f : graph.facts()) {
        const double add = by == Centrality::kDegree ? 1.0 : static_cast<double>(f.weight);
        score[f.subject] += add;
        if (f.object != f.subject) score[f.object] += add;
      }
      break;
    case Centrality::kPageRank: {
      const UndirectedTopology g = both_ways(graph);
      boost::graph::page_rank(g, boost::make_iterator_property_map(score.begin(), boost::get(boost::vertex_index, g)),
                              boost::graph::n_iterations(30), 0.85);
      break;
    }
    case Centrality::kBetweenness: {
      const UndirectedTopology g = both_ways(graph);
      boost::brandes_betweenness_centrality(
          g, boost::make_iterator_property_map(score.begin(), boost::get(boost::vertex_index, g)));
      for (double& s : score) s /= 2;  // each path was counted once each way
      break;
    }
  }
  std::vector<ScoredNode> ranked;
  for (std::uint32_t node = 0; node < graph.node_count(); ++node) {
    if (type && graph.node(node).type != *type) continue;
    ranked.push_back({node, score[node]});
  }
  const std::size_t keep = std::min(n, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                    [&](const ScoredNode& a, const ScoredNode& b) {
                      if (a.score != b.score) return a.score > b.score;
                      return graph.node(a.node).label < graph.node(b.node).label;
                    });
  ranked.resize(keep);
  return ranked;
}

GraphStats graph_stats(const QueryGraph& graph) {
  GraphStats stats;
  stats.nodes = graph.node_count();
  stats.facts = graph.fact_count();
  for (std::uint32_t n = 0; n < graph.node_count(); ++n) {
    ++stats.nodes_by_type[static_cast<std::size_t>(graph.node(n).type)];
  }
  UnionFind components(graph.node_count());
  std::vector<bool> in_a_fact(graph.node_count(), false);
  std::unordered_set<std::string> documents;
  for (const QueryFact& f : graph.facts()) {
    ++stats.facts_by_relation[static_cast<std::size_t>(f.relation)];
    components.union_set(f.subject, f.object);
    in_a_fact[f.subject] = in_a_fact[f.object] = true;
    for (std::string& doc : graph.docs(f)) documents.insert(std::move(doc));
    const std::string first = graph.text(f.first_seen), last = graph.text(f.last_seen);
    if (!first.empty() && (stats.first_seen.empty() || first < stats.first_seen)) stats.first_seen = first;
    if (!last.empty() && (stats.last_seen.empty() || last > stats.last_seen)) stats.last_seen = last;
  }
  stats.documents = documents.size();
  std::vector<std::size_t> component_nodes(graph.node_count(), 0), component_facts(graph.node_count(), 0);
  for (std::uint32_t n = 0; n < graph.node_count(); ++n) {
    if (component_nodes[components.find_set(n)]++ == 0) ++stats.components;
    if (!in_a_fact[n]) ++stats.isolated_nodes;
  }
  for (const QueryFact& f : graph.facts()) ++component_facts[components.find_set(f.subject)];
  for (std::uint32_t n = 0; n < graph.node_count(); ++n) {
    if (component_nodes[n] > stats.largest_component_nodes ||
        (component_nodes[n] == stats.largest_component_nodes && component_facts[n] > stats.largest_component_facts)) {
      stats.largest_component_nodes = component_nodes[n];
      stats.largest_component_facts = component_facts[n];
    }
  }
  return stats;
}

}  // namespace relgraph
