// ParallelExtractor: extraction of a stream of documents on several threads,
// with results delivered in input order, on the caller's thread.
//
//   ParallelExtractor pool(rules, threads, finish, deliver);
//   read_inputs(inputs, [&](Document&& d) { pool.add(std::move(d)); }, warn);
//   pool.finish();
//
// Each worker has its own Extractor (they share the immutable Rules and one
// cache of the rules' capture groups, submatch_cache.h, of SubmatchCache's
// default size per thread) and after extracting runs `finish` on its
// result, so per-document work such as JSON serialization is parallel too. `deliver` sees documents in exactly the
// order they were added, whatever the thread count: output is byte-identical
// for any number of threads. Documents go to the workers in batches of about
// 256 KiB of text (one lock, one wake-up per batch instead of per document:
// per-document hand-offs cost 7-9 % of the CPU time in the kernel on news
// articles of 1 KB); at most 3 x threads batches are in flight, so memory does
// not grow with the input. The first batches are small and double up to that
// size (4 KiB, 8 KiB, ... 256 KiB). Why: at the start every DFA state is
// still to be built, and RE2 builds a DFA's states under that DFA's lock.
// Workers given equal batches ran the same automata at the same moment and
// waited on each other's state building: two threads made 21,000 futex
// waits on 2 MB of news and ran it slower than one thread (0.85 s against
// 0.76 s). Growing batches put the workers out of step and warm the first
// automata on little text: 2,500-4,500 waits, 0.64 s (BENCHMARKS.md).
// A batch is extracted at once
// (Extractor::extract_all: each rule runs over all its sentences in a row,
// which keeps its automaton in the CPU's caches; of 32 KiB, 128 KiB, 256 KiB
// and 1 MiB batches, 256 KiB missed a 4 MiB cache least, BENCHMARKS.md).
// threads == 1 runs everything on the caller's thread, batch by batch, with
// no pool at all. An exception in a worker is rethrown by the
// add() or finish() that would have delivered its document, after the
// documents before it.
//
// What a worker allocated (a document's result and output) goes back to that
// worker to be freed once delivered, and what the caller's thread allocated
// (the document) is freed there. Why: glibc's malloc gives each thread its
// own arena, and a free from another thread locks the owner's arena while
// the owner allocates from it. With the results freed on the caller's thread,
// two workers on 20 MB of news made 13,400 futex calls, most of them waiting
// for arena locks; now 6,400.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "extract/extractor.h"

namespace relgraph {

struct ExtractedDocument {
  Document document;
  DocumentResult result;
  std::string output;  // whatever `finish` wrote, e.g. JSON Lines
};

class ParallelExtractor {
 public:
  using Finish = std::function<void(ExtractedDocument&)>;         // on a worker thread
  using Deliver = std::function<void(ExtractedDocument&&)>;       // on the caller's thread, in order

  ParallelExtractor(std::shared_ptr<const Rules> rules, unsigned threads, Finish finish, Deliver deliver);
  ~ParallelExtractor();
  ParallelExtractor(const ParallelExtractor&) = delete;
  ParallelExtractor& operator=(const ParallelExtractor&) = delete;

  void add(Document&& document);
  // Waits for every document added and delivers the rest.
  void finish();

  // Whether the batch numbered `index` (from 0, in input order) is complete
  // with this much text in this many documents: it then goes to a worker
  // (Extractor::extract_all on it, for anyone batching the same way). The
  // first batch is full at 1/64 of the full size, each next one at twice
  // its predecessor's, from the seventh on at the full size.
  static bool batch_is_full(std::size_t index, std::size_t text_bytes, std::size_t documents) {
    const std::size_t scale = index < kRampBatches ? kRampBatches - index : 0;
    return (text_bytes << scale) >= kBatchTextBytes || (documents << scale) >= kBatchDocuments;
  }

  // Batches handed out so far, the last partial one included after finish().
  std::size_t batches_started() const { return batches_started_; }

  // The default for --threads: every core the machine reports.
  static unsigned default_threads();

  // The capture-group cache all workers share.
  const SubmatchCache& groups() const { return *groups_; }

  // Delivered documents whose results their own worker has freed so far; the
  // rest (the last few batches) are freed when the pool is destroyed.
  std::size_t freed_on_workers() const;

 private:
  // A batch goes to a worker once it holds this much text or this many
  // documents, whichever comes first.
  static constexpr std::size_t kBatchTextBytes = 256 << 10;
  static constexpr std::size_t kBatchDocuments = 512;
  // Batches that grow to the full size (see the top of this file).
  static constexpr std::size_t kRampBatches = 6;

  // Consecutive documents, extracted by one worker in order.
  struct Batch {
    std::vector<ExtractedDocument> items;
    std::size_t text_bytes = 0;
    std::size_t worker = 0;  // the worker that extracted it
    bool done = false;
    std::size_t failed_at = 0;  // with error: the item that threw; those before it are delivered
    std::exception_ptr error;
  };

  // A delivered document's parts that its worker allocated, for that worker to free.
  struct Spent {
    DocumentResult result;
    std::string output;
  };

  // Extracts and finishes the batch's documents (Extractor::extract_all);
  // on an exception, stops at the document that threw.
  void extract_batch(Extractor& extractor, Batch& batch) const;
  // threads == 1: the pending batch, extracted and delivered on this thread.
  void run_pending_here();
  void submit_pending();
  void work(std::size_t worker);
  void deliver_ready(bool wait_for_oldest);
  // Delivers the batch's documents, those before the one that threw if one did.
  void deliver_items(Batch& batch);
  // Hands what `batch`'s worker allocated back to it.
  void return_to_worker(Batch& batch);

  Finish finish_;
  Deliver deliver_;
  std::shared_ptr<SubmatchCache> groups_;
  std::vector<Extractor> extractors_;
  std::size_t window_;  // batches in flight at most
  std::unique_ptr<Batch> pending_;  // being filled by add(), on the caller's thread
  std::size_t batches_started_ = 0;  // on the caller's thread only

  mutable std::mutex mutex_;
  std::condition_variable work_ready_;  // a batch waits for a worker, or stopping
  std::condition_variable batch_done_;  // a worker finished a batch
  std::deque<std::unique_ptr<Batch>> batches_;  // in input order; front = oldest
  std::size_t next_to_start_ = 0;               // index into batches_ of the first not yet taken
  std::vector<std::vector<Spent>> spent_;        // per worker: delivered, for it to free
  std::size_t freed_on_workers_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace relgraph
