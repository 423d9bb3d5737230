#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "tools/allocator.h"
#include "tools/cli.h"

int main(int argc, char** argv) {
  relgraph::prefer_large_pages();  // before the rules and their automata are allocated
  std::ios::sync_with_stdio(false);
  // A file size limit (ulimit -f) then makes write() fail with EFBIG, which
  // relgraph reports like a full disk, instead of killing the process
  // before it can remove its temporary file.
  std::signal(SIGXFSZ, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  return relgraph::run_cli(args, std::cout, std::cerr);
}
