#include "tools/scorer.h"

#include <doctest/doctest.h>

#include <cmath>

#include "extract/error.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

ScoredFact fact(std::string doc, std::string relation, std::string subject, std::string object) {
  return {std::move(doc), std::move(relation), std::move(subject), std::move(object), "", ""};
}

TEST_CASE("scorer: distinct facts per document, names through aliases, case and spaces ignored") {
  AliasTable aliases;
  aliases.add("오픈AI", {"OpenAI", "Open AI"});
  const std::vector<ScoredFact> gold = {fact("d1", "partners_with", "오픈AI", "마이크로소프트"),
                                        fact("d1", "hires", "해솔전자", "조민서"),
                                        fact("d2", "hires", "해솔전자", "조민서")};
  const std::vector<ScoredFact> predicted = {
      fact("d1", "partners_with", "마이크로소프트", "open ai"),  // symmetric, alias, case and space
      fact("d1", "hires", "해솔 전자", "조민서"),
      fact("d1", "hires", "해솔전자", "조민서"),                  // the same fact again counts once
      fact("d1", "works_for", "조민서", "해솔전자"),              // not in gold
      fact("d1", "befriends", "조민서", "해솔전자")};             // not a relation: wrong
  const EvalReport r = score_facts(gold, predicted, aliases);
  CHECK(r.overall.gold == 3);
  CHECK(r.overall.predicted == 4);
  CHECK(r.overall.correct == 2);
  CHECK(r.by_relation.at("hires").gold == 2);
  CHECK(r.by_relation.at("hires").correct == 1);
  CHECK(r.by_relation.at("partners_with").precision() == 1.0);
  CHECK(r.by_relation.at("befriends").predicted == 1);
  CHECK(r.by_relation.at("befriends").correct == 0);
  REQUIRE(r.false_positives.size() == 2);
  CHECK(r.false_positives[0].relation == "works_for");
  REQUIRE(r.misses.size() == 1);
  CHECK(r.misses[0].doc == "d2");
  CHECK(r.overall.precision() == doctest::Approx(0.5));
  CHECK(r.overall.recall() == doctest::Approx(2.0 / 3));
  CHECK(r.overall.f1() == doctest::Approx(2.0 * 2 / (3 + 4)));
}

TEST_CASE("scorer: a directed relation is not matched the other way round") {
  const EvalReport r = score_facts({fact("d", "acquires", "A", "B")}, {fact("d", "acquires", "B", "A")}, AliasTable());
  CHECK(r.overall.correct == 0);
}

TEST_CASE("scorer: precision and recall are undefined with nothing to divide by, F1 is 0 once one side is non-empty") {
  Score none;
  CHECK(std::isnan(none.precision()));
  CHECK(std::isnan(none.f1()));
  Score missed{4, 0, 0};
  CHECK(std::isnan(missed.precision()));
  CHECK(missed.recall() == 0.0);
  CHECK(missed.f1() == 0.0);
}

TEST_CASE("scorer: gold and alias files are read as RELATIONS.md defines them") {
  testing::TempDir dir;
  const auto gold = dir.write("g.jsonl",
                              "{\"doc\": \"d\", \"relation\": \"hires\", \"subject\": {\"name\": \"해솔전자\", \"type\": "
                              "\"ORG\"}, \"object\": {\"name\": \"조민서\", \"type\": \"PERSON\"}, \"evidence\": \"e\"}\n");
  const auto aliases = dir.write("a.jsonl", "{\"name\": \"해솔전자\", \"type\": \"ORG\", \"aliases\": [\"Haesol\"]}\n");
  const auto facts = load_gold(gold.string());
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].subject == "해솔전자");
  CHECK(facts[0].evidence == "e");
  CHECK(AliasTable::load(aliases.string()).key("haesol") == "해솔전자");
  const auto broken = dir.write("b.jsonl", "{\"doc\": \"d\"}\n");
  CHECK_THROWS_WITH_AS(load_gold(broken.string()), doctest::Contains("b.jsonl:1"), Error);
}

}  // namespace
}  // namespace relgraph
