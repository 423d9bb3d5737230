// Progress: one line on stderr, redrawn in place, while a long run reads
// articles: "relgraph: 12,345 documents, 56.7 MB, 8,910 facts, 4.2 MB/s".
//
// It is drawn only when `enabled` (stderr is a terminal and --quiet is not
// given), first after one second (short runs stay silent), then at most five
// times a second, and erased by finish() or the destructor, so warnings and
// the summary that follow start on a clean line.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>

namespace relgraph {

class Progress {
 public:
  using Clock = std::function<double()>;  // seconds since any fixed point

  Progress(std::ostream& err, bool enabled, Clock clock = steady_seconds);
  ~Progress() { finish(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // One more document of `bytes` bytes that yielded `facts` relation mentions.
  void add(std::size_t bytes, std::size_t facts);
  // Erases the line if one was drawn.
  void finish();
  // Before a warning: erases the line so the warning starts at column 0.
  void clear();

  static double steady_seconds();

 private:
  std::string line() const;

  std::ostream& err_;
  bool enabled_;
  Clock clock_;
  double start_ = 0;
  double last_draw_ = 0;
  bool drawn_ = false;
  std::size_t width_ = 0;  // of the line on screen, to erase it
  std::size_t documents_ = 0;
  std::size_t bytes_ = 0;
  std::size_t facts_ = 0;
};

// True when stderr is a terminal (the progress line would be seen).
bool stderr_is_terminal();

}  // namespace relgraph
