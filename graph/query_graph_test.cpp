#include "graph/query_graph.h"

#include <doctest/doctest.h>

#include <sstream>

#include "bench/synthetic_graph.h"
#include "export/graphml_writer.h"
#include "extract/error.h"
#include "graph/graphml_reader.h"
#include "graph/graphml_records.h"
#include "tests/sample_graphs.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

std::string graphml_of(const KnowledgeGraph& kg) {
  std::ostringstream out;
  write_graphml(kg, out);
  return out.str();
}

// Everything a query can see of a graph, as text, fact by fact in order.
std::string describe(const QueryGraph& g) {
  std::string out;
  for (std::uint32_t n = 0; n < g.node_count(); ++n) {
    const QueryNode& node = g.node(n);
    out += node.label + "|" + std::string(name(node.type)) + "|" + std::to_string(node.mentions) + "|" +
           g.text(node.first_seen) + "|" + g.text(node.last_seen);
    for (const std::string& alias : node.aliases) out += "|" + alias;
    out += "\n";
  }
  for (const QueryFact& f : g.facts()) {
    out += std::to_string(f.subject) + " " + std::string(name(f.relation)) + " " + std::to_string(f.object) + " w" +
           std::to_string(f.weight) + " m" + std::to_string(f.mentions) + " " + g.text(f.evidence) + " " +
           g.text(f.rule) + " " + g.text(f.first_seen) + " " + g.text(f.last_seen);
    for (const std::string& doc : g.docs(f)) out += " [" + doc + "]";
    out += "\n";
  }
  return out;
}

TEST_CASE("query graph: a loaded file holds what the graph it was written from held") {
  const KnowledgeGraph kg = testing::tricky_graph();
  testing::TempDir dir;
  const auto file = dir.write("g.graphml", graphml_of(kg));
  const QueryGraph loaded = QueryGraph::load(file.string());
  const QueryGraph made = QueryGraph::from(kg);
  CHECK(describe(loaded) == describe(made));
  CHECK(describe(loaded).find(testing::kTrickyEvidence) != std::string::npos);
  CHECK(describe(loaded).find("[doc \"1\" & <2>]") != std::string::npos);
  CHECK(loaded.node_count() == 4);
  CHECK(loaded.fact_count() == 3);
}

TEST_CASE("query graph: names are found through aliases, ignoring case and spaces, labels win") {
  const QueryGraph g = QueryGraph::from(testing::tricky_graph());
  const auto org = g.find(testing::kTrickyLabel);
  REQUIRE(org);
  CHECK(g.find("alias&co") == org);
  CHECK(g.find("ALIAS & CO") == org);
  CHECK(g.find("조 민 서"));
  CHECK_FALSE(g.find("없는 이름"));
}

TEST_CASE("query graph: a file stating one fact twice is merged as read_graphml merges it") {
  const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="t" for="node" attr.name="type" attr.type="string"/>
  <key id="r" for="edge" attr.name="relation" attr.type="string"/>
  <key id="d" for="edge" attr.name="docs" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a"><data key="t">ORG</data></node>
    <node id="b"><data key="t">ORG</data></node>
    <edge source="a" target="b"><data key="r">partners_with</data><data key="d">["x","y"]</data></edge>
    <edge source="b" target="a"><data key="r">partners_with</data><data key="d">["y","z"]</data></edge>
  </graph>
</graphml>)";
  testing::TempDir dir;
  const QueryGraph g = QueryGraph::load(dir.write("twice.graphml", xml).string());
  REQUIRE(g.fact_count() == 1);
  CHECK(g.fact(0).weight == 3);
  CHECK(g.docs(g.fact(0)) == std::vector<std::string>{"x", "y", "z"});
}

TEST_CASE("query graph: a large file read on two threads gives what one reader gives") {
  bench::SyntheticGraphSpec spec;
  spec.nodes = 3000;
  spec.edges = 20000;  // about 13 MB of GraphML: past the size where a second thread starts
  const KnowledgeGraph kg = bench::synthetic_graph(spec);
  testing::TempDir dir;
  const std::string xml = graphml_of(kg);
  REQUIRE(xml.size() > (8u << 20));
  const auto file = dir.write("big.graphml", xml);
  CHECK(describe(QueryGraph::load(file.string())) == describe(QueryGraph::from(kg)));

  // A fact that is wrong in the second half is reported where it is.
  const std::size_t last_edge = xml.rfind("<data key=\"k_relation\">");
  std::string broken = xml;
  broken.replace(last_edge, std::string("<data key=\"k_relation\">").size(), "<data key=\"k_relation\">x");
  const auto bad = dir.write("bad.graphml", broken);
  const std::size_t line = 1 + std::count(broken.begin(), broken.begin() + broken.rfind("<edge ", last_edge), '\n');
  try {
    QueryGraph::load(bad.string());
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).starts_with(bad.string() + ":" + std::to_string(line) + ":5: edge from"));
    CHECK(std::string(e.what()).find("is not one of the thirteen") != std::string::npos);
  }
}

// A synthetic file large enough for two threads, and where its body starts.
std::string large_graphml() {
  bench::SyntheticGraphSpec spec;
  spec.nodes = 3000;
  spec.edges = 20000;
  return graphml_of(bench::synthetic_graph(spec));
}

// Counts records, and remembers the ids of the edges in the order seen.
struct CountingSink : GraphmlSink {
  std::size_t nodes = 0;
  std::vector<std::string> edges;
  void node(const GraphmlRecord&) override { ++nodes; }
  void edge(const GraphmlRecord& r) override { edges.emplace_back(r.id); }
};

std::vector<std::string> edges_read_with(const std::string& xml, std::size_t expected_parts) {
  CountingSink first, second;
  GraphmlSink* const sinks[] = {&first, &second};
  CHECK(scan_graphml(xml, "big.graphml", sinks) == expected_parts);
  std::vector<std::string> edges = first.edges;
  if (expected_parts == 2) {
    CHECK_FALSE(second.edges.empty());
    edges.insert(edges.end(), second.edges.begin(), second.edges.end());
  }
  return edges;
}

TEST_CASE("graphml records: a large file is read in two parts that add up to the file, in order") {
  const std::string xml = large_graphml();
  CountingSink one;
  scan_graphml(xml, "big.graphml", one);
  CHECK(edges_read_with(xml, 2) == one.edges);
}

TEST_CASE("graphml records: where the cut for a second thread falls inside a comment, one thread reads it all") {
  std::string xml = large_graphml();
  // Lines that look like edges, inside a comment, just where the file would
  // be cut: the first thread never arrives there between elements, so it
  // reads on alone and the second thread's work is dropped.
  const std::size_t body = xml.find('>', xml.find("<graph ")) + 1;
  const std::size_t at = xml.find('\n', body + (xml.size() - body) * 9 / 20);
  std::string fake = "\n<!--";
  for (int i = 0; i < 50; ++i) fake += "\n    <edge id=\"fake\" source=\"n1\" target=\"n2\">";
  xml.insert(at, fake + "\n-->");
  CountingSink one;
  scan_graphml(xml, "big.graphml", one);
  CHECK(edges_read_with(xml, 1) == one.edges);
  CHECK(std::find(one.edges.begin(), one.edges.end(), "fake") == one.edges.end());
}

}  // namespace
}  // namespace relgraph
