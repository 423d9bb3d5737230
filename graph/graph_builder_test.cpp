#include "graph/graph_builder.h"

#include <doctest/doctest.h>

#include <utility>

namespace relgraph {
namespace {

// A hand-made extraction result: entities (type, name, aliases) and relations between them.
struct DocBuilder {
  DocumentResult result;
  DocBuilder(std::string id, std::string date = "") {
    result.doc_id = std::move(id);
    result.date = std::move(date);
    result.sentences.push_back({{0, 0}, "evidence of " + result.doc_id});
  }
  std::size_t entity(EntityType type, std::string name, std::vector<std::string> aliases = {}) {
    EntityMention m;
    m.type = type;
    m.name = std::move(name);
    m.aliases = std::move(aliases);
    result.entities.push_back(m);
    return result.entities.size() - 1;
  }
  void relation(Relation relation, std::size_t subject, std::size_t object, std::string_view rule = "test.rule") {
    result.relations.push_back({relation, subject, object, "", 0, rule, 0, ""});
  }
};

std::optional<Edge> find_edge(const KnowledgeGraph& g, Relation relation, const std::string& from, const std::string& to) {
  for (const Edge e : boost::make_iterator_range(boost::edges(g.graph()))) {
    if (g.edge(e).relation == relation && g.node(boost::source(e, g.graph())).label == from &&
        g.node(boost::target(e, g.graph())).label == to) {
      return e;
    }
  }
  return std::nullopt;
}

TEST_CASE("graph: one node per entity, one edge per fact, weight counts distinct documents") {
  GraphBuilder builder;
  for (const char* id : {"a", "b", "a"}) {  // document a is read twice
    DocBuilder d(id);
    const auto org = d.entity(EntityType::kOrg, "해솔전자");
    const auto person = d.entity(EntityType::kPerson, "조민서");
    d.relation(Relation::kHires, org, person);
    builder.add(d.result);
  }
  const KnowledgeGraph g = std::move(builder).build();
  CHECK(g.node_count() == 2);
  REQUIRE(g.edge_count() == 1);
  const auto e = find_edge(g, Relation::kHires, "해솔전자", "조민서");
  REQUIRE(e);
  CHECK(g.edge(*e).weight() == 2.0);
  CHECK(g.edge(*e).docs == std::vector<std::string>{"a", "b"});
  CHECK(g.edge(*e).mentions == 3);
  CHECK(g.edge(*e).evidence == "evidence of a");
  CHECK(g.edge(*e).rule == "test.rule");
  CHECK(g.node(*g.find("해솔전자")).mentions == 3);
}

TEST_CASE("graph: names linked as aliases in any document become one node") {
  GraphBuilder builder;
  {
    DocBuilder d("1");
    const auto a = d.entity(EntityType::kOrg, "Cargolink");
    const auto b = d.entity(EntityType::kOrg, "해솔전자");
    d.relation(Relation::kPartnersWith, a, b);
    builder.add(d.result);
  }
  {
    DocBuilder d("2");
    d.entity(EntityType::kOrg, "카고링크", {"Cargolink"});
    d.entity(EntityType::kOrg, "카고링크");
    builder.add(d.result);
  }
  const KnowledgeGraph g = std::move(builder).build();
  CHECK(g.node_count() == 2);
  const auto node = g.find("cargo link");  // case and spaces ignored
  REQUIRE(node);
  CHECK(g.node(*node).label == "카고링크");  // used most often
  CHECK(g.node(*node).aliases == std::vector<std::string>{"Cargolink"});
  CHECK(g.edge_count() == 1);
}

TEST_CASE("graph: a symmetric fact is stored once, in a fixed order, whichever way it was stated") {
  GraphBuilder builder;
  DocBuilder one("1");
  one.relation(Relation::kPartnersWith, one.entity(EntityType::kOrg, "해솔전자"), one.entity(EntityType::kOrg, "미르테크"));
  DocBuilder two("2");
  two.relation(Relation::kPartnersWith, two.entity(EntityType::kOrg, "미르테크"), two.entity(EntityType::kOrg, "해솔전자"));
  builder.add(one.result);
  builder.add(two.result);
  const KnowledgeGraph g = std::move(builder).build();
  REQUIRE(g.edge_count() == 1);
  const auto e = find_edge(g, Relation::kPartnersWith, "미르테크", "해솔전자");  // 미 sorts before 해
  REQUIRE(e);
  CHECK(g.edge(*e).weight() == 2.0);
}

TEST_CASE("graph: directed facts keep their direction, opposite directions are two facts") {
  GraphBuilder builder;
  DocBuilder d("1");
  const auto a = d.entity(EntityType::kOrg, "해솔전자");
  const auto b = d.entity(EntityType::kOrg, "미르테크");
  d.relation(Relation::kInvestsIn, a, b);
  d.relation(Relation::kInvestsIn, b, a);
  builder.add(d.result);
  CHECK(std::move(builder).build().edge_count() == 2);
}

TEST_CASE("graph: dates widen first_seen and last_seen, undated documents leave them alone") {
  GraphBuilder builder;
  for (const auto& [id, date] : std::vector<std::pair<std::string, std::string>>{
           {"x", "2024-05-01"}, {"y", "2023-01-09"}, {"z", ""}}) {
    DocBuilder d(id, date);
    d.relation(Relation::kPartnersWith, d.entity(EntityType::kOrg, "해솔전자"), d.entity(EntityType::kOrg, "미르테크"));
    builder.add(d.result);
  }
  const KnowledgeGraph g = std::move(builder).build();
  const auto e = find_edge(g, Relation::kPartnersWith, "미르테크", "해솔전자");
  REQUIRE(e);
  CHECK(g.edge(*e).first_seen == "2023-01-09");
  CHECK(g.edge(*e).last_seen == "2024-05-01");
  CHECK(g.node(*g.find("해솔전자")).first_seen == "2023-01-09");
}

TEST_CASE("graph: a fact whose ends merge into one entity is dropped") {
  GraphBuilder builder;
  DocBuilder d("1");
  const auto a = d.entity(EntityType::kOrg, "카고링크", {"Cargolink"});
  const auto b = d.entity(EntityType::kOrg, "Cargolink");
  d.relation(Relation::kPartnersWith, a, b);
  builder.add(d.result);
  const KnowledgeGraph g = std::move(builder).build();
  CHECK(g.node_count() == 1);
  CHECK(g.edge_count() == 0);
}

TEST_CASE("graph: the same name as two types is two nodes") {
  GraphBuilder builder;
  DocBuilder d("1");
  d.entity(EntityType::kOrg, "누리");
  d.entity(EntityType::kProduct, "누리");
  builder.add(d.result);
  const KnowledgeGraph g = std::move(builder).build();
  CHECK(g.node_count() == 2);
  CHECK(g.find("누리", EntityType::kProduct));
}

}  // namespace
}  // namespace relgraph
