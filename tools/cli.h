// The relgraph command line: parses arguments, runs a command, returns the
// exit status (0 done, 1 failure while running, 2 bad usage or bad rules).
// Kept apart from main() so tests can run commands in-process.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace relgraph {

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace relgraph
