// The corpus generator (tools/make_corpus.cpp), run for real: its articles
// read as relgraph input, its gold file has RELATIONS.md's shape and all
// thirteen relations, one seed gives the same bytes, and relgraph eval on
// what it wrote stays near its quality on hand-written text.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include "tests/test_support.h"

namespace relgraph {
namespace {

using testing::read_file;
using testing::run_command;
using testing::run_relgraph;
using testing::shell_quote;
using testing::TempDir;

testing::RunResult make_corpus(const std::string& args) {
  return run_command(shell_quote(RELGRAPH_MAKE_CORPUS) + " " + args);
}

TEST_CASE("generator: articles and gold facts for all thirteen relations, the same bytes for the same seed") {
  TempDir dir;
  const auto made = make_corpus("--mb 0.4 --seed 7 -o " + shell_quote((dir / "a").string()));
  REQUIRE(made.status == 0);
  CHECK(made.err.find("gold facts") != std::string::npos);
  REQUIRE(make_corpus("--mb 0.4 --seed 7 -o " + shell_quote((dir / "b").string())).status == 0);
  REQUIRE(make_corpus("--mb 0.4 --seed 8 -o " + shell_quote((dir / "c").string())).status == 0);
  const std::string articles = read_file(dir / "a/articles/articles-0001.jsonl");
  CHECK(articles.size() >= 400'000);
  CHECK(articles == read_file(dir / "b/articles/articles-0001.jsonl"));
  CHECK(articles != read_file(dir / "c/articles/articles-0001.jsonl"));

  std::set<std::string> relations, docs;
  bool parsed = false;
  for (const auto& fact : testing::parse_json_lines(read_file(dir / "a/gold.jsonl"), &parsed)) {
    REQUIRE(fact.IsObject());
    CHECK(fact["doc"].IsString());
    CHECK(fact["subject"]["name"].IsString());
    CHECK(fact["object"]["type"].IsString());
    CHECK(fact["evidence"].IsString());
    relations.insert(fact["relation"].GetString());
    docs.insert(fact["doc"].GetString());
  }
  CHECK(parsed);
  CHECK(relations.size() == 13);
  CHECK(docs.size() > 300);

  const auto txt = make_corpus("--mb 0.05 --txt -o " + shell_quote((dir / "t").string()));
  REQUIRE(txt.status == 0);
  CHECK(std::filesystem::exists(dir / "t/articles/gen-00000000.txt"));
  CHECK(read_file(dir / "t/articles/gen-00000000.txt").starts_with("date 20"));
}

TEST_CASE("generator: relgraph eval on generated news stays near its quality on hand-written text") {
  TempDir dir;
  REQUIRE(make_corpus("--mb 0.5 -o " + shell_quote(dir.path().string())).status == 0);
  const auto result =
      run_relgraph({"eval", "--json", "--gold", (dir / "gold.jsonl").string(), (dir / "articles").string()});
  REQUIRE(result.status == 0);
  rapidjson::Document report;
  report.Parse(result.out.c_str());
  REQUIRE(!report.HasParseError());
  const auto& overall = report["overall"];
  MESSAGE("generated: precision ", overall["precision"].GetDouble(), ", recall ", overall["recall"].GetDouble(),
          ", F1 ", overall["f1"].GetDouble());
  CHECK(overall["precision"].GetDouble() >= 0.95);
  CHECK(overall["recall"].GetDouble() >= 0.95);
  for (const auto& [relation, score] : report["relations"].GetObject()) {
    CAPTURE(relation.GetString());
    CHECK(score["f1"].GetDouble() >= 0.85);
  }
  // Varied phrasing: the facts come from many relation rules, not a few templates' worth.
  const auto extracted = run_relgraph({"extract", (dir / "articles").string()});
  REQUIRE(extracted.status == 0);
  std::set<std::string> rules;
  for (const auto& line : testing::parse_json_lines(extracted.out)) rules.insert(line["rule"].GetString());
  MESSAGE("relation rules that fired: ", rules.size());
  CHECK(rules.size() >= 40);
}

// Rules with a "groups" pattern (extract/groups_pattern.h) must read every
// sentence as their own pattern does: whole outputs, entities included, on
// generated news, the samples and the hand-written test articles.
TEST_CASE("generator: groups patterns change nothing in extract's output") {
  TempDir dir;
  REQUIRE(make_corpus("--mb 1 --seed 11 -o " + shell_quote(dir.path().string())).status == 0);
  for (const std::filesystem::path& input :
       {dir / "articles", testing::samples_dir() / "news", testing::source_dir() / "tests/data"}) {
    CAPTURE(input.string());
    const auto fast = run_relgraph({"extract", "--entities", "--quiet", input.string()});
    const auto exact = run_relgraph({"extract", "--entities", "--quiet", "--no-groups-patterns", input.string()});
    REQUIRE(fast.status == 0);
    REQUIRE(exact.status == 0);
    CHECK(fast.out == exact.out);
    CHECK(fast.out.find("\"kind\":\"entity\"") != std::string::npos);
  }
}

TEST_CASE("generator: a template whose facts name a slot it does not fill is refused") {
  TempDir dir;
  const auto templates = dir.write("bad.json", R"({"names": {}, "words": {},
    "sentences": [{"text": "{A|은/는} {B|을/를} 인수했다.", "facts": [["acquires", "A", "C"]]}],
    "non_facts": [], "filler": [], "boilerplate_top": [], "boilerplate_bottom": []})");
  const auto made = make_corpus("--mb 0.01 --templates " + shell_quote(templates.string()) + " -o " +
                                shell_quote((dir / "out").string()));
  CHECK(made.status == 2);
  CHECK(made.err.find("{C}") != std::string::npos);
}

}  // namespace
}  // namespace relgraph
