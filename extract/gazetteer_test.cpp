#include "extract/gazetteer.h"

#include <doctest/doctest.h>

#include <string>
#include <tuple>
#include <vector>

#include "tests/test_support.h"

namespace relgraph {
namespace {

Gazetteer made_up_names() {
  return Gazetteer::of({{EntityType::kOrg, "해솔전자", {"해솔"}, "test"},
                        {EntityType::kOrg, "미르테크", {}, "test"},
                        {EntityType::kOrg, "미르테크놀로지", {}, "test"},
                        {EntityType::kProduct, "별빛원", {}, "test"}},
                       testing::shipped_rules()->particles());
}

// Each hit as (begin, end, name of the entry).
using Found = std::vector<std::tuple<std::size_t, std::size_t, std::string>>;

Found found(const Gazetteer& names, std::string_view text, SubmatchCache* cache) {
  Found out;
  for (const Gazetteer::Hit& hit : names.find(text, cache)) out.emplace_back(hit.begin, hit.end, hit.entry->name);
  return out;
}

}  // namespace

TEST_CASE("gazetteer: whole names with their particles, the longest first, aliases to their entry") {
  const Gazetteer names = made_up_names();
  const std::string text = "해솔전자는 미르테크놀로지와 손잡고, 해솔은 별빛원을 내놨다. 미르테크보다 큰 미르테크랩은 아니다.";
  const Found hits = found(names, text, nullptr);
  REQUIRE(hits.size() == 5);
  CHECK(hits[0] == std::tuple{text.find("해솔전자"), text.find("해솔전자") + std::string("해솔전자").size(), "해솔전자"});
  CHECK(std::get<2>(hits[1]) == "미르테크놀로지");
  CHECK(std::get<2>(hits[2]) == "해솔전자");  // the alias 해솔
  CHECK(std::get<2>(hits[3]) == "별빛원");
  CHECK(std::get<2>(hits[4]) == "미르테크");  // 미르테크랩 is another word
}

TEST_CASE("gazetteer: with a group cache, the same hits, and repeated names are looked up") {
  const Gazetteer names = made_up_names();
  const std::vector<std::string> texts = {
      "해솔전자는 미르테크와 협력한다.", "해솔전자는 미르테크놀로지를 인수했다.", "(해솔) 별빛원,미르테크",
      "\n해솔전자\n", "해솔전자해솔 미르테크", "별빛원을 내놓은 해솔전자는 웃었다.", ""};
  SubmatchCache cache;
  for (int pass = 0; pass < 2; ++pass) {
    for (const std::string& text : texts) {
      CAPTURE(text);
      CHECK(found(names, text, &cache) == found(names, text, nullptr));
    }
  }
  // Every match of the second pass was seen in the first.
  CHECK(cache.misses() > 0);
  CHECK(cache.hits() >= cache.misses());
}

}  // namespace relgraph
