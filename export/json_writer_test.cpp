#include "export/json_writer.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <map>
#include <sstream>

#include "tests/sample_graphs.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

rapidjson::Document parse(void (*write)(const KnowledgeGraph&, std::ostream&), const KnowledgeGraph& kg) {
  std::ostringstream out;
  write(kg, out);
  rapidjson::Document d;
  d.Parse(out.str().c_str());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

using testing::str;

TEST_CASE("json: node-link with ids, typed attributes, and the relation as each link's key") {
  const KnowledgeGraph kg = testing::tricky_graph();
  const rapidjson::Document d = parse(write_node_link, kg);
  CHECK(d["directed"].GetBool());
  CHECK(d["multigraph"].GetBool());
  CHECK(d["graph"].IsObject());
  REQUIRE(d["nodes"].Size() == kg.node_count());
  REQUIRE(d["links"].Size() == kg.edge_count());

  std::map<std::string, const rapidjson::Value*> by_label;
  for (const auto& n : d["nodes"].GetArray()) by_label[str(n["label"])] = &n;
  REQUIRE(by_label.count(testing::kTrickyLabel));
  const auto& org = *by_label[testing::kTrickyLabel];
  CHECK(str(org["id"]) == "n0");
  CHECK(str(org["type"]) == "ORG");
  REQUIRE(org["aliases"].IsArray());
  CHECK(str(org["aliases"][0]) == "Alias & Co");
  CHECK(org["mentions"].IsUint64());
  CHECK(org["mentions"].GetUint64() == 2);
  CHECK(str(org["first_seen"]) == "2024-03-17");
  const auto& product = *by_label["해솔폰"];
  CHECK_FALSE(product.HasMember("first_seen"));  // unknown: absent, never null
  CHECK(product["aliases"].Size() == 0);

  std::map<std::string, const rapidjson::Value*> by_relation;
  for (const auto& l : d["links"].GetArray()) {
    CHECK(str(l["key"]) == str(l["relation"]));
    by_relation[str(l["relation"])] = &l;
  }
  const auto& partners = *by_relation.at("partners_with");
  CHECK(partners["weight"].IsDouble());
  CHECK(partners["weight"].GetDouble() == 2.0);
  CHECK(partners["symmetric"].GetBool());
  CHECK(partners["docs"].Size() == 2);
  CHECK(str(partners["docs"][0]) == "doc \"1\" & <2>");
  const auto& hires = *by_relation.at("hires");
  CHECK(str(hires["source"]) == str(org["id"]));
  CHECK(str(hires["target"]) == str((*by_label["조민서"])["id"]));
  CHECK(str(hires["evidence"]) == testing::kTrickyEvidence);
  CHECK_FALSE(hires["symmetric"].GetBool());
  CHECK(by_relation.count("invests_in"));  // a second relation between the same two entities
}

TEST_CASE("json: Cytoscape elements carry the same nodes and edges under data") {
  const KnowledgeGraph kg = testing::tricky_graph();
  const rapidjson::Document d = parse(write_cytoscape, kg);
  const auto& elements = d["elements"];
  REQUIRE(elements["nodes"].Size() == kg.node_count());
  REQUIRE(elements["edges"].Size() == kg.edge_count());
  const auto& node = elements["nodes"][0]["data"];
  CHECK(str(node["id"]) == "n0");
  CHECK(str(node["label"]) == testing::kTrickyLabel);
  const auto& edge = elements["edges"][0]["data"];
  CHECK(str(edge["id"]) == "e0");
  CHECK(str(edge["source"]).starts_with("n"));
  CHECK(edge["weight"].IsNumber());
}

}  // namespace
}  // namespace relgraph
