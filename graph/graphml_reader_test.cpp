#include "graph/graphml_reader.h"

#include <doctest/doctest.h>

#include "extract/error.h"

namespace relgraph {
namespace {

// The way another tool might save a relgraph graph: its own key ids, keys in
// another order, extra keys, node ids that are names, lists joined with ';'.
constexpr const char* kForeign = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="type" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="d2" for="node" attr.name="x" attr.type="float"/>
  <key id="d3" for="node" attr.name="aliases" attr.type="string"/>
  <key id="d4" for="node" attr.name="mentions" attr.type="long"/>
  <key id="r" for="edge" attr.name="relation" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <key id="dd" for="edge" attr.name="docs" attr.type="string"/>
  <key id="m" for="edge" attr.name="mentions" attr.type="long"/>
  <graph edgedefault="directed">
    <edge source="Naver" target="LINE &amp; Co"><data key="r">partners_with</data><data key="dd">a.txt;b.txt</data><data key="m">2</data></edge>
    <node id="Naver"><data key="label">네이버</data><data key="d0">ORG</data><data key="d2">1.5</data>
      <data key="d3">["NAVER","Naver Corp"]</data><data key="d4">7</data></node>
    <node id="LINE &amp; Co"><data key="d0">ORG</data></node>
    <edge source="LINE &amp; Co" target="Naver"><data key="r">partners_with</data><data key="dd">["c.txt","a.txt"]</data><data key="m">1</data></edge>
  </graph>
</graphml>
)";

TEST_CASE("graphml reader: data is found through attr.name, whatever the key ids and order") {
  const KnowledgeGraph kg = read_graphml_text(kForeign);
  REQUIRE(kg.node_count() == 2);
  const auto naver = kg.find("naver corp");
  REQUIRE(naver);
  CHECK(kg.node(*naver).label == "네이버");
  CHECK(kg.node(*naver).type == EntityType::kOrg);
  CHECK(kg.node(*naver).aliases == std::vector<std::string>{"NAVER", "Naver Corp"});
  CHECK(kg.node(*naver).mentions == 7);
  const auto line = kg.find("LINE & Co");
  REQUIRE(line);
  CHECK(kg.node(*line).label == "LINE & Co");  // no label: the id stands in
}

TEST_CASE("graphml reader: two edges for one symmetric fact become one, documents united") {
  const KnowledgeGraph kg = read_graphml_text(kForeign);
  REQUIRE(kg.edge_count() == 1);
  const EdgeProperties& edge = kg.edge(*boost::edges(kg.graph()).first);
  CHECK(edge.relation == Relation::kPartnersWith);
  CHECK(edge.docs == std::vector<std::string>{"a.txt", "b.txt", "c.txt"});
  CHECK(edge.weight() == 3);
  CHECK(edge.mentions == 3);
}

std::string error_of(const std::string& xml) {
  try {
    read_graphml_text(xml, "g.graphml");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kBadData);
    return e.what();
  }
  return "no error";
}

constexpr const char* kHead = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="t" for="node" attr.name="type" attr.type="string"/>
<key id="r" for="edge" attr.name="relation" attr.type="string"/>
<key id="m" for="node" attr.name="mentions" attr.type="long"/>
<graph edgedefault="directed">
)";

TEST_CASE("graphml reader: errors name the file, the line and what is wrong") {
  CHECK(error_of(std::string(kHead) + "<node id=\"a\"><data key=\"t\">ORG</data></node>\n<node id=\"b\">\n</graph>")
            == "g.graphml:9:1: </graph> where </node> was expected");
  CHECK(error_of(std::string(kHead) + "<node id=\"a\"><data key=\"t\">COMPANY</data></node>\n</graph></graphml>") ==
        "g.graphml:7:1: node \"a\": type must be ORG, PERSON or PRODUCT, not \"COMPANY\"");
  CHECK(error_of(std::string(kHead) + "<node id=\"a\"><data key=\"t\">ORG</data></node>\n" +
                 "<edge source=\"a\" target=\"zz\"><data key=\"r\">hires</data></edge>\n</graph></graphml>") ==
        "g.graphml:8:1: edge from \"a\" to \"zz\": no node has that id");
  CHECK(error_of(std::string(kHead) + "<node id=\"a\"><data key=\"t\">ORG</data></node>\n<node id=\"b\"><data key=\"t\">ORG</data></node>\n" +
                 "<edge source=\"a\" target=\"b\"><data key=\"r\">likes</data></edge>\n</graph></graphml>") ==
        "g.graphml:9:1: edge from \"a\" to \"b\": relation \"likes\" is not one of the thirteen");
  CHECK(error_of(std::string(kHead) + "<node id=\"a\"><data key=\"t\">ORG</data><data key=\"m\">many</data></node>\n</graph></graphml>") ==
        "g.graphml:7:1: node \"a\": mentions is not a whole number: \"many\"");
  CHECK(error_of(std::string(kHead) + "<node id=\"a\"><data key=\"zz\">ORG</data></node>\n</graph></graphml>") ==
        "g.graphml:7:14: <data key=\"zz\"> has no <key> declared before it");
  CHECK(error_of("<?xml version=\"1.0\"?>\n<gexf/>") == "g.graphml:2:1: the root element is <gexf>, not <graphml>");
  CHECK(error_of("").starts_with("g.graphml"));
}

TEST_CASE("graphml reader: a missing file is an input error naming it") {
  try {
    read_graphml_file("/nonexistent/graph.graphml");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kInput);
    CHECK(std::string(e.what()) == "/nonexistent/graph.graphml: cannot open: No such file or directory");
  }
}

TEST_CASE("graphml reader: a DTD that declares entities is refused, so none is ever expanded") {
  const std::string xml = R"(<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY boom "BOOM">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="t" for="node" attr.name="type" attr.type="string"/>
<key id="l" for="node" attr.name="label" attr.type="string"/>
<graph edgedefault="directed"><node id="a"><data key="t">ORG</data><data key="l">x&boom;y</data></node></graph></graphml>)";
  CHECK(error_of(xml) == "g.graphml:2:1: a DOCTYPE with declarations ([...]) is not supported: entities are never expanded");
}

TEST_CASE("graphml reader: key defaults fill in missing data, other tools' elements and graph data are skipped") {
  const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="t" for="node" attr.name="type" attr.type="string"><default>PERSON</default></key>
  <key id="l" for="node" attr.name="label" attr.type="string"/>
  <key id="g" for="graph" attr.name="title" attr.type="string"/>
  <key id="r" for="edge" attr.name="relation" attr.type="string"><default>works_for</default></key>
  <key id="y" for="node" yfiles.type="nodegraphics"/>
  <graph edgedefault="directed">
    <data key="g">뉴스 그래프</data>
    <node id="p"><data key="l">김하늘</data><data key="y"><y:ShapeNode><y:NodeLabel>x</y:NodeLabel></y:ShapeNode></data></node>
    <node id="o"><data key="t">ORG</data><data key="l"><![CDATA[A&B <전자>]]></data></node>
    <edge source="p" target="o"/>
  </graph>
</graphml>)";
  const KnowledgeGraph kg = read_graphml_text(xml);
  REQUIRE(kg.node_count() == 2);
  CHECK(kg.node(0).label == "김하늘");
  CHECK(kg.node(0).type == EntityType::kPerson);
  CHECK(kg.node(1).label == "A&B <전자>");
  CHECK(kg.node(1).type == EntityType::kOrg);
  REQUIRE(kg.edge_count() == 1);
  CHECK(kg.edge(*boost::edges(kg.graph()).first).relation == Relation::kWorksFor);
}

}  // namespace
}  // namespace relgraph
