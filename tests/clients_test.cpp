// The files relgraph writes, opened by the programs users open them with:
// xmllint with the GraphML and GEXF schemas, NetworkX and igraph (Python),
// graphology's GraphML and GEXF parsers (what Gephi Lite uses), Cytoscape.js
// and D3 (JavaScript), Graphviz's dot and sfdp, Python's csv module.
//
// Each client reports the nodes and facts it saw (tests/clients/read_graph.*)
// and the test compares them with relgraph's own graph. A client that is not
// installed is skipped with the reason printed; with RELGRAPH_REQUIRE_CLIENTS=1
// (as .ci/run sets) a missing client fails the test instead.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "export/exporter.h"
#include "graph/graphml_reader.h"
#include "tests/sample_graphs.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

using testing::run_command;
using testing::shell_quote;
using Triple = std::tuple<std::string, std::string, std::string>;  // source label, relation, target label

// Says why a client cannot run; false means the caller should return.
bool client_missing(const std::string& reason) {
  if (const char* required = std::getenv("RELGRAPH_REQUIRE_CLIENTS"); required && std::string(required) == "1") {
    FAIL("client required but missing: " << reason);
  } else {
    MESSAGE("skipped: " << reason << " (.ci/install-deps installs it)");
  }
  return true;
}

std::filesystem::path clients_dir() { return testing::source_dir() / "tests" / "clients"; }

// A python3 that can import `module`: the one on PATH, else Debian's (python3-networkx
// and python3-igraph install there, and a pyenv or venv python3 may come first on PATH).
std::optional<std::string> python_with(const std::string& module) {
  for (const std::string python : {"python3", "/usr/bin/python3"}) {
    if (run_command(python + " -c " + shell_quote("import " + module)).status == 0) return python;
  }
  return std::nullopt;
}

bool have_npm_package(const std::string& package) {
  return testing::have_program("node") && std::filesystem::exists(clients_dir() / "node_modules" / package);
}

// What one client saw in one file.
struct ClientView {
  std::vector<std::string> labels;
  std::vector<Triple> triples;
  std::map<std::string, std::string> node_types, edge_types;  // attribute -> type name in the client's language
  rapidjson::Document details;
};

ClientView run_client(const std::string& command) {
  const auto result = run_command(command);
  INFO("command: " << command);
  INFO("stderr: " << result.err);
  REQUIRE(result.status == 0);
  rapidjson::Document d;
  d.Parse(result.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  ClientView view;
  for (const auto& label : d["labels"].GetArray()) view.labels.emplace_back(label.GetString());
  for (const auto& t : d["triples"].GetArray()) view.triples.emplace_back(t[0].GetString(), t[1].GetString(), t[2].GetString());
  for (const auto& [key, value] : d["node_attribute_types"].GetObject()) {
    if (value.IsString()) view.node_types[key.GetString()] = value.GetString();
  }
  for (const auto& [key, value] : d["edge_attribute_types"].GetObject()) {
    if (value.IsString()) view.edge_types[key.GetString()] = value.GetString();
  }
  if (d.HasMember("details")) view.details.CopyFrom(d["details"], view.details.GetAllocator());
  return view;
}

ClientView run_python(const std::string& python, const std::string& reader, const std::filesystem::path& file) {
  return run_client(python + " " + shell_quote((clients_dir() / "read_graph.py").string()) + " " + reader + " " +
                    shell_quote(file.string()));
}

ClientView run_node(const std::string& reader, const std::filesystem::path& file) {
  return run_client("node " + shell_quote((clients_dir() / "read_graph.js").string()) + " " + reader + " " +
                    shell_quote(file.string()));
}

// One graph written in every format, and what relgraph itself says is in it.
struct Outputs {
  std::string name;
  std::filesystem::path graphml, gexf, dot, json, cyjs, csv;
  std::vector<std::string> labels;
  std::vector<Triple> triples;
};

void remember_graph(Outputs& outputs, const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  for (const Node n : boost::make_iterator_range(boost::vertices(g))) outputs.labels.push_back(g[n].label);
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    outputs.triples.emplace_back(g[boost::source(e, g)].label, std::string(name(g[e].relation)), g[boost::target(e, g)].label);
  }
  std::sort(outputs.labels.begin(), outputs.labels.end());
  std::sort(outputs.triples.begin(), outputs.triples.end());
}

std::vector<std::string> format_args(const testing::TempDir& dir, Outputs& o, const std::string& stem) {
  o.graphml = dir / (stem + ".graphml");
  o.gexf = dir / (stem + ".gexf");
  o.dot = dir / (stem + ".dot");
  o.json = dir / (stem + ".json");
  o.cyjs = dir / (stem + ".cyjs");
  o.csv = dir / (stem + "-csv");
  return {"-o", o.graphml.string(), "-o", o.gexf.string(), "-o", o.dot.string(), "-o", o.json.string(),
          "-o", o.cyjs.string(),    "-o", o.csv.string() + "/"};
}

// The graphs every client must open: the bundled samples built by the CLI,
// the awkward names of sample_graphs.h converted by `relgraph export`, and
// the user's seed corpus when it is beside the project.
class AllOutputs {
 public:
  AllOutputs() {
    Outputs samples{"samples"};
    std::vector<std::string> args = {"build", (testing::samples_dir() / "news").string()};
    for (const auto& a : format_args(dir_, samples, "samples")) args.push_back(a);
    REQUIRE(testing::run_relgraph(args).status == 0);
    remember_graph(samples, read_graphml_file(samples.graphml.string()));
    sets_.push_back(std::move(samples));

    Outputs tricky{"awkward names"};
    const KnowledgeGraph graph = testing::tricky_graph();
    write_graph_file(graph, (dir_ / "saved.graphml").string());
    args = {"export", (dir_ / "saved.graphml").string()};
    for (const auto& a : format_args(dir_, tricky, "tricky")) args.push_back(a);
    const auto exported = testing::run_relgraph(args);
    INFO(exported.err);
    REQUIRE(exported.status == 0);
    remember_graph(tricky, graph);
    sets_.push_back(std::move(tricky));

    const auto seeds = testing::shared_dir() / "seeds";
    if (std::filesystem::exists(seeds)) {
      Outputs seed{"seeds"};
      args = {"build", seeds.string()};
      for (const auto& a : format_args(dir_, seed, "seeds")) args.push_back(a);
      REQUIRE(testing::run_relgraph(args).status == 0);
      remember_graph(seed, read_graphml_file(seed.graphml.string()));
      sets_.push_back(std::move(seed));
    } else {
      MESSAGE("../shared/seeds is not beside the project: clients open the samples only");
    }
  }

  const std::vector<Outputs>& sets() const { return sets_; }

 private:
  testing::TempDir dir_;
  std::vector<Outputs> sets_;
};

void check_same_graph(const ClientView& view, const Outputs& expected) {
  INFO("graph: " << expected.name);
  std::vector<std::string> labels = view.labels;
  std::vector<Triple> triples = view.triples;
  std::sort(labels.begin(), labels.end());
  std::sort(triples.begin(), triples.end());
  CHECK(labels.size() == expected.labels.size());
  CHECK(triples.size() == expected.triples.size());
  CHECK(labels == expected.labels);
  CHECK(triples == expected.triples);
}

TEST_CASE("clients: GraphML is valid against the GraphML 1.0 schema, GEXF against GEXF 1.3 (XSD and RELAX NG)") {
  const auto schemas = testing::shared_dir() / "schemas";
  if (!std::filesystem::exists(schemas / "graphml" / "graphml.xsd")) {
    MESSAGE("skipped: no schemas in ../shared/schemas");
    return;
  }
  if (!testing::have_program("xmllint") && client_missing("xmllint (Debian libxml2-utils) is not installed")) return;
  AllOutputs all;
  for (const Outputs& o : all.sets()) {
    INFO("graph: " << o.name);
    const std::vector<std::pair<std::string, std::filesystem::path>> checks = {
        {"--schema " + shell_quote((schemas / "graphml" / "graphml.xsd").string()), o.graphml},
        {"--schema " + shell_quote((schemas / "gexf" / "gexf.xsd").string()), o.gexf},
        {"--relaxng " + shell_quote((schemas / "gexf" / "rng" / "gexf.rng").string()), o.gexf},
    };
    for (const auto& [schema, file] : checks) {
      const auto result = run_command("xmllint --nonet --noout " + schema + " " + shell_quote(file.string()));
      INFO(result.err);
      CHECK(result.status == 0);
    }
  }
}

TEST_CASE("clients: NetworkX and igraph read the GraphML with the same nodes, labels and typed attributes, and relgraph reads NetworkX's") {
  const auto networkx = python_with("networkx");
  const auto igraph = python_with("igraph");
  if (!networkx && client_missing("python3 with networkx (Debian python3-networkx)")) return;
  if (!igraph && client_missing("python3 with igraph (Debian python3-igraph)")) return;
  AllOutputs all;
  for (const Outputs& o : all.sets()) {
    const ClientView nx = run_python(*networkx, "networkx-graphml", o.graphml);
    check_same_graph(nx, o);
    CHECK(nx.node_types.at("mentions") == "int");
    CHECK(nx.edge_types.at("weight") == "float");
    CHECK(nx.edge_types.at("mentions") == "int");
    CHECK(nx.edge_types.at("symmetric") == "bool");

    // A file NetworkX wrote again (its own key ids d0, d1, ..., another edge
    // order) still reads back into relgraph with the same graph.
    testing::TempDir dir;
    const ClientView rewritten = run_client(*networkx + " " + shell_quote((clients_dir() / "read_graph.py").string()) +
                                            " networkx-rewrite " + shell_quote(o.graphml.string()) + " " +
                                            shell_quote((dir / "nx.graphml").string()));
    check_same_graph(rewritten, o);
    Outputs back{o.name + ", rewritten by NetworkX and read by relgraph"};
    remember_graph(back, read_graphml_file((dir / "nx.graphml").string()));
    CHECK(back.labels == o.labels);
    CHECK(back.triples == o.triples);

    const ClientView ig = run_python(*igraph, "igraph-graphml", o.graphml);
    check_same_graph(ig, o);
    CHECK(ig.edge_types.at("weight") == "float");
    CHECK(ig.edge_types.at("symmetric") == "bool");
  }
}

TEST_CASE("clients: graphology (Gephi Lite's parser) reads the GraphML with the same nodes and labels") {
  if (!have_npm_package("graphology-graphml") &&
      client_missing("node with graphology-graphml (npm ci --prefix tests/clients)")) {
    return;
  }
  AllOutputs all;
  for (const Outputs& o : all.sets()) {
    const ClientView view = run_node("graphology-graphml", o.graphml);
    check_same_graph(view, o);
    CHECK(view.node_types.at("mentions") == "number");
    CHECK(view.edge_types.at("weight") == "number");
    CHECK(view.edge_types.at("symmetric") == "boolean");
  }
}

TEST_CASE("clients: graphology reads the GEXF with colours, sizes, kinds and undirected symmetric edges") {
  if (!have_npm_package("graphology-gexf") && client_missing("node with graphology-gexf (npm ci --prefix tests/clients)")) {
    return;
  }
  AllOutputs all;
  for (const Outputs& o : all.sets()) {
    const ClientView view = run_node("graphology-gexf", o.gexf);
    check_same_graph(view, o);
    CHECK(view.node_types.at("color") == "string");
    CHECK(view.node_types.at("size") == "number");
    CHECK(view.edge_types.at("weight") == "number");
    CHECK(view.edge_types.at("mentions") == "number");
    // Every symmetric fact arrives as an undirected edge, every other one as directed.
    std::multiset<std::string> symmetric_expected, undirected_seen;
    for (const auto& [s, relation, t] : o.triples) {
      if (is_symmetric(*parse_relation(relation))) symmetric_expected.insert(relation);
    }
    for (const auto& r : view.details["undirected"].GetArray()) undirected_seen.insert(r.GetString());
    CHECK(undirected_seen == symmetric_expected);
    CHECK(view.details["kinds"].Size() == o.triples.size());
    if (o.name == "samples") {
      CHECK(std::string(view.details["style"]["해솔전자"]["color"].GetString()) == "rgb(166,206,227)");
      CHECK(std::string(view.details["style"]["조민서"]["shape"].GetString()) == "disc");
    }
  }
}

// Every text element of an SVG, parsed as XML.
void collect_texts(const boost::property_tree::ptree& tree, std::multiset<std::string>& texts) {
  for (const auto& [tag, child] : tree) {
    if (tag == "text") texts.insert(child.get_value<std::string>());
    collect_texts(child, texts);
  }
}

TEST_CASE("clients: Graphviz's dot and sfdp render the DOT silently, with every Hangul label in the SVG") {
  if (!testing::have_program("dot") && client_missing("Graphviz (Debian graphviz)")) return;
  AllOutputs all;
  for (const Outputs& o : all.sets()) {
    for (const std::string engine : {"dot", "sfdp"}) {
      INFO("graph: " << o.name << ", engine: " << engine);
      const auto result = run_command(engine + " -Tsvg " + shell_quote(o.dot.string()));
      CHECK(result.status == 0);
      CHECK(result.err == "");
      boost::property_tree::ptree svg;
      std::istringstream in(result.out);
      boost::property_tree::read_xml(in, svg);
      std::multiset<std::string> texts;
      collect_texts(svg, texts);
      for (const std::string& label : o.labels) CHECK_MESSAGE(texts.count(label) > 0, label);
    }
  }
}

TEST_CASE("clients: a graph too large for dot is laid out by sfdp without edge labels, and still renders") {
  if (!testing::have_program("dot") && client_missing("Graphviz (Debian graphviz)")) return;
  auto owned = std::make_unique<Graph>();
  Graph& g = *owned;
  for (int i = 0; i < 400; ++i) {
    NodeProperties p;
    p.label = "회사" + std::to_string(i);
    boost::add_vertex(p, g);
  }
  for (int i = 1; i < 400; ++i) {
    EdgeProperties p;
    p.relation = Relation::kPartnersWith;
    p.docs = {"d"};
    boost::add_edge(static_cast<Node>(i / 4), static_cast<Node>(i), p, g);
  }
  testing::TempDir dir;
  write_graph_file(KnowledgeGraph(std::move(owned)), (dir / "big.graphml").string());
  const auto exported = testing::run_relgraph({"export", (dir / "big.graphml").string(), "-o", (dir / "big.dot").string()});
  REQUIRE(exported.status == 0);
  CHECK(exported.err.find("big.dot has 400 nodes, too many for dot") != std::string::npos);
  const std::string dot = testing::read_file(dir / "big.dot");
  CHECK(dot.find("layout=\"sfdp\"") != std::string::npos);
  CHECK(dot.find("label=\"partners_with\"") == std::string::npos);
  const auto result = run_command("dot -Tsvg " + shell_quote((dir / "big.dot").string()));
  CHECK(result.status == 0);
  CHECK(result.err == "");
  CHECK(result.out.find("회사399") != std::string::npos);
}

TEST_CASE("clients: node-link JSON loads in NetworkX (a multigraph) and D3, and Cytoscape.js loads the .cyjs") {
  const auto networkx = python_with("networkx");
  if (!networkx && client_missing("python3 with networkx (Debian python3-networkx)")) return;
  if (!have_npm_package("d3-force") && client_missing("node with d3-force (npm ci --prefix tests/clients)")) return;
  if (!have_npm_package("cytoscape") && client_missing("node with cytoscape (npm ci --prefix tests/clients)")) return;
  AllOutputs all;
  for (const Outputs& o : all.sets()) {
    const ClientView nx = run_python(*networkx, "networkx-node-link", o.json);
    check_same_graph(nx, o);
    CHECK(nx.node_types.at("aliases") == "list");
    CHECK(nx.node_types.at("mentions") == "int");
    CHECK(nx.edge_types.at("docs") == "list");
    CHECK(nx.edge_types.at("weight") == "float");
    CHECK(nx.edge_types.at("symmetric") == "bool");
    const ClientView d3 = run_node("d3-force", o.json);
    check_same_graph(d3, o);
    CHECK(d3.details["positions_finite"].GetBool());
    const ClientView cy = run_node("cytoscape", o.cyjs);
    check_same_graph(cy, o);
    CHECK(cy.node_types.at("aliases") == "array");
    CHECK(cy.edge_types.at("weight") == "number");
  }
}

TEST_CASE("clients: the CSV tables parse with Python's csv module, with Gephi's and Neo4j's headers") {
  const auto python = python_with("csv");
  if (!python && client_missing("python3")) return;
  AllOutputs all;
  for (const Outputs& o : all.sets()) {
    const ClientView gephi = run_python(*python, "csv-gephi", o.csv);
    check_same_graph(gephi, o);
    const ClientView neo4j = run_python(*python, "csv-neo4j", o.csv);
    check_same_graph(neo4j, o);
  }
  const Outputs& first = all.sets().front();
  CHECK(testing::read_file(first.csv / "nodes.csv").starts_with("Id,Label,type,aliases,mentions,first_seen,last_seen\n"));
  CHECK(testing::read_file(first.csv / "edges.csv").starts_with("Source,Target,Type,Id,Label,Weight,"));
  CHECK(testing::read_file(first.csv / "nodes.neo4j.csv").starts_with("id:ID,label,:LABEL,"));
  CHECK(testing::read_file(first.csv / "edges.neo4j.csv").starts_with(":START_ID,:END_ID,:TYPE,"));
}

}  // namespace
}  // namespace relgraph
