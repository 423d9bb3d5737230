#include "export/gexf_writer.h"

#include <doctest/doctest.h>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <map>
#include <sstream>

#include "export/graph_style.h"
#include "tests/sample_graphs.h"

namespace relgraph {
namespace {

namespace pt = boost::property_tree;

pt::ptree parse(const KnowledgeGraph& kg) {
  std::ostringstream out;
  write_gexf(kg, out);
  std::istringstream in(out.str());
  pt::ptree tree;
  pt::read_xml(in, tree);  // throws when not well-formed
  return tree;
}

std::string attr(const pt::ptree& element, const std::string& name) {
  return element.get<std::string>("<xmlattr>." + name, "");
}

// An element's attvalues as attribute id -> value.
std::map<std::string, std::string> attvalues(const pt::ptree& element) {
  std::map<std::string, std::string> values;
  for (const auto& [tag, v] : element.get_child("attvalues")) {
    if (tag == "attvalue") values[attr(v, "for")] = attr(v, "value");
  }
  return values;
}

const pt::ptree* node_labelled(const pt::ptree& graph, const std::string& label) {
  for (const auto& [tag, node] : graph.get_child("nodes")) {
    if (tag == "node" && attr(node, "label") == label) return &node;
  }
  return nullptr;
}

TEST_CASE("gexf: GEXF 1.3 with typed attributes, Hangul and markup labels intact") {
  const KnowledgeGraph kg = testing::tricky_graph();
  const pt::ptree tree = parse(kg);
  const pt::ptree& gexf = tree.get_child("gexf");
  CHECK(attr(gexf, "xmlns") == "http://gexf.net/1.3");
  CHECK(attr(gexf, "xmlns:viz") == "http://gexf.net/1.3/viz");
  CHECK(attr(gexf, "version") == "1.3");
  const pt::ptree& graph = gexf.get_child("graph");
  CHECK(attr(graph, "defaultedgetype") == "directed");

  std::map<std::string, std::string> node_types, edge_types;
  for (const auto& [tag, attributes] : graph) {
    if (tag != "attributes") continue;
    auto& types = attr(attributes, "class") == "node" ? node_types : edge_types;
    for (const auto& [t, a] : attributes) {
      if (t == "attribute") types[attr(a, "id")] = attr(a, "type");
    }
  }
  CHECK(node_types == std::map<std::string, std::string>{{"type", "string"}, {"aliases", "string"}, {"mentions", "long"},
                                                         {"first_seen", "string"}, {"last_seen", "string"}});
  CHECK(edge_types.at("mentions") == "long");
  CHECK(edge_types.at("symmetric") == "boolean");
  CHECK(edge_types.size() == 8);

  CHECK(graph.get_child("nodes").count("node") == kg.node_count());
  CHECK(graph.get_child("edges").count("edge") == kg.edge_count());
  const pt::ptree* org = node_labelled(graph, testing::kTrickyLabel);
  REQUIRE(org != nullptr);
  const auto values = attvalues(*org);
  CHECK(values.at("type") == "ORG");
  CHECK(values.at("aliases") == "[\"Alias & Co\"]");
  CHECK(values.at("mentions") == "2");
}

TEST_CASE("gexf: colour and shape by type, size by mentions, thickness by weight") {
  const pt::ptree tree = parse(testing::tricky_graph());
  const pt::ptree& graph = tree.get_child("gexf.graph");
  const pt::ptree* org = node_labelled(graph, testing::kTrickyLabel);
  const pt::ptree* person = node_labelled(graph, "조민서");
  REQUIRE(org != nullptr);
  REQUIRE(person != nullptr);
  const EntityStyle org_style = style_of(EntityType::kOrg), person_style = style_of(EntityType::kPerson);
  CHECK(org->get<int>("viz:color.<xmlattr>.r") == org_style.r);
  CHECK(org->get<int>("viz:color.<xmlattr>.g") == org_style.g);
  CHECK(org->get<int>("viz:color.<xmlattr>.b") == org_style.b);
  CHECK(person->get<int>("viz:color.<xmlattr>.r") == person_style.r);
  CHECK(org->get<std::string>("viz:shape.<xmlattr>.value") == org_style.gexf_shape);
  CHECK(person->get<std::string>("viz:shape.<xmlattr>.value") == person_style.gexf_shape);
  CHECK(org->get<double>("viz:size.<xmlattr>.value") > person->get<double>("viz:size.<xmlattr>.value"));

  std::map<std::string, double> thickness;
  for (const auto& [tag, edge] : graph.get_child("edges")) {
    if (tag != "edge") continue;
    thickness[attr(edge, "kind")] = edge.get<double>("viz:thickness.<xmlattr>.value");
  }
  CHECK(thickness.at("partners_with") > thickness.at("hires"));
}

TEST_CASE("gexf: a dated graph is dynamic, with spells from first to last article date") {
  const pt::ptree tree = parse(testing::tricky_graph());
  const pt::ptree& graph = tree.get_child("gexf.graph");
  CHECK(attr(graph, "mode") == "dynamic");
  CHECK(attr(graph, "timeformat") == "date");
  const pt::ptree* org = node_labelled(graph, testing::kTrickyLabel);
  REQUIRE(org != nullptr);
  CHECK(org->get<std::string>("spells.spell.<xmlattr>.start") == "2024-03-17");
  CHECK(org->get<std::string>("spells.spell.<xmlattr>.end") == "2024-05-02");
  const pt::ptree* product = node_labelled(graph, "해솔폰");  // only in an undated article
  REQUIRE(product != nullptr);
  CHECK(product->count("spells") == 0);

  int undirected = 0;
  for (const auto& [tag, edge] : graph.get_child("edges")) {
    if (tag != "edge") continue;
    const std::string kind = attr(edge, "kind");
    CHECK(attr(edge, "label") == kind);
    CHECK(attvalues(edge).at("relation") == kind);
    if (kind == "partners_with") {
      ++undirected;
      CHECK(attr(edge, "type") == "undirected");
      CHECK(attr(edge, "weight") == "2.0");
      CHECK(edge.get<std::string>("spells.spell.<xmlattr>.start") == "2024-03-17");
      CHECK(edge.get<std::string>("spells.spell.<xmlattr>.end") == "2024-05-02");
      CHECK(attvalues(edge).at("docs") == "[\"doc \\\"1\\\" & <2>\",\"second.txt\"]");
      CHECK(attvalues(edge).at("symmetric") == "true");
    } else {
      CHECK(attr(edge, "type") == "");
      CHECK(attvalues(edge).at("symmetric") == "false");
    }
  }
  CHECK(undirected == 1);
}

TEST_CASE("gexf: a graph without dates is static and has no spells") {
  auto g = std::make_unique<Graph>();
  NodeProperties p;
  p.label = "해솔전자";
  boost::add_vertex(p, *g);
  std::ostringstream out;
  write_gexf(KnowledgeGraph(std::move(g)), out);
  CHECK(out.str().find("mode=\"static\"") != std::string::npos);
  CHECK(out.str().find("spell") == std::string::npos);
  CHECK(out.str().find("timeformat") == std::string::npos);
}

}  // namespace
}  // namespace relgraph
