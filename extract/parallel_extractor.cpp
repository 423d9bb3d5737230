#include "extract/parallel_extractor.h"

#include <algorithm>

namespace relgraph {

unsigned ParallelExtractor::default_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

ParallelExtractor::ParallelExtractor(std::shared_ptr<const Rules> rules, unsigned threads, Finish finish,
                                     Deliver deliver)
    : finish_(std::move(finish)), deliver_(std::move(deliver)), window_(4 * std::max(1u, threads)) {
  threads = std::max(1u, threads);
  extractors_.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) extractors_.emplace_back(rules);
  if (threads == 1) return;  // the caller's thread does the work
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
  auto slot = std::make_unique<Slot>();
  slot->item.document = std::move(document);
  if (workers_.empty()) {
    ExtractedDocument& item = slot->item;
    item.result = extractors_.front().extract(item.document);
    if (finish_) finish_(item);
    deliver_(std::move(item));
    return;
  }
  {
    std::unique_lock lock(mutex_);
    // A full window: deliver the oldest (waiting for it) before taking more.
    while (slots_.size() >= window_) {
      lock.unlock();
      deliver_ready(true);
      lock.lock();
    }
    slots_.push_back(std::move(slot));
  }
  work_ready_.notify_one();
  deliver_ready(false);
}

void ParallelExtractor::finish() {
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (slots_.empty()) return;
    }
    deliver_ready(true);
  }
}

// Delivers the finished documents at the front, in order; with
// wait_for_oldest, first waits until the oldest one is finished.
void ParallelExtractor::deliver_ready(bool wait_for_oldest) {
  for (;;) {
    std::unique_ptr<Slot> slot;
    {
      std::unique_lock lock(mutex_);
      if (wait_for_oldest) {
        slot_done_.wait(lock, [this] { return slots_.empty() || slots_.front()->done; });
        wait_for_oldest = false;
      }
      if (slots_.empty() || !slots_.front()->done) return;
      slot = std::move(slots_.front());
      slots_.pop_front();
      --next_to_start_;
    }
    if (slot->error) std::rethrow_exception(slot->error);
    deliver_(std::move(slot->item));
  }
}

void ParallelExtractor::work(std::size_t worker) {
  Extractor& extractor = extractors_[worker];
  for (;;) {
    Slot* slot = nullptr;
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [this] { return stopping_ || next_to_start_ < slots_.size(); });
      if (stopping_) return;  // the pool is being destroyed: what is left is not wanted
      slot = slots_[next_to_start_++].get();
    }
    try {
      slot->item.result = extractor.extract(slot->item.document);
      if (finish_) finish_(slot->item);
    } catch (...) {
      slot->error = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      slot->done = true;
    }
    slot_done_.notify_all();
  }
}

}  // namespace relgraph
