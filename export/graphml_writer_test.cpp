#include "export/graphml_writer.h"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <sstream>

#include "graph/graphml_reader.h"
#include "tests/sample_graphs.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

TEST_CASE("graphml: labels with markup characters, quotes, emoji and Hangul survive a real parser") {
  const std::string tricky = testing::kTrickyLabel;
  const KnowledgeGraph kg = testing::tricky_graph();
  std::ostringstream out;
  write_graphml(kg, out);
  const testing::GraphmlFile g = testing::read_graphml_text(out.str());
  REQUIRE(g.nodes.size() == kg.node_count());
  REQUIRE(g.edges.size() == kg.edge_count());
  CHECK(g.edgedefault == "directed");
  const auto* org = g.node_labelled(tricky);
  REQUIRE(org != nullptr);
  CHECK(org->data.at("type") == "ORG");
  CHECK(org->data.at("aliases") == "[\"Alias & Co\"]");
  CHECK(org->data.at("mentions") == "2");
  CHECK(org->data.at("first_seen") == "2024-03-17");
  const auto* person = g.node_labelled("조민서");
  REQUIRE(person != nullptr);
  CHECK(person->data.at("type") == "PERSON");
  CHECK(person->data.count("aliases") == 0);  // no aliases: no <data>, never "[]" or "null"

  std::map<std::string, const testing::GraphmlFile::Element*> by_relation;
  for (const auto& e : g.edges) by_relation[e.data.at("relation")] = &e;
  REQUIRE(by_relation.count("hires"));
  const auto& hires = *by_relation["hires"];
  CHECK(hires.source == org->id);
  CHECK(hires.target == person->id);
  CHECK(hires.data.at("weight") == "1.0");
  CHECK(hires.data.at("mentions") == "1");
  CHECK(hires.data.at("docs") == "[\"doc \\\"1\\\" & <2>\"]");
  CHECK(hires.data.at("evidence") == testing::kTrickyEvidence);
  CHECK(hires.data.at("rule") == "hires.active");
  CHECK(hires.data.at("symmetric") == "false");
  REQUIRE(by_relation.count("partners_with"));
  CHECK(by_relation["partners_with"]->data.at("symmetric") == "true");
  CHECK(by_relation["partners_with"]->data.at("weight") == "2.0");
  CHECK(by_relation["partners_with"]->data.at("last_seen") == "2024-05-02");
}

TEST_CASE("graphml: every key is declared once with a type the schema allows") {
  std::ostringstream out;
  write_graphml(testing::tricky_graph("해솔전자"), out);
  const testing::GraphmlFile g = testing::read_graphml_text(out.str());
  const std::set<std::string> allowed = {"boolean", "int", "long", "float", "double", "string"};
  std::set<std::pair<std::string, std::string>> declared;
  for (const auto& [id, key] : g.keys) {
    CHECK(allowed.count(key.type));
    CHECK(declared.insert({key.domain, key.name}).second);
  }
  CHECK(g.keys.at("k_weight").type == "double");
  CHECK(g.keys.at("k_mentions").type == "long");
  CHECK(g.keys.at("k_symmetric").type == "boolean");
  for (const char* name : {"label", "type", "aliases", "mentions", "first_seen", "last_seen"}) {
    CHECK(declared.count({"node", name}));
  }
  for (const char* name : {"relation", "weight", "mentions", "docs", "evidence", "rule", "first_seen", "last_seen"}) {
    CHECK(declared.count({"edge", name}));
  }
}

TEST_CASE("graphml: keys follow Gephi's conventions") {
  std::ostringstream out;
  write_graphml(testing::tricky_graph("해솔전자"), out);
  const std::string xml = out.str();
  CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  CHECK(xml.find("xmlns=\"http://graphml.graphdrawing.org/xmlns\"") != std::string::npos);
  CHECK(xml.find("<key id=\"k_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>") != std::string::npos);
  CHECK(xml.find("<key id=\"k_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>") != std::string::npos);
  CHECK(xml.find("id=\"d3\"") == std::string::npos);  // Gephi reads d3 and d7 as labels
  CHECK(xml.find("id=\"d7\"") == std::string::npos);
  CHECK(xml.find("edgedefault=\"directed\"") != std::string::npos);
  CHECK(xml.find("None") == std::string::npos);
  CHECK(xml.find("null") == std::string::npos);
  CHECK(xml.find("<edge id=\"e0\"") != std::string::npos);
  CHECK(xml.find("<edge id=\"e1\"") != std::string::npos);
}

TEST_CASE("graphml: what the writer writes, the reader reads back without losing anything") {
  const KnowledgeGraph original = testing::tricky_graph();
  std::ostringstream first;
  write_graphml(original, first);
  const KnowledgeGraph read = read_graphml_text(first.str());
  REQUIRE(read.node_count() == original.node_count());
  REQUIRE(read.edge_count() == original.edge_count());
  for (const Node n : boost::make_iterator_range(boost::vertices(original.graph()))) {
    const NodeProperties &a = original.node(n), &b = read.node(n);
    CHECK(a.label == b.label);
    CHECK(a.type == b.type);
    CHECK(a.aliases == b.aliases);
    CHECK(a.mentions == b.mentions);
    CHECK(a.first_seen == b.first_seen);
    CHECK(a.last_seen == b.last_seen);
  }
  auto e1 = boost::edges(original.graph()).first;
  auto e2 = boost::edges(read.graph()).first;
  for (std::size_t i = 0; i < original.edge_count(); ++i, ++e1, ++e2) {
    const EdgeProperties &a = original.edge(*e1), &b = read.edge(*e2);
    CHECK(boost::source(*e1, original.graph()) == boost::source(*e2, read.graph()));
    CHECK(boost::target(*e1, original.graph()) == boost::target(*e2, read.graph()));
    CHECK(a.relation == b.relation);
    CHECK(a.docs == b.docs);
    CHECK(a.mentions == b.mentions);
    CHECK(a.evidence == b.evidence);
    CHECK(a.rule == b.rule);
    CHECK(a.first_seen == b.first_seen);
    CHECK(a.last_seen == b.last_seen);
  }
  std::ostringstream second;
  write_graphml(read, second);
  CHECK(second.str() == first.str());
}

}  // namespace
}  // namespace relgraph
