// Interrupts: SIGINT and SIGTERM become a request to stop, which long loops
// check at safe points (between documents, at every 64 KiB of output). The
// check throws, and stack unwinding removes temporary files, so the
// previous output stays as it was.
//
// The request is relgraph's one piece of process-wide state, because a
// signal handler can reach nothing else. While an InterruptScope lives the
// handlers are installed; a second signal ends the process at once (the
// handlers reset themselves), for a user who does not want to wait.
#pragma once

#include <csignal>
#include <string>

namespace relgraph {

class InterruptScope {
 public:
  InterruptScope();
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

 private:
  struct sigaction previous_int_ = {};
  struct sigaction previous_term_ = {};
};

// The signal that asked to stop (SIGINT, SIGTERM) while the current scope lives, or 0.
int interrupt_signal();

// "SIGINT", "SIGTERM", or "signal N".
std::string signal_name(int signal);

// Throws Error(kOutput) "interrupted by SIGINT; `what`" when a signal asked to stop.
void throw_if_interrupted(const std::string& what);

}  // namespace relgraph
