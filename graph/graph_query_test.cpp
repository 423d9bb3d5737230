#include "graph/graph_query.h"

#include <doctest/doctest.h>

#include <set>

#include "tests/sample_graphs.h"

namespace relgraph {
namespace {

// 네이버 -partners_with(2 docs)- 카카오; 네이버 -hires-> 김하늘; 카카오 -invests_in-> 토스;
// 삼성 -acquires-> 하만; 김하늘 -works_for-> 네이버; 고립 alone.
KnowledgeGraph sample() {
  testing::HandGraph g;
  const Node naver = g.node("네이버", EntityType::kOrg), kakao = g.node("카카오", EntityType::kOrg);
  const Node kim = g.node("김하늘", EntityType::kPerson), toss = g.node("토스", EntityType::kOrg);
  const Node samsung = g.node("삼성", EntityType::kOrg), harman = g.node("하만", EntityType::kOrg);
  g.node("고립", EntityType::kOrg);
  g.edge(kakao, naver, Relation::kPartnersWith, {"a", "b"}, "2024-01-01", "2024-06-30");
  g.edge(naver, kim, Relation::kHires, {"c"}, "2024-03-01", "2024-03-01");
  g.edge(kakao, toss, Relation::kInvestsIn, {"d"}, "2023-05-01", "2023-05-01");
  g.edge(samsung, harman, Relation::kAcquires, {"e"});
  g.edge(kim, naver, Relation::kWorksFor, {"c"}, "2024-03-01", "2024-03-01");
  return g.take();
}

std::set<std::string> describe(const QueryGraph& g, const std::vector<std::uint32_t>& facts) {
  std::set<std::string> out;
  for (const std::uint32_t f : facts) {
    const QueryFact& fact = g.fact(f);
    out.insert(g.node(fact.subject).label + " " + std::string(name(fact.relation)) + " " + g.node(fact.object).label);
  }
  return out;
}

using Facts = std::set<std::string>;

TEST_CASE("query: neighbors by direction, symmetric facts count both ways") {
  const QueryGraph g = QueryGraph::from(sample());
  const std::uint32_t naver = *g.find("네이버");
  CHECK(describe(g, neighbors(g, naver, {}, Direction::kBoth)) ==
        Facts{"카카오 partners_with 네이버", "네이버 hires 김하늘", "김하늘 works_for 네이버"});
  CHECK(describe(g, neighbors(g, naver, {}, Direction::kOut)) == Facts{"카카오 partners_with 네이버", "네이버 hires 김하늘"});
  CHECK(describe(g, neighbors(g, naver, {}, Direction::kIn)) ==
        Facts{"카카오 partners_with 네이버", "김하늘 works_for 네이버"});
  CHECK(describe(g, neighbors(g, naver, {Relation::kHires}, Direction::kBoth)) == Facts{"네이버 hires 김하늘"});
  CHECK(neighbors(g, *g.find("고립"), {}, Direction::kBoth).empty());
  // The most documented fact first.
  CHECK(g.fact(neighbors(g, naver, {}, Direction::kBoth).front()).relation == Relation::kPartnersWith);
}

TEST_CASE("query: facts by relation, ends, type and dates") {
  const QueryGraph g = QueryGraph::from(sample());
  FactFilter filter;
  CHECK(find_facts(g, filter).size() == 5);
  filter.relations = {Relation::kPartnersWith, Relation::kAcquires};
  CHECK(describe(g, find_facts(g, filter)) == Facts{"카카오 partners_with 네이버", "삼성 acquires 하만"});
  filter = {};
  filter.subject = *g.find("네이버");  // a symmetric fact matches either end
  CHECK(describe(g, find_facts(g, filter)) == Facts{"카카오 partners_with 네이버", "네이버 hires 김하늘"});
  filter.object = *g.find("김하늘");
  CHECK(describe(g, find_facts(g, filter)) == Facts{"네이버 hires 김하늘"});
  filter = {};
  filter.type = EntityType::kPerson;
  CHECK(describe(g, find_facts(g, filter)) == Facts{"네이버 hires 김하늘", "김하늘 works_for 네이버"});
  filter = {};
  filter.since = "2024-02-01";
  CHECK(describe(g, find_facts(g, filter)) ==
        Facts{"카카오 partners_with 네이버", "네이버 hires 김하늘", "김하늘 works_for 네이버"});
  filter.until = "2024-02-28";  // only the partnership spans it; the undated acquisition never matches
  CHECK(describe(g, find_facts(g, filter)) == Facts{"카카오 partners_with 네이버"});
  filter = {};
  filter.until = "2023-12-31";
  CHECK(describe(g, find_facts(g, filter)) == Facts{"카카오 invests_in 토스"});
}

TEST_CASE("query: a shortest path walks facts either way, within a depth and relations") {
  const QueryGraph g = QueryGraph::from(sample());
  const std::uint32_t kim = *g.find("김하늘"), toss = *g.find("토스");
  const auto path = shortest_path(g, kim, toss, 6, {});
  REQUIRE(path);
  std::vector<std::string> names;
  for (const std::uint32_t n : path->nodes) names.push_back(g.node(n).label);
  CHECK(names == std::vector<std::string>{"김하늘", "네이버", "카카오", "토스"});
  CHECK(path->facts.size() == 3);
  CHECK_FALSE(shortest_path(g, kim, toss, 2, {}));
  CHECK_FALSE(shortest_path(g, kim, toss, 6, {Relation::kHires, Relation::kInvestsIn}));
  CHECK_FALSE(shortest_path(g, kim, *g.find("하만"), 6, {}));
  const auto self = shortest_path(g, kim, kim, 6, {});
  REQUIRE(self);
  CHECK(self->facts.empty());
}

TEST_CASE("query: top entities by degree, weight, PageRank and betweenness") {
  const QueryGraph g = QueryGraph::from(sample());
  const auto by_degree = top_entities(g, Centrality::kDegree, std::nullopt, 2);
  REQUIRE(by_degree.size() == 2);
  CHECK(g.node(by_degree[0].node).label == "네이버");
  CHECK(by_degree[0].score == 3);
  CHECK(g.node(by_degree[1].node).label == "김하늘");  // ties (김하늘, 카카오: 2) go by name
  const auto by_weight = top_entities(g, Centrality::kWeight, std::nullopt, 1);
  CHECK(g.node(by_weight[0].node).label == "네이버");
  CHECK(by_weight[0].score == 4);
  const auto people = top_entities(g, Centrality::kDegree, EntityType::kPerson, 10);
  REQUIRE(people.size() == 1);
  CHECK(g.node(people[0].node).label == "김하늘");
  // 네이버 and 카카오 stand between the others: only they carry paths through them.
  const auto between = top_entities(g, Centrality::kBetweenness, std::nullopt, 3);
  CHECK(g.node(between[0].node).label == "네이버");
  CHECK(between[0].score == doctest::Approx(2.0));  // 김하늘-카카오, 김하늘-토스
  CHECK(g.node(between[1].node).label == "카카오");
  CHECK(between[1].score == doctest::Approx(2.0));  // 네이버-토스, 김하늘-토스
  const auto rank = top_entities(g, Centrality::kPageRank, std::nullopt, 7);
  CHECK(g.node(rank[0].node).label == "네이버");
  CHECK(rank.back().score < rank.front().score);
}

TEST_CASE("query: stats count types, relations, documents, components and dates") {
  const GraphStats s = graph_stats(QueryGraph::from(sample()));
  CHECK(s.nodes == 7);
  CHECK(s.facts == 5);
  CHECK(s.nodes_by_type[static_cast<int>(EntityType::kOrg)] == 6);
  CHECK(s.nodes_by_type[static_cast<int>(EntityType::kPerson)] == 1);
  CHECK(s.facts_by_relation[static_cast<int>(Relation::kPartnersWith)] == 1);
  CHECK(s.facts_by_relation[static_cast<int>(Relation::kRenamedTo)] == 0);
  CHECK(s.documents == 5);  // a, b, c, d, e
  CHECK(s.components == 3);  // {네이버 카카오 김하늘 토스}, {삼성 하만}, {고립}
  CHECK(s.largest_component_nodes == 4);
  CHECK(s.largest_component_facts == 4);
  CHECK(s.isolated_nodes == 1);
  CHECK(s.first_seen == "2023-05-01");
  CHECK(s.last_seen == "2024-06-30");
}

TEST_CASE("query: a graph without facts answers with nothing, not an error") {
  auto g = std::make_unique<Graph>();
  NodeProperties p;
  p.label = "혼자";
  boost::add_vertex(p, *g);
  const QueryGraph q = QueryGraph::from(KnowledgeGraph(std::move(g)));
  CHECK(neighbors(q, 0, {}, Direction::kBoth).empty());
  CHECK(find_facts(q, {}).empty());
  CHECK(top_entities(q, Centrality::kPageRank, std::nullopt, 5).size() == 1);
  CHECK(top_entities(q, Centrality::kBetweenness, std::nullopt, 5)[0].score == 0);
  const GraphStats s = graph_stats(q);
  CHECK(s.components == 1);
  CHECK(s.isolated_nodes == 1);
  CHECK(s.documents == 0);
}

}  // namespace
}  // namespace relgraph
