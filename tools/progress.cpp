#include "tools/progress.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ostream>

namespace relgraph {

namespace {

constexpr double kFirstDrawAfter = 1.0;  // seconds
constexpr double kRedrawEvery = 0.2;

// 1234567 -> "1,234,567"
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

std::string one_decimal(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", x);
  return buffer;
}

}  // namespace

double Progress::steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

Progress::Progress(std::ostream& err, bool enabled, Clock clock)
    : err_(err), enabled_(enabled), clock_(std::move(clock)) {
  if (enabled_) start_ = clock_();
}

std::string Progress::line() const {
  const double megabytes = static_cast<double>(bytes_) / 1e6;
  const double seconds = last_draw_ - start_;
  return "relgraph: " + grouped(documents_) + " documents, " + one_decimal(megabytes) + " MB, " + grouped(facts_) +
         " facts, " + one_decimal(seconds > 0 ? megabytes / seconds : 0) + " MB/s";
}

void Progress::add(std::size_t bytes, std::size_t facts) {
  ++documents_;
  bytes_ += bytes;
  facts_ += facts;
  if (!enabled_) return;
  const double now = clock_();
  if (now - start_ < kFirstDrawAfter || (drawn_ && now - last_draw_ < kRedrawEvery)) return;
  last_draw_ = now;
  const std::string text = line();
  // '\r' and padding over a longer previous line: the line is redrawn in place.
  err_ << '\r' << text;
  if (text.size() < width_) err_ << std::string(width_ - text.size(), ' ');
  err_.flush();
  width_ = std::max(width_, text.size());
  drawn_ = true;
}

void Progress::clear() {
  if (!drawn_) return;
  err_ << '\r' << std::string(width_, ' ') << '\r';
  err_.flush();
  drawn_ = false;
  last_draw_ = 0;
}

void Progress::finish() {
  clear();
  enabled_ = false;
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace relgraph
