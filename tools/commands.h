// The relgraph commands. Each lives in its own file (extract_command.cpp, ...)
// and is described by a Command: its name, a one-line summary for
// `relgraph --help`, its full help text, the options it accepts and what it runs.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "tools/options.h"

namespace relgraph {

struct Command {
  std::string name;
  std::string usage;    // "relgraph extract [--entities] [--rules DIR] INPUT..."
  std::string summary;  // one line
  std::string help;     // the rest of `relgraph NAME --help`
  std::vector<std::string> flags;
  int (*run)(const Options& options, std::ostream& out, std::ostream& err);
};

Command extract_command();
Command build_command();
Command export_command();
Command eval_command();
Command explain_command();
Command query_command();
Command stats_command();

}  // namespace relgraph
