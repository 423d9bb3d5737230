// End-to-end tests of `relgraph query` and `relgraph stats`: the real binary
// on graphs it built, its JSON read back with RapidJSON.
#include <doctest/doctest.h>

#include <set>

#include "tests/test_support.h"

namespace relgraph {
namespace {

using testing::run_relgraph;
using testing::TempDir;

using testing::str;

// The samples built once per test into a temporary folder.
struct SampleGraph {
  TempDir dir;
  std::string path = (dir / "samples.graphml").string();
  SampleGraph() {
    REQUIRE(run_relgraph({"build", (testing::samples_dir() / "news").string(), "-o", path}).status == 0);
  }
};

rapidjson::Document json_of(const testing::RunResult& result) {
  INFO("stderr: " << result.err);
  REQUIRE(result.status == 0);
  rapidjson::Document d;
  d.Parse(result.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

// Every fact has exactly the shape the contract of `query --json` gives.
void check_fact_shape(const rapidjson::Value& fact) {
  REQUIRE(fact.IsObject());
  std::set<std::string> keys;
  for (const auto& m : fact.GetObject()) keys.insert(str(m.name));
  CHECK(keys == std::set<std::string>{"subject", "relation", "object", "weight", "docs", "evidence", "first_seen",
                                      "last_seen"});
  for (const char* end : {"subject", "object"}) {
    CHECK(fact[end]["name"].IsString());
    CHECK(fact[end]["type"].IsString());
  }
  CHECK(fact["relation"].IsString());
  CHECK(fact["weight"].IsUint());
  CHECK(fact["weight"].GetUint() == fact["docs"].Size());
  CHECK(fact["evidence"].IsString());
  CHECK((fact["first_seen"].IsString() || fact["first_seen"].IsNull()));
  CHECK((fact["last_seen"].IsString() || fact["last_seen"].IsNull()));
}

std::set<std::string> facts_of(const rapidjson::Value& facts) {
  std::set<std::string> out;
  for (const auto& f : facts.GetArray()) {
    check_fact_shape(f);
    out.insert(str(f["subject"]["name"]) + " " + str(f["relation"]) + " " + str(f["object"]["name"]));
  }
  return out;
}

TEST_CASE("query neighbors: a table for people, JSON for scripts, through aliases and directions") {
  SampleGraph g;
  const auto table = run_relgraph({"query", g.path, "neighbors", "해솔전자"});
  REQUIRE(table.status == 0);
  CHECK(table.out.starts_with("해솔전자 (ORG): 8 facts\n"));
  CHECK(table.out.find("hires          →  정하람") != std::string::npos);
  CHECK(table.out.find("해솔전자는 최근 정하람") != std::string::npos);

  const auto all = json_of(run_relgraph({"query", g.path, "neighbors", "해솔전자", "--json"}));
  CHECK(all.Size() == 8);
  CHECK(facts_of(all).count("해솔전자 hires 정하람"));
  const auto out = json_of(run_relgraph({"query", g.path, "neighbors", "해솔전자", "--direction", "out", "--json"}));
  const auto in = json_of(run_relgraph({"query", g.path, "neighbors", "해솔전자", "--direction", "in", "--json"}));
  CHECK(facts_of(out).count("해솔전자 hires 정하람"));
  CHECK_FALSE(facts_of(in).count("해솔전자 hires 정하람"));
  CHECK(facts_of(in).count("정하람 works_for 해솔전자"));
  // A symmetric fact has no direction: both lists hold it.
  const std::size_t partners_out = facts_of(out).count("미르테크 partners_with 해솔전자") + facts_of(out).count("해솔전자 partners_with 미르테크");
  const std::size_t partners_in = facts_of(in).count("미르테크 partners_with 해솔전자") + facts_of(in).count("해솔전자 partners_with 미르테크");
  CHECK(partners_out == 1);
  CHECK(partners_in == 1);

  // "ms" is an alias of 마이크로소프트, in another case.
  const auto alias = json_of(run_relgraph({"query", g.path, "neighbors", "ms", "--json"}));
  REQUIRE(alias.Size() == 1);
  CHECK(str(alias[0]["object"]["name"]) == "마이크로소프트");
  CHECK(str(alias[0]["first_seen"]) == "2024-06-01");

  const auto hires = json_of(run_relgraph({"query", g.path, "neighbors", "해솔전자", "--relation", "hires", "--json"}));
  CHECK(facts_of(hires) == std::set<std::string>{"해솔전자 hires 정하람"});
}

TEST_CASE("query facts: filters by relation, ends, type and dates") {
  SampleGraph g;
  const auto partners = json_of(run_relgraph({"query", g.path, "facts", "--relation", "partners_with", "--json"}));
  REQUIRE(partners.Size() > 2);
  for (const auto& f : partners.GetArray()) CHECK(str(f["relation"]) == "partners_with");
  CHECK(partners[0]["weight"].GetUint() == 2);  // the most documented first

  const auto pair =
      json_of(run_relgraph({"query", g.path, "facts", "--subject", "해솔전자", "--object", "하늘테크", "--json"}));
  CHECK(facts_of(pair) == std::set<std::string>{"해솔전자 invests_in 하늘테크"});
  const auto people = json_of(run_relgraph({"query", g.path, "facts", "--type", "PERSON", "--relation", "hires", "--json"}));
  for (const auto& f : people.GetArray()) CHECK(str(f["object"]["type"]) == "PERSON");
  const auto dated = json_of(run_relgraph({"query", g.path, "facts", "--since", "2024-07-01", "--json"}));
  REQUIRE(dated.Size() > 0);
  for (const auto& f : dated.GetArray()) CHECK(str(f["last_seen"]) >= "2024-07-01");
  const auto none = run_relgraph({"query", g.path, "facts", "--until", "1999-12-31"});
  CHECK(none.status == 0);
  CHECK(none.out == "0 facts\n");
  const auto none_json = json_of(run_relgraph({"query", g.path, "facts", "--until", "1999-12-31", "--json"}));
  CHECK(none_json.IsArray());
  CHECK(none_json.Size() == 0);
}

TEST_CASE("query path: a chain of facts either way, or an empty path") {
  SampleGraph g;
  const auto path = json_of(run_relgraph({"query", g.path, "path", "정하람", "하늘테크", "--json"}));
  REQUIRE(path["path"].Size() == 3);
  CHECK(str(path["path"][0]["name"]) == "정하람");
  CHECK(str(path["path"][1]["name"]) == "해솔전자");
  CHECK(str(path["path"][2]["name"]) == "하늘테크");
  REQUIRE(path["facts"].Size() == 2);
  check_fact_shape(path["facts"][0]);
  const auto table = run_relgraph({"query", g.path, "path", "정하람", "하늘테크"});
  CHECK(table.out.starts_with("정하람 "));
  CHECK(table.out.find("-[invests_in]-> 하늘테크") != std::string::npos);

  const auto short_walk = json_of(run_relgraph({"query", g.path, "path", "정하람", "하늘테크", "--max-depth", "1", "--json"}));
  CHECK(short_walk["path"].Size() == 0);
  CHECK(short_walk["facts"].Size() == 0);
  const auto none = run_relgraph({"query", g.path, "path", "정하람", "하늘테크", "--relation", "hires"});
  CHECK(none.status == 0);
  CHECK(none.out.starts_with("no chain of facts links 정하람 and 하늘테크"));
}

TEST_CASE("query top: the most central entities by each measure, of a type, n of them") {
  SampleGraph g;
  for (const char* by : {"degree", "weight", "pagerank", "betweenness"}) {
    INFO(std::string(by));
    const auto top = json_of(run_relgraph({"query", g.path, "top", "--by", by, "-n", "5", "--json"}));
    REQUIRE(top.Size() == 5);
    CHECK(str(top[0]["name"]) == "미르테크");  // in the most facts, with the most documents, between the most
    for (rapidjson::SizeType i = 1; i < top.Size(); ++i) CHECK(top[i - 1]["score"].GetDouble() >= top[i]["score"].GetDouble());
  }
  const auto people = json_of(run_relgraph({"query", g.path, "top", "--type", "PERSON", "--json"}));
  REQUIRE(people.Size() > 0);
  for (const auto& p : people.GetArray()) CHECK(str(p["type"]) == "PERSON");
  const auto table = run_relgraph({"query", g.path, "top", "-n", "3"});
  CHECK(table.out.starts_with("#  entity      type  degree\n1  미르테크    ORG   "));
}

TEST_CASE("stats: counts by type and relation, documents, components") {
  SampleGraph g;
  const auto stats = json_of(run_relgraph({"stats", g.path, "--json"}));
  CHECK(stats["nodes"].GetUint() == 32);
  CHECK(stats["edges"].GetUint() == 43);
  std::size_t by_type = 0, by_relation = 0;
  for (const auto& m : stats["nodes_by_type"].GetObject()) by_type += m.value.GetUint();
  for (const auto& m : stats["edges_by_relation"].GetObject()) by_relation += m.value.GetUint();
  CHECK(by_type == 32);
  CHECK(by_relation == 43);
  CHECK(stats["edges_by_relation"].MemberCount() == 13);
  CHECK(stats["documents"].GetUint() == 10);
  CHECK(stats["components"].GetUint() >= 1);
  CHECK(stats["largest_component"]["nodes"].GetUint() <= 32);
  CHECK(str(stats["first_seen"]) == "2024-04-02");
  const auto table = run_relgraph({"stats", g.path});
  CHECK(table.out.starts_with("nodes      32\nedges      43\n"));
}

TEST_CASE("query: an unknown name exits 1 with close names, bad options exit 2") {
  SampleGraph g;
  const auto unknown = run_relgraph({"query", g.path, "neighbors", "해솔전쟈"});
  CHECK(unknown.status == 1);
  CHECK(unknown.out == "");
  CHECK(unknown.err.find("no entity named 해솔전쟈") != std::string::npos);
  CHECK(unknown.err.find("close names: 해솔전자") != std::string::npos);
  CHECK(run_relgraph({"query", g.path, "path", "해솔전자", "없는회사"}).status == 1);
  CHECK(run_relgraph({"query", g.path, "facts", "--subject", "없는회사"}).status == 1);

  CHECK(run_relgraph({"query", g.path, "ask"}).status == 2);
  CHECK(run_relgraph({"query", g.path}).status == 2);
  CHECK(run_relgraph({"query", g.path, "top", "--by", "fame"}).status == 2);
  CHECK(run_relgraph({"query", g.path, "neighbors", "해솔전자", "--by", "degree"}).status == 2);
  CHECK(run_relgraph({"query", g.path, "neighbors", "해솔전자", "--direction", "up"}).status == 2);
  CHECK(run_relgraph({"query", g.path, "neighbors"}).status == 2);
  CHECK(run_relgraph({"query", g.path, "facts", "--since", "May 2024"}).status == 2);
  CHECK(run_relgraph({"query", g.path, "facts", "--relation", "likes"}).status == 2);
  CHECK(run_relgraph({"query", g.path, "top", "-n", "many"}).status == 2);
  CHECK(run_relgraph({"query", (g.dir / "none.graphml").string(), "top"}).status == 2);
  CHECK(run_relgraph({"stats"}).status == 2);
}

TEST_CASE("query and stats on a graph with entities but no facts") {
  TempDir dir;
  const auto article = dir.write("a.txt", "해솔전자와 미르테크는 오늘 각자 실적을 발표했다.");
  const std::string graph = (dir / "g.graphml").string();
  REQUIRE(run_relgraph({"build", article.string(), "-o", graph}).status == 0);
  const auto neighbors = run_relgraph({"query", graph, "neighbors", "해솔전자"});
  CHECK(neighbors.status == 0);
  CHECK(neighbors.out == "해솔전자 (ORG): 0 facts\n");
  CHECK(json_of(run_relgraph({"query", graph, "neighbors", "해솔전자", "--json"})).Size() == 0);
  CHECK(json_of(run_relgraph({"query", graph, "facts", "--json"})).Size() == 0);
  CHECK(json_of(run_relgraph({"query", graph, "path", "해솔전자", "미르테크", "--json"}))["path"].Size() == 0);
  CHECK(json_of(run_relgraph({"query", graph, "top", "--by", "pagerank", "--json"})).Size() == 2);
  const auto stats = json_of(run_relgraph({"stats", graph, "--json"}));
  CHECK(stats["edges"].GetUint() == 0);
  CHECK(stats["isolated_nodes"].GetUint() == 2);
  CHECK(stats["first_seen"].IsNull());
}

TEST_CASE("query on the user's seed corpus answers the questions the brief names") {
  const auto seeds = testing::shared_dir() / "seeds";
  if (!std::filesystem::exists(seeds)) {
    MESSAGE("skipped: ../shared/seeds is not beside the project");
    return;
  }
  TempDir dir;
  const std::string graph = (dir / "seeds.graphml").string();
  REQUIRE(run_relgraph({"build", seeds.string(), "-o", graph}).status == 0);

  const auto hires = run_relgraph({"query", graph, "neighbors", "엘리스그룹", "--relation", "hires"});
  REQUIRE(hires.status == 0);
  CHECK(hires.out.find("남건우") != std::string::npos);
  const auto hires_json = json_of(run_relgraph({"query", graph, "neighbors", "엘리스그룹", "--relation", "hires", "--json"}));
  bool found = false;
  for (const auto& f : hires_json.GetArray()) {
    if (str(f["object"]["name"]) != "남건우") continue;
    found = true;
    CHECK(str(f["evidence"]).find("남건우") != std::string::npos);
  }
  CHECK(found);

  const auto path = json_of(run_relgraph({"query", graph, "path", "인텔", "삼성전자", "--json"}));
  REQUIRE(path["path"].Size() >= 2);
  CHECK(str(path["path"][0]["name"]) == "인텔");
  CHECK(str(path["path"][path["path"].Size() - 1]["name"]) == "삼성전자");
  CHECK(path["facts"].Size() == path["path"].Size() - 1);

  const auto top = json_of(run_relgraph({"query", graph, "top", "--by", "degree", "-n", "10", "--json"}));
  std::set<std::string> names;
  for (const auto& e : top.GetArray()) names.insert(str(e["name"]));
  CHECK(names.count("네이버"));

  const auto partners = json_of(run_relgraph({"query", graph, "facts", "--relation", "partners_with", "--json"}));
  REQUIRE(partners.Size() > 0);
  for (const auto& f : partners.GetArray()) check_fact_shape(f);
}

}  // namespace
}  // namespace relgraph
