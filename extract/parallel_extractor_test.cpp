#include "extract/parallel_extractor.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/json_lines.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

std::vector<Document> articles(std::size_t n) {
  const std::string texts[] = {
      "해솔전자는 미르테크와 업무협약을 체결했다고 밝혔다.",
      "누리소프트는 별빛랩스를 인수했다고 밝혔다. 별빛랩스는 누리소프트의 자회사가 된다.",
      "",
      "해솔전자는 김하늘 전 미르테크 부사장을 최고기술책임자로 영입했다.",
  };
  std::vector<Document> documents(n);
  for (std::size_t i = 0; i < n; ++i) {
    documents[i].id = "doc" + std::to_string(i);
    documents[i].text = texts[i % 4];
  }
  return documents;
}

// Everything `threads` workers deliver for `n` articles, as one string.
std::string run(unsigned threads, std::size_t n, std::size_t* batches = nullptr) {
  std::string out;
  std::vector<std::string> order;
  ParallelExtractor pool(
      testing::shipped_rules(), threads,
      [](ExtractedDocument& done) { append_json_lines(done.result, true, done.output); },
      [&](ExtractedDocument&& done) {
        order.push_back(done.document.id);
        out += done.output;
      });
  for (Document& document : articles(n)) pool.add(std::move(document));
  pool.finish();
  if (batches) *batches = pool.batches_started();
  REQUIRE(order.size() == n);
  for (std::size_t i = 0; i < n; ++i) CHECK(order[i] == "doc" + std::to_string(i));
  return out;
}

TEST_CASE("parallel extractor: documents come back in input order, the same bytes for any thread count") {
  const std::string one = run(1, 200);
  CHECK(one.find("\"relation\":\"acquires\"") != std::string::npos);
  CHECK(run(2, 200) == one);
  CHECK(run(3, 200) == one);
  // Many batches (at most 512 documents each), more than the window holds.
  const std::string many = run(1, 6000);
  CHECK(run(2, 6000) == many);
  CHECK(run(3, 6000) == many);
  CHECK(run(8, 7) == run(1, 7));  // fewer documents than the window
  CHECK(run(4, 0) == "");
}

TEST_CASE("parallel extractor: batches start at 1/64 of the full size and double") {
  CHECK_FALSE(ParallelExtractor::batch_is_full(0, 4095, 7));
  CHECK(ParallelExtractor::batch_is_full(0, 4096, 1));
  CHECK(ParallelExtractor::batch_is_full(0, 10, 8));
  CHECK_FALSE(ParallelExtractor::batch_is_full(1, 8191, 15));
  CHECK(ParallelExtractor::batch_is_full(1, 8192, 1));
  CHECK_FALSE(ParallelExtractor::batch_is_full(5, (128 << 10) - 1, 255));
  CHECK(ParallelExtractor::batch_is_full(5, 10, 256));
  for (const std::size_t index : {6, 7, 1000}) {
    CHECK_FALSE(ParallelExtractor::batch_is_full(index, (256 << 10) - 1, 511));
    CHECK(ParallelExtractor::batch_is_full(index, 256 << 10, 1));
    CHECK(ParallelExtractor::batch_is_full(index, 10, 512));
  }
  // The pool batches that way on one thread and on several: 6,000 short
  // articles fill 8 + 16 + ... + 256 = 504, then ten batches of 512, then
  // the last 376.
  for (const unsigned threads : {1u, 2u}) {
    std::size_t batches = 0;
    run(threads, 6000, &batches);
    CHECK(batches == 17);
  }
}

TEST_CASE("parallel extractor: the workers use the pool's one group cache, sized per thread") {
  ParallelExtractor pool(testing::shipped_rules(), 2, nullptr, [](ExtractedDocument&&) {});
  CHECK(pool.groups().budget() == 2 * SubmatchCache::kDefaultBudget);
  CHECK(pool.groups().misses() == 0);
  for (Document& document : articles(400)) pool.add(std::move(document));
  pool.finish();
  // Groups the workers computed and found went through the pool's cache.
  CHECK(pool.groups().misses() > 0);
  CHECK(pool.groups().hits() > pool.groups().misses());
}

TEST_CASE("parallel extractor: what a worker allocated is freed by that worker once delivered") {
  // Documents in about 80 batches; a worker frees the results of its
  // delivered batches each time it takes another, so all but the last few
  // batches (at most a window's worth per worker) are freed on the workers.
  constexpr std::size_t kDocuments = 20000;
  std::size_t delivered = 0;
  ParallelExtractor pool(
      testing::shipped_rules(), 2, [](ExtractedDocument& done) { append_json_lines(done.result, true, done.output); },
      [&](ExtractedDocument&& done) {
        if (!done.document.text.empty()) CHECK(!done.output.empty());  // delivery sees what the worker made
        ++delivered;
      });
  CHECK(pool.freed_on_workers() == 0);
  for (Document& document : articles(kDocuments)) pool.add(std::move(document));
  pool.finish();
  CHECK(delivered == kDocuments);
  CHECK(pool.freed_on_workers() > kDocuments / 2);
  CHECK(pool.freed_on_workers() <= kDocuments);
}

TEST_CASE("parallel extractor: an exception from delivery leaves the pool to shut down cleanly") {
  std::size_t delivered = 0;
  auto attempt = [&] {
    ParallelExtractor pool(testing::shipped_rules(), 2, {}, [&](ExtractedDocument&&) {
      if (++delivered == 3) throw std::runtime_error("stop");
    });
    for (Document& document : articles(50)) pool.add(std::move(document));
    pool.finish();
  };
  CHECK_THROWS_WITH(attempt(), "stop");
  CHECK(delivered == 3);
}

TEST_CASE("parallel extractor: a worker's exception comes back after every document before it, in order") {
  for (const unsigned threads : {1u, 2u, 3u}) {
    std::vector<std::string> delivered;
    auto attempt = [&] {
      ParallelExtractor pool(
          testing::shipped_rules(), threads,
          [](ExtractedDocument& done) {
            if (done.document.id == "doc1700") throw std::runtime_error("bad document");
          },
          [&](ExtractedDocument&& done) { delivered.push_back(done.document.id); });
      for (Document& document : articles(3000)) pool.add(std::move(document));
      pool.finish();
    };
    CHECK_THROWS_WITH(attempt(), "bad document");
    REQUIRE(delivered.size() == 1700);
    for (std::size_t i = 0; i < delivered.size(); ++i) CHECK(delivered[i] == "doc" + std::to_string(i));
  }
}

}  // namespace
}  // namespace relgraph
