// Questions asked of a saved graph, as `relgraph query` and `relgraph stats`
// ask them. Each takes a QueryGraph and returns plain values (node and fact
// indices, numbers); printing them is the command line's job.
//
//   neighbors(graph, naver, {Relation::kPartnersWith}, Direction::kBoth)  the facts touching an entity
//   find_facts(graph, filter)                                      fact search
//   shortest_path(graph, intel, samsung, 4, {})                    a chain of facts linking two entities
//   top_entities(graph, Centrality::kDegree, EntityType::kOrg, 10) the most central entities
//   graph_stats(graph)                                             counts, components
//
// Results come in a stable order: facts by weight (most documents first),
// then relation, then the names at their ends; entities by score, then name.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/schema.h"
#include "graph/query_graph.h"

namespace relgraph {

// Which relations an answer may use; empty means all.
using RelationSet = std::vector<Relation>;

enum class Direction { kOut, kIn, kBoth };

// The facts touching `node`: kOut those it is the subject of, kIn those it is
// the object of. A symmetric fact (partners_with, competes_with) has no
// direction, so it counts as both.
std::vector<std::uint32_t> neighbors(const QueryGraph& graph, std::uint32_t node, const RelationSet& relations,
                                     Direction direction);

struct FactFilter {
  RelationSet relations;
  std::optional<std::uint32_t> subject, object;  // for a symmetric fact, either end
  std::optional<EntityType> type;                // an end of this type
  std::string since, until;                      // YYYY-MM-DD; the fact's dates must overlap [since, until]
};

// Facts matching every part of the filter. With since or until, facts
// without a date are left out (nothing says when they held).
std::vector<std::uint32_t> find_facts(const QueryGraph& graph, const FactFilter& filter);

// A shortest chain of facts from `from` to `to`, each fact walked in either
// direction, at most `max_depth` facts long; nullopt when there is none.
// The chain's nodes are `from`, then the far end of each fact in turn.
struct FactPath {
  std::vector<std::uint32_t> nodes;
  std::vector<std::uint32_t> facts;
};
std::optional<FactPath> shortest_path(const QueryGraph& graph, std::uint32_t from, std::uint32_t to, int max_depth,
                                      const RelationSet& relations);

// kDegree: facts touching the entity; kWeight: the sum of their weights;
// kPageRank: Boost's page_rank; kBetweenness: Boost's
// brandes_betweenness_centrality (O(nodes x facts): minutes past 100,000
// facts). PageRank and betweenness treat every fact as going both ways.
enum class Centrality { kDegree, kWeight, kPageRank, kBetweenness };
std::optional<Centrality> parse_centrality(std::string_view text);

struct ScoredNode {
  std::uint32_t node = 0;
  double score = 0;
};
std::vector<ScoredNode> top_entities(const QueryGraph& graph, Centrality by, std::optional<EntityType> type,
                                     std::size_t n);

struct GraphStats {
  std::size_t nodes = 0, facts = 0;
  std::array<std::size_t, 3> nodes_by_type{};       // indexed by EntityType
  std::array<std::size_t, 13> facts_by_relation{};  // indexed by Relation
  std::size_t documents = 0;                        // distinct document ids over all facts
  std::size_t components = 0;                       // connected, facts taken either way
  std::size_t largest_component_nodes = 0, largest_component_facts = 0;
  std::size_t isolated_nodes = 0;  // entities in no fact
  std::string first_seen, last_seen;
};
GraphStats graph_stats(const QueryGraph& graph);

}  // namespace relgraph
