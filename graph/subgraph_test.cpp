#include "graph/subgraph.h"

#include <doctest/doctest.h>

#include <set>

#include "tests/sample_graphs.h"

#include "extract/error.h"

namespace relgraph {
namespace {

// 삼성 -partners(2 docs)- 네이버 -partners- 카카오 -invests_in-> 토스; 삼성 -hires-> 김철수; 고립 alone.
KnowledgeGraph sample_graph() {
  testing::HandGraph g;
  const Node samsung = g.node("삼성", EntityType::kOrg), naver = g.node("네이버", EntityType::kOrg);
  const Node kakao = g.node("카카오", EntityType::kOrg), toss = g.node("토스", EntityType::kOrg);
  const Node kim = g.node("김철수", EntityType::kPerson);
  g.node("고립", EntityType::kOrg);
  g.edge(naver, samsung, Relation::kPartnersWith, {"a", "b"});
  g.edge(kakao, naver, Relation::kPartnersWith, {"a"});
  g.edge(kakao, toss, Relation::kInvestsIn, {"c"});
  g.edge(samsung, kim, Relation::kHires, {"d"});
  return g.take();
}

std::set<std::string> labels(const KnowledgeGraph& kg) {
  std::set<std::string> out;
  for (const Node n : boost::make_iterator_range(boost::vertices(kg.graph()))) out.insert(kg.node(n).label);
  return out;
}

TEST_CASE("subgraph: no filter keeps everything, isolated nodes included") {
  const KnowledgeGraph kg = subgraph(sample_graph(), {});
  CHECK(kg.node_count() == 6);
  CHECK(kg.edge_count() == 4);
}

TEST_CASE("subgraph: focus and depth walk edges in both directions") {
  SubgraphFilter filter;
  filter.focus = "네이버";
  CHECK(labels(subgraph(sample_graph(), filter)) == std::set<std::string>{"네이버", "삼성", "카카오"});
  filter.depth = 2;
  const KnowledgeGraph two = subgraph(sample_graph(), filter);
  CHECK(labels(two) == std::set<std::string>{"네이버", "삼성", "카카오", "토스", "김철수"});
  CHECK(two.edge_count() == 4);
  filter.depth = 0;
  CHECK(labels(subgraph(sample_graph(), filter)) == std::set<std::string>{"네이버"});
}

TEST_CASE("subgraph: relation and weight filters drop edges and the nodes they leave alone") {
  SubgraphFilter filter;
  filter.relations = {Relation::kPartnersWith};
  const KnowledgeGraph partners = subgraph(sample_graph(), filter);
  CHECK(labels(partners) == std::set<std::string>{"네이버", "삼성", "카카오"});
  CHECK(partners.edge_count() == 2);

  filter.relations.clear();
  filter.min_weight = 2;
  const KnowledgeGraph strong = subgraph(sample_graph(), filter);
  CHECK(labels(strong) == std::set<std::string>{"네이버", "삼성"});
  REQUIRE(strong.edge_count() == 1);
  const Edge e = *boost::edges(strong.graph()).first;
  CHECK(strong.edge(e).docs == std::vector<std::string>{"a", "b"});
  CHECK(strong.node(boost::source(e, strong.graph())).label == "네이버");
}

TEST_CASE("subgraph: the walk only follows edges that pass the filters, the focus stays even when alone") {
  SubgraphFilter filter;
  filter.focus = "삼성";
  filter.depth = 3;
  filter.relations = {Relation::kHires};
  CHECK(labels(subgraph(sample_graph(), filter)) == std::set<std::string>{"삼성", "김철수"});
  filter.focus = "토스";
  filter.relations = {Relation::kPartnersWith};
  CHECK(labels(subgraph(sample_graph(), filter)) == std::set<std::string>{"토스"});
}

TEST_CASE("subgraph: an unknown focus is a usage error naming it") {
  SubgraphFilter filter;
  filter.focus = "없는회사";
  try {
    subgraph(sample_graph(), filter);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kUsage);
    CHECK(std::string(e.what()).find("없는회사") != std::string::npos);
  }
}

}  // namespace
}  // namespace relgraph
