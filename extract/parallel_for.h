// parallel_for: runs job(i) for every i in [0, count) on up to `threads`
// threads (the caller's among them) and returns when all are done.
//
//   parallel_for(patterns.size(), threads, [&](std::size_t i) { compiled[i] = compile(patterns[i]); });
//
// Jobs are taken in index order by whichever thread is free. If jobs throw,
// the exception of the lowest index is rethrown once all threads have
// stopped, so the error reported does not depend on the thread count.
// threads <= 1 runs the jobs in order on the caller's thread.
#pragma once

#include <cstddef>
#include <functional>

namespace relgraph {

void parallel_for(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& job);

}  // namespace relgraph
