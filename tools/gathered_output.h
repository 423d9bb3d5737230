// GatheredOutput: many small pieces of output written to a stream in chunks
// of about 1 MiB.
//
// `extract` writes each document's JSON Lines on its own, a few KB; written
// as they come, that was one system call per 2 KB (7,000 per 10 MB of news)
// on the thread that also reads the input. What was
// gathered is written by flush() and, when extraction stops with an error
// (Ctrl-C), by the destructor, so the output still ends where the error says.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace relgraph {

class GatheredOutput {
 public:
  explicit GatheredOutput(std::ostream& out, std::size_t chunk_bytes = std::size_t{1} << 20)
      : out_(out), chunk_bytes_(chunk_bytes) {}
  ~GatheredOutput() { flush(); }
  GatheredOutput(const GatheredOutput&) = delete;
  GatheredOutput& operator=(const GatheredOutput&) = delete;

  // Writes once a chunk is gathered.
  void add(std::string_view piece) {
    pending_ += piece;
    if (pending_.size() >= chunk_bytes_) write();
  }

  // Writes what is gathered and flushes the stream.
  void flush() {
    write();
    out_.flush();
  }

 private:
  void write() {
    if (pending_.empty()) return;
    out_.write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
    pending_.clear();
  }

  std::ostream& out_;
  const std::size_t chunk_bytes_;
  std::string pending_;
};

}  // namespace relgraph
