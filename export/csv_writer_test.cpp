#include "export/csv_writer.h"

#include <doctest/doctest.h>

#include <sstream>

#include "tests/sample_graphs.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

std::vector<std::string> lines_of(void (*write)(const KnowledgeGraph&, std::ostream&), const KnowledgeGraph& kg) {
  std::ostringstream out;
  write(kg, out);
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_CASE("csv: Gephi tables have Gephi's column names, one row per node and edge") {
  const KnowledgeGraph kg = testing::tricky_graph();
  const auto nodes = lines_of(write_gephi_nodes_csv, kg);
  REQUIRE(nodes.size() == kg.node_count() + 1);
  CHECK(nodes[0] == "Id,Label,type,aliases,mentions,first_seen,last_seen");
  CHECK(nodes[1] == "n0,\"A&B <해솔> \"\"전자\"\" 'x' \\ 😀\",ORG,\"[\"\"Alias & Co\"\"]\",2,2024-03-17,2024-05-02");
  const auto edges = lines_of(write_gephi_edges_csv, kg);
  REQUIRE(edges.size() == kg.edge_count() + 1);
  CHECK(edges[0] == "Source,Target,Type,Id,Label,Weight,relation,mentions,docs,evidence,rule,first_seen,last_seen");
  CHECK(edges[1].starts_with("n0,n1,Directed,e0,hires,1.0,hires,1,"));
  bool undirected = false;
  for (const std::string& line : edges) undirected |= line.find(",Undirected,") != std::string::npos;
  CHECK(undirected);
}

TEST_CASE("csv: Neo4j tables have the import tool's typed headers, ids, labels and types") {
  const KnowledgeGraph kg = testing::tricky_graph();
  const auto nodes = lines_of(write_neo4j_nodes_csv, kg);
  CHECK(nodes[0] == "id:ID,label,:LABEL,aliases:string[],mentions:long,first_seen:date,last_seen:date");
  CHECK(nodes[1].ends_with(",ORG,Alias & Co,2,2024-03-17,2024-05-02"));
  CHECK(nodes.back() == "n3,해솔폰,PRODUCT,,1,,");  // unknown values are empty fields
  const auto edges = lines_of(write_neo4j_edges_csv, kg);
  CHECK(edges[0] ==
        ":START_ID,:END_ID,:TYPE,weight:double,mentions:long,docs:string[],evidence,rule,first_seen:date,"
        "last_seen:date,symmetric:boolean");
  CHECK(edges[1].starts_with("n0,n1,hires,1.0,1,\"doc \"\"1\"\" & <2>\","));
  CHECK(edges[1].ends_with(",hires.active,2024-03-17,2024-03-17,false"));
}

TEST_CASE("csv: a folder gets all four tables") {
  testing::TempDir dir;
  write_csv_folder(testing::tricky_graph(), (dir / "csv/").string());
  for (const char* name : {"nodes.csv", "edges.csv", "nodes.neo4j.csv", "edges.neo4j.csv"}) {
    CHECK(std::filesystem::is_regular_file(dir / "csv" / name));
  }
}

}  // namespace
}  // namespace relgraph
