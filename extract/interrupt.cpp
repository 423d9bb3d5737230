#include "extract/interrupt.h"

#include <csignal>

#include "extract/error.h"

namespace relgraph {

namespace {

// Process-wide: the handler can reach nothing else (see the header).
volatile std::sig_atomic_t pending_signal = 0;

void on_signal(int signal) { pending_signal = signal; }

}  // namespace

InterruptScope::InterruptScope() {
  pending_signal = 0;
  struct sigaction action = {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  // SA_RESETHAND: the second signal finds the default action and ends the process.
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, &previous_int_);
  sigaction(SIGTERM, &action, &previous_term_);
}

InterruptScope::~InterruptScope() {
  pending_signal = 0;
  sigaction(SIGINT, &previous_int_, nullptr);
  sigaction(SIGTERM, &previous_term_, nullptr);
}

int interrupt_signal() { return pending_signal; }

std::string signal_name(int signal) {
  if (signal == SIGINT) return "SIGINT";
  if (signal == SIGTERM) return "SIGTERM";
  return "signal " + std::to_string(signal);
}

void throw_if_interrupted(const std::string& what) {
  if (const int signal = interrupt_signal()) {
    throw Error(Error::Kind::kOutput, "", "interrupted by " + signal_name(signal) + "; " + what);
  }
}

}  // namespace relgraph
