#include "graph/name_suggestions.h"

#include <doctest/doctest.h>

namespace relgraph {
namespace {

const std::vector<std::pair<std::string_view, std::uint32_t>> kNames = {
    {"엘리스그룹", 0}, {"엘리스", 0}, {"엘리베이터", 1}, {"오픈AI", 2}, {"OpenAI", 2}, {"네이버클라우드", 3},
    {"네이버", 4},   {"카카오", 5}, {"삼성전자", 6},   {"삼성SDS", 7},
};

std::vector<std::string> names_close_to(std::string_view wanted) {
  std::vector<std::string> out;
  for (const CloseName& c : close_names(wanted, kNames)) out.push_back(c.name);
  return out;
}

TEST_CASE("close names: one slipped letter of a syllable is close, seen as jamo") {
  CHECK(names_close_to("엘리스그릅").front() == "엘리스그룹");  // 룹 -> 릅 is one vowel
  CHECK(names_close_to("카카우").front() == "카카오");
}

TEST_CASE("close names: a name inside a longer one comes first, shortest gap first") {
  CHECK(names_close_to("클라우드") == std::vector<std::string>{"네이버클라우드"});
  CHECK(names_close_to("삼성").front() == "삼성SDS");
}

TEST_CASE("close names: case and spaces do not count, one name per entity, nothing far") {
  CHECK(names_close_to("openal").front() == "OpenAI");
  CHECK(names_close_to("엘리스 그룹스").size() == 1);  // 엘리스그룹 and its alias 엘리스 are one entity
  CHECK(names_close_to("마이크로소프트").empty());
  CHECK(names_close_to("").empty());
}

}  // namespace
}  // namespace relgraph
