#include "tools/cli.h"

#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <optional>

#include "export/exporter.h"
#include "extract/error.h"
#include "extract/extractor.h"
#include "extract/json_lines.h"
#include "extract/reader.h"
#include "graph/graph_builder.h"

#ifndef RELGRAPH_DEFAULT_RULES_DIR
#define RELGRAPH_DEFAULT_RULES_DIR "rules"
#endif

namespace relgraph {

namespace {

constexpr const char* kVersion = "0.1.0";

constexpr const char* kMainHelp = R"(relgraph: Korean news articles -> knowledge graph

Usage:
  relgraph extract [--entities] [--rules DIR] INPUT...
  relgraph build [--rules DIR] INPUT... -o FILE [-o FILE ...]
  relgraph COMMAND --help
  relgraph --version

Commands:
  extract   print the relations (and entities) found, as JSON Lines
  build     assemble one graph from all inputs and write it (.graphml, .dot, .gv)

INPUT is a file, a directory (read recursively: *.txt is one article, doc id =
file name; *.jsonl is one article per line with "id", "text" and optional
"title", "date", "url"), or - for standard input.

Rules come from --rules DIR, else $RELGRAPH_RULES, else the rules relgraph was
built with.

Exit status: 0 done, 1 failure while running (input or output), 2 bad usage or bad rules.
)";

constexpr const char* kExtractHelp = R"(Usage: relgraph extract [--entities] [--rules DIR] INPUT...

Prints one JSON line per relation mention found (format: RELATIONS.md):
  {"kind": "relation", "doc", "relation", "subject": {"name", "type"},
   "object": {"name", "type"}, "evidence", "rule", "attrs": {"role"?}}

Options:
  --entities    also print one line per entity mention, before the document's relations:
                {"kind": "entity", "doc", "name", "surface", "type", "start", "end"}
                start/end are code point offsets of the name in the text as given
  --rules DIR   use the rule files in DIR
  -h, --help    show this help
)";

constexpr const char* kBuildHelp = R"(Usage: relgraph build [--rules DIR] INPUT... -o FILE [-o FILE ...]

Extracts relations from every input, merges them into one graph (one node per
entity, aliases merged; one edge per distinct fact, weight = number of
documents stating it) and writes it to each FILE, in the format its
extension names:
  .graphml      GraphML for Gephi, NetworkX, igraph
  .dot, .gv     Graphviz (dot -Tsvg FILE -o FILE.svg)

Options:
  -o, --output FILE   where to write the graph (repeatable)
  --rules DIR         use the rule files in DIR
  -h, --help          show this help
)";

struct Options {
  bool help = false;
  bool entities = false;
  std::string rules_dir;
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
};

// Parses the arguments after the command name. `flags` lists the options the
// command accepts.
Options parse_options(const std::vector<std::string>& args, std::size_t first,
                      const std::vector<std::string>& flags) {
  Options options;
  auto allowed = [&](const std::string& flag) {
    for (const std::string& f : flags) {
      if (f == flag) return true;
    }
    return false;
  };
  bool only_inputs = false;
  for (std::size_t i = first; i < args.size(); ++i) {
    std::string arg = args[i];
    if (only_inputs || arg == "-" || arg.empty() || arg[0] != '-') {
      options.inputs.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_inputs = true;
      continue;
    }
    std::optional<std::string> inline_value;
    if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
      inline_value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    }
    if (arg == "-o") arg = "--output";
    if (arg == "-h") arg = "--help";
    if (!allowed(arg)) throw Error(Error::Kind::kUsage, "", "unknown option " + args[i] + " (see --help)");
    auto value = [&]() -> std::string {
      if (inline_value) return *inline_value;
      if (i + 1 >= args.size()) throw Error(Error::Kind::kUsage, "", arg + " needs a value");
      return args[++i];
    };
    if (arg == "--help") {
      options.help = true;
    } else if (arg == "--entities") {
      options.entities = true;
    } else if (arg == "--rules") {
      options.rules_dir = value();
    } else if (arg == "--output") {
      options.outputs.push_back(value());
    }
  }
  return options;
}

std::string rules_dir_for(const Options& options) {
  if (!options.rules_dir.empty()) return options.rules_dir;
  if (const char* env = std::getenv("RELGRAPH_RULES"); env && *env) return env;
  return RELGRAPH_DEFAULT_RULES_DIR;
}

void require_inputs(const Options& options) {
  if (options.inputs.empty()) throw Error(Error::Kind::kUsage, "", "no INPUT given (see --help)");
  check_inputs_exist(options.inputs);
}

WarningSink warnings_to(std::ostream& err) {
  return [&err](const std::string& message) { err << "relgraph: warning: " << message << '\n'; };
}

int run_extract(const Options& options, std::ostream& out, std::ostream& err) {
  require_inputs(options);
  Extractor extractor(Rules::load(rules_dir_for(options)));
  std::string lines;
  read_inputs(
      options.inputs,
      [&](Document&& document) {
        lines.clear();
        append_json_lines(extractor.extract(document), options.entities, lines);
        out.write(lines.data(), static_cast<std::streamsize>(lines.size()));
      },
      warnings_to(err));
  out.flush();
  if (!out) throw Error(Error::Kind::kOutput, "standard output", "write failed");
  return 0;
}

int run_build(const Options& options, std::ostream& err) {
  if (options.outputs.empty()) throw Error(Error::Kind::kUsage, "", "build needs at least one -o FILE");
  for (const std::string& output : options.outputs) {
    if (!format_for_path(output)) {
      throw Error(Error::Kind::kUsage, output, "unknown output format (use .graphml, .dot or .gv)");
    }
  }
  require_inputs(options);
  Extractor extractor(Rules::load(rules_dir_for(options)));
  GraphBuilder builder;
  std::size_t documents = 0;
  read_inputs(
      options.inputs,
      [&](Document&& document) {
        builder.add(extractor.extract(document));
        ++documents;
      },
      warnings_to(err));
  const KnowledgeGraph graph = builder.build();
  for (const std::string& output : options.outputs) write_graph_file(graph, output);
  err << "relgraph: " << documents << " documents, " << graph.node_count() << " nodes, " << graph.edge_count()
      << " edges\n";
  return 0;
}

int exit_status(Error::Kind kind) {
  switch (kind) {
    case Error::Kind::kUsage:
    case Error::Kind::kRules:
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
      err << kMainHelp;
      return 2;
    }
    const std::string& command = args[0];
    if (command == "--help" || command == "-h" || command == "help") {
      out << kMainHelp;
      return 0;
    }
    if (command == "--version") {
      out << "relgraph " << kVersion << '\n';
      return 0;
    }
    if (command == "extract") {
      const Options options = parse_options(args, 1, {"--help", "--entities", "--rules"});
      if (options.help) {
        out << kExtractHelp;
        return 0;
      }
      return run_extract(options, out, err);
    }
    if (command == "build") {
      const Options options = parse_options(args, 1, {"--help", "--rules", "--output"});
      if (options.help) {
        out << kBuildHelp;
        return 0;
      }
      return run_build(options, err);
    }
    throw Error(Error::Kind::kUsage, "", "unknown command \"" + command + "\" (see relgraph --help)");
  } catch (const Error& e) {
    err << "relgraph: " << e.what() << '\n';
    return exit_status(e.kind());
  } catch (const std::exception& e) {
    err << "relgraph: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace relgraph
