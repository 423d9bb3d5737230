#include "extract/macros.h"

#include <doctest/doctest.h>

#include "extract/error.h"

namespace relgraph {
namespace {

TEST_CASE("macros: names expand in non-capturing or named groups, repetitions stay") {
  const Macros macros({{"CUE", {"영입|선임", "m"}}, {"HIRE", {"{CUE}했", "m"}}});
  CHECK(macros.expand("{HIRE}", "r") == "(?:(?:영입|선임)했)");
  CHECK(macros.expand("{CUE:verb}", "r") == "(?P<verb>영입|선임)");
  CHECK(macros.expand("[가-힣]{1,2}", "r") == "[가-힣]{1,2}");
  CHECK(macros.expand("\\{CUE}", "r") == "\\{CUE}");
}

TEST_CASE("macros: entity placeholders are built in, lists use LIST_SEP") {
  const Macros macros({{"LIST_SEP", {", ", "m"}}});
  CHECK(macros.expand("{ORG:a}", "r") == "(?P<a>⟦ORG#[0-9]+⟧)");
  CHECK(macros.expand("{ORGS}", "r") == "(?:⟦ORG#[0-9]+⟧(?:(?:, )⟦ORG#[0-9]+⟧)*)");
}

TEST_CASE("macros: an unknown name or a cycle is a rule error") {
  const Macros macros;
  CHECK_THROWS_WITH_AS(macros.expand("{NOPE}", "hires.json:3"), doctest::Contains("unknown macro {NOPE}"), Error);
  CHECK_THROWS_WITH_AS(Macros({{"A", {"{B}", "a"}}, {"B", {"{A}", "b"}}}), doctest::Contains("uses itself"), Error);
}

TEST_CASE("macros: alternation quotes words and puts longer ones first") {
  CHECK(alternation({"대표", "대표이사", "C++"}) == "(?:대표이사|대표|C\\+\\+)");
}

}  // namespace
}  // namespace relgraph
