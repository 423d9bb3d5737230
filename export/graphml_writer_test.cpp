#include "export/graphml_writer.h"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <sstream>

#include "graph/graph_builder.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

KnowledgeGraph sample_graph(const std::string& tricky_label) {
  DocumentResult d;
  d.doc_id = "doc \"1\" & <2>";
  d.date = "2024-03-17";
  d.sentences.push_back({{0, 0}, "증거 문장: A&B <태그> \"인용\" 'single' 😀"});
  EntityMention org;
  org.type = EntityType::kOrg;
  org.name = tricky_label;
  org.aliases = {"Alias & Co"};
  EntityMention person = org;
  person.type = EntityType::kPerson;
  person.name = "조민서";
  person.aliases = {};
  d.entities = {org, person};
  d.relations.push_back({Relation::kHires, 0, 1, "대표", 0, "hires.active"});
  EntityMention partner = org;
  partner.name = "미르테크";
  partner.aliases = {};
  d.entities.push_back(partner);
  d.relations.push_back({Relation::kPartnersWith, 0, 2, "", 0, "partners.with"});
  GraphBuilder builder;
  builder.add(d);
  return builder.build();
}

TEST_CASE("graphml: labels with markup characters, quotes, emoji and Hangul survive a real parser") {
  const std::string tricky = "A&B <해솔> \"전자\" 'x' 😀";
  const KnowledgeGraph kg = sample_graph(tricky);
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
  CHECK(org->data.at("mentions") == "1");
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
  CHECK(hires.data.at("evidence") == "증거 문장: A&B <태그> \"인용\" 'single' 😀");
  CHECK(hires.data.at("rule") == "hires.active");
  CHECK(hires.data.at("symmetric") == "false");
  REQUIRE(by_relation.count("partners_with"));
  CHECK(by_relation["partners_with"]->data.at("symmetric") == "true");
}

TEST_CASE("graphml: every key is declared once with a type the schema allows") {
  std::ostringstream out;
  write_graphml(sample_graph("해솔전자"), out);
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
  write_graphml(sample_graph("해솔전자"), out);
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

TEST_CASE("graphml: xml_escape escapes markup and drops characters XML forbids") {
  CHECK(xml_escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f");
  CHECK(xml_escape(std::string("x\x01y\x1Fz\tw")) == "xyz\tw");
  CHECK(xml_escape("a\uFFFEb\uFFFFc") == "abc");
  CHECK(xml_escape("네이버") == "네이버");
}

}  // namespace
}  // namespace relgraph
