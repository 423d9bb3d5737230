#include "extract/parallel_for.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace relgraph {
namespace {

TEST_CASE("parallel_for: every index runs exactly once, for any thread count") {
  for (const unsigned threads : {0u, 1u, 2u, 3u, 8u}) {
    for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{100}}) {
      std::vector<std::atomic<int>> runs(count);
      parallel_for(count, threads, [&](std::size_t i) { ++runs[i]; });
      for (std::size_t i = 0; i < count; ++i) CHECK(runs[i] == 1);
    }
  }
}

TEST_CASE("parallel_for: one thread runs the jobs in order on the caller's thread") {
  std::vector<std::size_t> order;
  const auto caller = std::this_thread::get_id();
  bool elsewhere = false;
  parallel_for(5, 1, [&](std::size_t i) {
    order.push_back(i);
    elsewhere = elsewhere || std::this_thread::get_id() != caller;
  });
  CHECK(order == std::vector<std::size_t>{0, 1, 2, 3, 4});
  CHECK_FALSE(elsewhere);
}

TEST_CASE("parallel_for: several threads do share the work") {
  // Job 0 waits (up to 10 s) until another thread has taken job 1; on one
  // thread job 1 would only start after job 0 gave up.
  std::atomic<bool> second_started{false};
  bool seen_while_waiting = false;
  parallel_for(2, 2, [&](std::size_t i) {
    if (i == 1) second_started = true;
    if (i != 0) return;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!second_started && std::chrono::steady_clock::now() < give_up) std::this_thread::yield();
    seen_while_waiting = second_started;
  });
  CHECK(seen_while_waiting);
}

TEST_CASE("parallel_for: the error of the lowest index is the one rethrown, after every job ran") {
  for (const unsigned threads : {1u, 2u, 4u}) {
    std::atomic<int> ran{0};
    std::string message;
    try {
      parallel_for(50, threads, [&](std::size_t i) {
        ++ran;
        if (i == 7 || i == 30 || i == 49) throw std::runtime_error("job " + std::to_string(i));
      });
    } catch (const std::runtime_error& e) {
      message = e.what();
    }
    CHECK(message == "job 7");
    CHECK(ran == 50);
  }
}

}  // namespace
}  // namespace relgraph
