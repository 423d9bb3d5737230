#include "extract/parallel_extractor.h"

#include <algorithm>

namespace relgraph {

unsigned ParallelExtractor::default_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

ParallelExtractor::ParallelExtractor(std::shared_ptr<const Rules> rules, unsigned threads, Finish finish,
                                     Deliver deliver)
    : finish_(std::move(finish)), deliver_(std::move(deliver)), window_(3 * std::max(1u, threads)) {
  threads = std::max(1u, threads);
  // The shared group cache grows with the threads, as their own caches did.
  groups_ = std::make_shared<SubmatchCache>(threads * SubmatchCache::kDefaultBudget);
  extractors_.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) extractors_.emplace_back(rules, groups_);
  if (threads == 1) return;  // the caller's thread does the work
  spent_.resize(threads);
  for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this, i] { work(i); });
}

ParallelExtractor::~ParallelExtractor() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void ParallelExtractor::add(Document&& document) {
  if (!pending_) pending_ = std::make_unique<Batch>();
  pending_->text_bytes += document.text.size();
  pending_->items.emplace_back().document = std::move(document);
  if (batch_is_full(batches_started_, pending_->text_bytes, pending_->items.size())) {
    if (workers_.empty()) return run_pending_here();
    submit_pending();
    deliver_ready(false);
  }
}

void ParallelExtractor::run_pending_here() {
  const std::unique_ptr<Batch> batch = std::move(pending_);
  ++batches_started_;
  extract_batch(extractors_.front(), *batch);
  deliver_items(*batch);
  if (batch->error) std::rethrow_exception(batch->error);
}

void ParallelExtractor::deliver_items(Batch& batch) {
  const std::size_t deliverable = batch.error ? batch.failed_at : batch.items.size();
  for (std::size_t i = 0; i < deliverable; ++i) deliver_(std::move(batch.items[i]));
}

void ParallelExtractor::extract_batch(Extractor& extractor, Batch& batch) const {
  std::vector<DocumentResult> results;
  try {
    std::vector<const Document*> documents;
    for (const ExtractedDocument& item : batch.items) documents.push_back(&item.document);
    results = extractor.extract_all(documents);
  } catch (...) {
    results.clear();  // one document failed: find which, one by one
  }
  for (std::size_t i = 0; i < batch.items.size(); ++i) {
    ExtractedDocument& item = batch.items[i];
    try {
      item.result = results.empty() ? extractor.extract(item.document) : std::move(results[i]);
      if (finish_) finish_(item);
    } catch (...) {
      batch.error = std::current_exception();
      batch.failed_at = i;
      return;
    }
  }
}

void ParallelExtractor::finish() {
  if (pending_ && workers_.empty()) return run_pending_here();
  if (pending_) submit_pending();
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (batches_.empty()) return;
    }
    deliver_ready(true);
  }
}

void ParallelExtractor::submit_pending() {
  ++batches_started_;
  {
    std::unique_lock lock(mutex_);
    // A full window: deliver the oldest (waiting for it) before taking more.
    while (batches_.size() >= window_) {
      lock.unlock();
      deliver_ready(true);
      lock.lock();
    }
    batches_.push_back(std::move(pending_));
  }
  work_ready_.notify_one();
}

// Delivers the finished batches at the front, in order; with
// wait_for_oldest, first waits until the oldest one is finished.
void ParallelExtractor::deliver_ready(bool wait_for_oldest) {
  for (;;) {
    std::unique_ptr<Batch> batch;
    {
      std::unique_lock lock(mutex_);
      if (wait_for_oldest) {
        batch_done_.wait(lock, [this] { return batches_.empty() || batches_.front()->done; });
        wait_for_oldest = false;
      }
      if (batches_.empty() || !batches_.front()->done) return;
      batch = std::move(batches_.front());
      batches_.pop_front();
      --next_to_start_;
    }
    deliver_items(*batch);
    return_to_worker(*batch);
    if (batch->error) std::rethrow_exception(batch->error);
  }
}

std::size_t ParallelExtractor::freed_on_workers() const {
  std::lock_guard lock(mutex_);
  return freed_on_workers_;
}

void ParallelExtractor::return_to_worker(Batch& batch) {
  std::lock_guard lock(mutex_);
  std::vector<Spent>& spent = spent_[batch.worker];
  for (ExtractedDocument& item : batch.items) spent.push_back({std::move(item.result), std::move(item.output)});
}

void ParallelExtractor::work(std::size_t worker) {
  Extractor& extractor = extractors_[worker];
  for (;;) {
    Batch* batch = nullptr;
    std::vector<Spent> spent;
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [this] { return stopping_ || next_to_start_ < batches_.size(); });
      if (stopping_) return;  // the pool is being destroyed: what is left is not wanted
      batch = batches_[next_to_start_++].get();
      batch->worker = worker;
      spent.swap(spent_[worker]);
      freed_on_workers_ += spent.size();
    }
    spent.clear();  // freed here, where it was allocated (see the header)
    extract_batch(extractor, *batch);
    {
      std::lock_guard lock(mutex_);
      batch->done = true;
    }
    batch_done_.notify_all();
  }
}

}  // namespace relgraph
