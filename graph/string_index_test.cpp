#include "graph/string_index.h"

#include <doctest/doctest.h>

#include <string>

namespace relgraph {
namespace {

TEST_CASE("string index: ids are dense, in order of insertion, and a string keeps its id") {
  StringIndex index;
  CHECK(index.find("해솔전자") == StringIndex::kMissing);
  CHECK(index.insert("해솔전자") == std::pair<std::uint32_t, bool>{0, true});
  CHECK(index.insert("") == std::pair<std::uint32_t, bool>{1, true});  // the empty string is a string too
  CHECK(index.insert("해솔전자") == std::pair<std::uint32_t, bool>{0, false});
  CHECK(index.find("해솔전자") == 0);
  CHECK(index.find("") == 1);
  CHECK(index.find("해솔") == StringIndex::kMissing);  // a prefix is another string
  CHECK(index.at(0) == "해솔전자");
  CHECK(index.size() == 2);
}

TEST_CASE("string index: a hundred thousand strings survive growing the table, with their ids") {
  StringIndex index;
  for (int i = 0; i < 100000; ++i) REQUIRE(index.insert("이름" + std::to_string(i)).first == static_cast<std::uint32_t>(i));
  for (int i = 0; i < 100000; i += 7) {
    CHECK(index.find("이름" + std::to_string(i)) == static_cast<std::uint32_t>(i));
    CHECK(index.at(static_cast<std::uint32_t>(i)) == "이름" + std::to_string(i));
  }
  CHECK(index.find("이름100000") == StringIndex::kMissing);
  CHECK(index.size() == 100000);
}

}  // namespace
}  // namespace relgraph
