#include "tools/cli.h"

#include <iostream>

#include "extract/error.h"
#include "tools/allocator.h"
#include "tools/commands.h"

namespace relgraph {

namespace {

constexpr const char* kVersion = "0.2.0";

std::vector<Command> all_commands() { return {extract_command(), build_command(), export_command(), query_command(),
          stats_command(),   eval_command(),  explain_command()}; }

std::string main_help() {
  std::string help = "relgraph: Korean news articles -> knowledge graph\n\nUsage:\n";
  for (const Command& c : all_commands()) help += "  " + c.usage + "\n";
  help += "  relgraph COMMAND --help\n  relgraph --version\n\nCommands:\n";
  for (const Command& c : all_commands()) help += "  " + c.name + std::string(10 - c.name.size(), ' ') + c.summary + "\n";
  help += R"(
INPUT is a file, a directory (read recursively: *.txt is one article, doc id =
file name; *.jsonl is one article per line with "id", "text" and optional
"title", "date", "url"), or - for standard input.

Rules come from --rules DIR, else $RELGRAPH_RULES, else the rules relgraph was
built with.

Exit status: 0 done, 1 failure while running (input or output), 2 bad usage or bad rules.
)";
  return help;
}

int exit_status(Error::Kind kind) {
  switch (kind) {
    case Error::Kind::kUsage:
    case Error::Kind::kRules:
    case Error::Kind::kBadData:
      return 2;
    case Error::Kind::kInput:
    case Error::Kind::kOutput:
      return 1;
  }
  return 1;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    if (args.empty()) {
      err << main_help();
      return 2;
    }
    const std::string& name = args[0];
    if (name == "--help" || name == "-h" || name == "help") {
      out << main_help();
      return 0;
    }
    if (name == "--version") {
      out << "relgraph " << kVersion << "\nallocator: " << allocator_in_use() << '\n';
      return 0;
    }
    for (const Command& command : all_commands()) {
      if (command.name != name) continue;
      const Options options = parse_options(args, 1, command.flags);
      if (options.help) {
        out << "Usage: " << command.usage << "\n\n" << command.help;
        return 0;
      }
      return command.run(options, out, err);
    }
    throw Error(Error::Kind::kUsage, "", "unknown command \"" + name + "\" (see relgraph --help)");
  } catch (const Error& e) {
    err << "relgraph: " << e.what() << '\n';
    return exit_status(e.kind());
  } catch (const std::exception& e) {
    err << "relgraph: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace relgraph
