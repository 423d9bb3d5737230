#include "extract/submatch_cache.h"

#include <doctest/doctest.h>

#include <atomic>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace relgraph {

namespace {

// Each group as (offset in text, length), or (-1, -1) when it took no part.
using Found = std::vector<std::pair<long, long>>;

Found offsets(std::string_view text, const std::vector<re2::StringPiece>& groups) {
  Found out;
  for (const re2::StringPiece& g : groups) {
    out.emplace_back(g.data() ? g.data() - text.data() : -1, g.data() ? static_cast<long>(g.size()) : -1);
  }
  return out;
}

// What RE2 itself answers, or nothing when it finds no match.
std::optional<Found> direct(const RE2& regex, std::string_view text, std::size_t pos) {
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(regex.NumberOfCapturingGroups()) + 1);
  if (!regex.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED, groups.data(),
                   static_cast<int>(groups.size()))) {
    return std::nullopt;
  }
  return offsets(text, groups);
}

std::optional<Found> cached(SubmatchCache& cache, const RE2& regex, std::string_view text, std::size_t pos) {
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(regex.NumberOfCapturingGroups()) + 1);
  if (!cache.match(regex, text, pos, groups.data(), static_cast<int>(groups.size()))) return std::nullopt;
  return offsets(text, groups);
}

}  // namespace

TEST_CASE("submatch cache: a repeated match is looked up and points into the new text") {
  const RE2 regex("(?P<ORG>[가-힣]+)(?:전자|그룹)(은|는)");
  SubmatchCache cache;
  const std::string first = "어제 삼성전자는 발표했다";
  const std::string second = "오늘도 삼성전자는 웃었다";
  CHECK(cached(cache, regex, first, 0) == direct(regex, first, 0));
  CHECK(cache.hits() == 0);
  CHECK(cache.misses() == 1);
  const auto again = cached(cache, regex, second, 0);
  CHECK(cache.hits() == 1);
  CHECK(again == direct(regex, second, 0));
  REQUIRE(again.has_value());
  CHECK(second.substr(static_cast<std::size_t>((*again)[1].first), static_cast<std::size_t>((*again)[1].second)) ==
        "삼성");
}

TEST_CASE("submatch cache: anchored at the start position, as RE2 is") {
  const RE2 regex("(?:^|\\s)(?P<ORG>[가-힣]+)(?:전자|그룹)(은|는)");
  SubmatchCache cache;
  const std::string text = "어제 삼성전자는 발표했다";
  std::vector<re2::StringPiece> groups(3);
  auto anchored = [&](SubmatchCache& c, std::size_t pos) {
    return c.match(regex, text, pos, groups.data(), 3, RE2::ANCHOR_START);
  };
  CHECK_FALSE(anchored(cache, 0));  // "어제" is not a company; an unanchored search would go on
  const std::size_t space = text.find(' ');
  REQUIRE(anchored(cache, space));
  CHECK(std::string(groups[1].data(), groups[1].size()) == "삼성");
  CHECK(groups[0].data() == text.data() + space);
  CHECK(cache.misses() == 1);
  REQUIRE(anchored(cache, space));  // the second time from the cache
  CHECK(cache.hits() == 1);
  CHECK(std::string(groups[1].data(), groups[1].size()) == "삼성");
  CHECK_THROWS_AS(cache.match(regex, text, 0, groups.data(), 3, RE2::ANCHOR_BOTH), std::invalid_argument);
}

TEST_CASE("submatch cache: a regex whose matches begin with a prefix, tried at each occurrence, finds what RE2 finds") {
  const RE2 regex("(?P<a>⟦ORG#[0-9]+⟧)(?:은|는)\\s(?:[^⟦⟧\\s]+\\s){0,2}?(?P<b>⟦PERSON#[0-9]+⟧)(?:을|를)?");
  const std::vector<std::string> pieces = {"⟦ORG#1⟧", "⟦PERSON#2⟧", "은", "는", " ", "새", "대표", "를", "⟦", "x",
                                           "⟦ORG#3⟧는 ", "⟦PERSON#4⟧를", "새 "};
  std::mt19937 random(5);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 14);
  SubmatchCache cache;
  std::size_t found = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (int k = length(random); k > 0; --k) text += pieces[piece(random)];
    for (std::size_t pos = 0; pos <= text.size(); pos += 3) {
      CAPTURE(text);
      CAPTURE(pos);
      std::vector<re2::StringPiece> groups(3);
      const bool matched = cache.match_at_prefix(regex, "⟦", text, pos, groups.data(), 3);
      const auto expected = direct(regex, text, pos);
      REQUIRE(matched == expected.has_value());
      if (matched) CHECK(offsets(text, groups) == *expected);
      found += matched;
    }
  }
  CHECK(found > 500);
  std::vector<re2::StringPiece> groups(3);
  CHECK_THROWS_AS(cache.match_at_prefix(regex, "", "⟦ORG#1⟧은 ⟦PERSON#2⟧", 0, groups.data(), 3), std::invalid_argument);
}

TEST_CASE("submatch cache: the same match text in a different context keeps its own groups") {
  // "ab" at the start of the text fills group 1, after a letter group 2:
  // the span alone does not decide, the byte before it does.
  const RE2 starts("(?:(^)|(\\B))ab");
  SubmatchCache cache;
  for (const std::string text : {"ab", "xab", "ab", "xab", " ab"}) {
    CAPTURE(text);
    CHECK(cached(cache, starts, text, 0) == direct(starts, text, 0));
  }
  const RE2 ends("ab(?:($)|(\\B))");
  for (const std::string text : {"ab", "abx", "ab", "abx", "ab "}) {
    CAPTURE(text);
    CHECK(cached(cache, ends, text, 0) == direct(ends, text, 0));
  }
  CHECK(cache.hits() >= 4);
}

TEST_CASE("submatch cache: a newline, a word character and an end of text are contexts of their own") {
  // The span "ab" is the same each time; which group it fills depends on the
  // byte before it: none, a newline, a word character, anything else.
  const RE2 before("(?m)(?:(\\A)|(^)|(\\B)|(\\b))ab");
  const RE2 after("(?m)ab(?:(\\z)|($)|(\\B)|(\\b))");
  SubmatchCache cache;
  for (int round = 0; round < 2; ++round) {
    for (const std::string text : {"ab", "\nab", "_ab", "7ab", "-ab", "ab", "ab\n", "ab_", "abZ", "ab."}) {
      CAPTURE(text);
      CHECK(cached(cache, before, text, 0) == direct(before, text, 0));
      CHECK(cached(cache, after, text, 0) == direct(after, text, 0));
    }
  }
  CHECK(cache.hits() > 0);
}

TEST_CASE("submatch cache: bytes the assertions cannot tell apart share an entry") {
  // After a space, a comma or the last byte of a Hangul syllable the rule's
  // groups are the same, so the second and third texts are lookups.
  const RE2 regex("(?P<ORG>[가-힣]+)(?:전자|그룹)(은|는)");
  SubmatchCache cache;
  for (const std::string text : {"오늘 삼성전자는 웃었다", "오늘,삼성전자는 웃었다", "모두가삼성전자는 아니다"}) {
    CAPTURE(text);
    CHECK(cached(cache, regex, text, text.find("삼성")) == direct(regex, text, text.find("삼성")));
  }
  CHECK(cache.misses() == 1);
  CHECK(cache.hits() == 2);
}

TEST_CASE("submatch cache: groups that take no part, empty groups, several regexes") {
  const RE2 optional("(a)?(b*)(c)");
  const RE2 other("(a)?(b*)(c)(d)?");  // same text, another regex: never shares an entry
  SubmatchCache cache;
  for (const std::string text : {"c", "ac", "abbc", "c", "xxacd", "acd"}) {
    CAPTURE(text);
    CHECK(cached(cache, optional, text, 0) == direct(optional, text, 0));
    CHECK(cached(cache, other, text, 0) == direct(other, text, 0));
  }
  CHECK(cached(cache, optional, "abab", 0) == std::nullopt);
}

TEST_CASE("submatch cache: agrees with RE2 on random text, large programs and a tiny budget") {
  // A word list makes a program past BitState's 512 instructions, so RE2
  // takes the NFA path that the cache stands in for.
  const std::vector<std::string> syllables = {"가", "나", "다", "라", "마", "바", "사", "아", "자", "차", "카", "타"};
  std::vector<std::string> word_list;
  std::string words;
  for (std::size_t i = 0; i < 100; ++i) {
    word_list.push_back(syllables[i % 12] + syllables[i * 5 % 11] + syllables[i * 7 % 12]);
    words += (i ? "|" : "") + word_list.back();
  }
  const std::vector<std::string> patterns = {
      "(a+)(b|ab)*(c)?",
      "(?:^|[^a])(a[ab]{0,3}?)(b)(?:c|$)",
      "(x)?(?P<name>[ab]+?)(c+)(\\b)",
      "(\\w+)\\s(" + words + ")(\\d*)",
      "([^c]{0,5}?)(c)([ab]{1,4})$",
      "(?m)(^|\\b)([ab_]+?)(\\B|$)(c?)",
      "(?:(\\A)|(\\n)|([^a]))(a+)(?:(\\z)|(\\B)|(.))",
  };
  const std::string alphabet = "aabbc x1w7\n_,";
  std::mt19937 random(7);
  for (const std::size_t budget : {std::size_t{1} << 20, std::size_t{200}}) {
    for (const std::string& pattern : patterns) {
      const RE2 regex(pattern);
      REQUIRE(regex.ok());
      if (pattern.find(word_list[0]) != std::string::npos) REQUIRE(regex.ProgramSize() > 512);
      SubmatchCache cache(budget);
      for (int round = 0; round < 400; ++round) {
        std::string text;
        const std::size_t length = random() % 14;
        for (std::size_t i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
        if (round % 5 == 0) text += " " + word_list[random() % word_list.size()];
        for (std::size_t pos = 0; pos <= text.size(); ++pos) {
          CAPTURE(pattern);
          CAPTURE(text);
          CAPTURE(pos);
          REQUIRE(cached(cache, regex, text, pos) == direct(regex, text, pos));
        }
      }
      CHECK(cache.hits() > 0);
    }
  }
}

TEST_CASE("submatch cache: holds at most its budget, keeps what is used again and drops the rest") {
  const RE2 regex("(?P<ORG>[a-z]+)(corp|labs)");
  constexpr std::size_t kBudget = 16 << 10;
  SubmatchCache cache(kBudget);
  auto name = [](int i) { return "n" + std::to_string(i) + "x" + std::string(static_cast<std::size_t>(i % 7), 'q'); };
  std::size_t most = 0;
  for (int i = 0; i < 5000; ++i) {
    // A new name each time, and one name used over and over.
    std::string text = "- " + name(i) + "corp and alphalabs";
    for (char& c : text) {
      if (c >= '0' && c <= '9') c = static_cast<char>('a' + (c - '0'));
    }
    CHECK(cached(cache, regex, text, 0) == direct(regex, text, 0));
    CHECK(cached(cache, regex, text, text.find("alpha")) == direct(regex, text, text.find("alpha")));
    most = std::max(most, cache.bytes());
  }
  CHECK(most <= kBudget);
  CHECK(most > kBudget / 2);  // the budget is used, not left idle
  CHECK(cache.misses() > 5000);  // every new name is a miss...
  CHECK(cache.hits() == 4999);   // ...and the name used again always a hit, however many were dropped
}

TEST_CASE("submatch cache: a large budget is split into shards, each within its share") {
  CHECK(SubmatchCache(16 << 10).shards() == 1);
  CHECK(SubmatchCache(std::size_t{1} << 20).shards() == 4);
  CHECK(SubmatchCache(SubmatchCache::kDefaultBudget).shards() == 16);
  CHECK(SubmatchCache(std::size_t{1} << 30).shards() == 16);
  CHECK(SubmatchCache(std::size_t{3} << 30).budget() == std::size_t{2} << 30);  // entries are found by 32-bit offsets

  // Many distinct names through four shards: the whole stays within the
  // budget and uses it, and a name used over and over is never dropped.
  const RE2 regex("(?P<ORG>[a-z]+)(corp|labs)");
  constexpr std::size_t kBudget = std::size_t{1} << 20;
  SubmatchCache cache(kBudget);
  REQUIRE(cache.shards() == 4);
  std::size_t most = 0;
  for (int i = 0; i < 30000; ++i) {
    std::string text = "- n" + std::to_string(i) + "corp and alphalabs";
    for (char& c : text) {
      if (c >= '0' && c <= '9') c = static_cast<char>('a' + (c - '0'));
    }
    REQUIRE(cached(cache, regex, text, 0) == direct(regex, text, 0));
    REQUIRE(cached(cache, regex, text, text.find("alpha")) == direct(regex, text, text.find("alpha")));
    if (i % 100 == 0) most = std::max(most, cache.bytes());
  }
  CHECK(most <= kBudget);
  CHECK(most > kBudget / 2);
  CHECK(cache.misses() == 30001);
  CHECK(cache.hits() == 29999);
}

TEST_CASE("submatch cache: shared by threads, what one thread stored the others find") {
  const RE2 regex("(?P<ORG>[가-힣]+?)(전자|테크|랩스)(은|는|이|가)");
  const std::vector<std::string> names = {"해솔", "미르", "누리", "별빛", "한빛", "가람", "다온", "라온"};
  const std::vector<std::string> suffixes = {"전자", "테크", "랩스"};
  std::vector<std::string> texts;
  for (const std::string& name : names) {
    for (const std::string& suffix : suffixes) texts.push_back("오늘 " + name + suffix + "는 발표했다");
  }
  SubmatchCache cache;
  REQUIRE(cache.shards() > 1);
  std::thread first([&] {
    for (const std::string& text : texts) cached(cache, regex, text, 0);
  });
  first.join();
  CHECK(cache.misses() == texts.size());
  std::thread second([&] {
    for (const std::string& text : texts) cached(cache, regex, text, 0);
  });
  second.join();
  CHECK(cache.misses() == texts.size());  // the second thread computed nothing
  CHECK(cache.hits() == texts.size());

  // Four threads at once over the same texts at every position: every
  // answer is RE2's own, and the threads share one entry per match.
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  SubmatchCache together;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
          const std::string& text = texts[(i + static_cast<std::size_t>(t) * 5) % texts.size()];
          for (std::size_t pos = 0; pos < text.size(); pos += 3) {
            if (cached(together, regex, text, pos) != direct(regex, text, pos)) ++wrong;
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(wrong == 0);
  CHECK(together.misses() < 4 * texts.size());  // at most each thread once per entry, in a race
  CHECK(together.hits() > 100 * together.misses());
}

}  // namespace relgraph
