#include "extract/gazetteer.h"

#include <doctest/doctest.h>

#include <random>
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

// What find() returns, by scanning with the gazetteer's regex from every
// position, as it did before it looked for where names may start.
Found scanned(const Gazetteer& names, std::string_view text) {
  Found out;
  re2::StringPiece groups[2];
  std::size_t pos = 0;
  while (pos <= text.size() &&
         names.regex()->Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED, groups, 2)) {
    const auto begin = static_cast<std::size_t>(groups[1].data() - text.data());
    const std::size_t end = begin + groups[1].size();
    if (const GazetteerEntry* entry = names.lookup(std::string_view(groups[1].data(), groups[1].size()))) {
      out.emplace_back(begin, end, entry->name);
    }
    pos = end > pos ? end : pos + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("gazetteer: tries its regex only where a name may start, and finds what a scan of every position finds") {
  // Names of one character, of ASCII, of Hangul at both ends of the
  // syllables' bytes (가: EA B0 80; 힣: ED 9E A3) and a name sharing its
  // first two characters with another.
  const Gazetteer names =
      Gazetteer::of({{EntityType::kOrg, "해솔전자", {"해솔"}, "test"},
                     {EntityType::kOrg, "LG", {"엘지"}, "test"},
                     {EntityType::kOrg, "가온", {}, "test"},
                     {EntityType::kOrg, "힣랩", {}, "test"},
                     {EntityType::kProduct, "X", {}, "test"},
                     {EntityType::kOrg, "해솔바이오", {}, "test"}},
                    testing::shipped_rules()->particles());
  const std::vector<std::string> pieces = {"해솔전자", "해솔", "LG", "엘지", "가온", "힣랩", "X", "해솔바이오", "는",
                                           "와", " ", ",", "(", ")", "\n", "⟧", "⟦", "가", "힣", "퀀", "a", "7",
                                           "\xEB", "\xEB\x80", "\xED\x9E\xA4", "·", "“"};
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 12);
  std::size_t hits = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += pieces[piece(random)];
    CAPTURE(text);
    const Found expected = scanned(names, text);
    CHECK(found(names, text, nullptr) == expected);
    hits += expected.size();
  }
  CHECK(hits > 1000);  // the texts do hold names
  CHECK(found(names, "⟧LG는 (X) 가온", nullptr) == Found{{std::string("⟧LG는 (").size(), std::string("⟧LG는 (X").size(), "X"},
                                                         {std::string("⟧LG는 (X) ").size(), std::string("⟧LG는 (X) 가온").size(), "가온"}});
}

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
