#include "tools/options.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <ostream>

#include "extract/decoder.h"
#include "extract/parallel_extractor.h"
#include "extract/error.h"

#ifndef RELGRAPH_DEFAULT_RULES_DIR
#define RELGRAPH_DEFAULT_RULES_DIR "rules"
#endif

namespace relgraph {

Options parse_options(const std::vector<std::string>& args, std::size_t first, const std::vector<std::string>& flags) {
  Options options;
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
    if (arg == "-n") arg = "--limit";
    if (std::find(flags.begin(), flags.end(), arg) == flags.end()) {
      throw Error(Error::Kind::kUsage, "", "unknown option " + args[i] + " (see --help)");
    }
    auto value = [&]() -> std::string {
      if (inline_value) return *inline_value;
      if (i + 1 >= args.size()) throw Error(Error::Kind::kUsage, "", arg + " needs a value");
      return args[++i];
    };
    if (arg == "--help") {
      options.help = true;
    } else if (arg == "--entities") {
      options.entities = true;
    } else if (arg == "--errors") {
      options.errors = true;
    } else if (arg == "--json") {
      options.json = true;
    } else if (arg == "--strict") {
      options.strict = true;
    } else if (arg == "--quiet") {
      options.quiet = true;
    } else if (arg == "--no-groups-patterns") {
      options.no_groups_patterns = true;
    } else if (arg == "--encoding") {
      options.encoding = value();
    } else if (arg == "--threads") {
      options.threads = value();
    } else if (arg == "--rules") {
      options.rules_dir = value();
    } else if (arg == "--output") {
      options.outputs.push_back(value());
    } else if (arg == "--gold") {
      options.gold = value();
    } else if (arg == "--aliases") {
      options.aliases = value();
    } else if (arg == "--file") {
      options.file = value();
    } else if (arg == "--focus") {
      options.focus = value();
    } else if (arg == "--depth") {
      options.depth = value();
    } else if (arg == "--relation") {
      options.relations.push_back(value());
    } else if (arg == "--min-weight") {
      options.min_weight = value();
    } else if (arg == "--direction") {
      options.direction = value();
    } else if (arg == "--subject") {
      options.subject = value();
    } else if (arg == "--object") {
      options.object = value();
    } else if (arg == "--type") {
      options.type = value();
    } else if (arg == "--since") {
      options.since = value();
    } else if (arg == "--until") {
      options.until = value();
    } else if (arg == "--max-depth") {
      options.max_depth = value();
    } else if (arg == "--by") {
      options.by = value();
    } else if (arg == "--limit") {
      options.limit = value();
    }
  }
  return options;
}

std::vector<Relation> relations_of(const Options& options) {
  std::vector<Relation> relations;
  for (const std::string& list : options.relations) {
    std::size_t begin = 0;
    while (begin <= list.size()) {
      const std::size_t end = std::min(list.find(',', begin), list.size());
      const std::string item = list.substr(begin, end - begin);
      const auto relation = parse_relation(item);
      if (!relation) throw Error(Error::Kind::kUsage, "--relation", "\"" + item + "\" is not one of the thirteen relations");
      relations.push_back(*relation);
      begin = end + 1;
    }
  }
  return relations;
}

std::string rules_dir_for(const Options& options) {
  if (!options.rules_dir.empty()) return options.rules_dir;
  if (const char* env = std::getenv("RELGRAPH_RULES"); env && *env) return env;
  return RELGRAPH_DEFAULT_RULES_DIR;
}

std::shared_ptr<const Rules> load_rules(const Options& options, unsigned threads) {
  return Rules::load(rules_dir_for(options), threads,
                     options.no_groups_patterns ? GroupsPatterns::kIgnore : GroupsPatterns::kUse);
}

std::vector<std::string> with_rules_flags(std::vector<std::string> flags) {
  for (const char* flag : {"--rules", "--no-groups-patterns"}) flags.emplace_back(flag);
  return flags;
}

std::string rules_flags_help(std::size_t column) {
  std::string rules = "  --rules DIR";
  rules.resize(std::max(column, rules.size() + 1), ' ');
  const std::string indent(column, ' ');
  return rules + "use the rule files in DIR\n  --no-groups-patterns\n" + indent +
         "take every capture group from its rule's own pattern, not from\n" + indent +
         "the rule's \"groups\" pattern (slower; to check that both give the same output)\n";
}

void require_inputs(const Options& options) {
  if (options.inputs.empty()) throw Error(Error::Kind::kUsage, "", "no INPUT given (see --help)");
  check_inputs_exist(options.inputs);
  if (!options.encoding.empty()) check_encoding_name(options.encoding);
}

std::vector<std::string> with_input_flags(std::vector<std::string> flags) {
  for (const char* flag : {"--encoding", "--strict", "--quiet", "--threads"}) flags.emplace_back(flag);
  return flags;
}

std::string input_flags_help() {
  return R"(  --encoding NAME     read every input in this encoding (EUC-KR, CP949, UTF-16,
                      any ICU name) instead of detecting it
  --strict            stop at the first input warning (bad line, bad bytes,
                      binary file) with exit status 2
  --quiet             no progress line and no summary on stderr
  --threads N         extract on N threads (default: every core); the output
                      is the same for any N
)";
}

ReadOptions read_options(const Options& options) { return ReadOptions{options.encoding}; }

unsigned threads_for(const Options& options) {
  if (options.threads.empty()) return ParallelExtractor::default_threads();
  const auto threads = parse_number<unsigned>(options.threads, "--threads");
  if (threads == 0 || threads > 256) throw Error(Error::Kind::kUsage, "--threads", "needs a number from 1 to 256");
  return threads;
}

WarningSink warnings_to(std::ostream& err, const Options& options, Progress* progress) {
  if (options.strict) {
    return [](const std::string& message) { throw Error(Error::Kind::kBadData, "", message + " (--strict)"); };
  }
  return [&err, progress](const std::string& message) {
    if (progress) progress->clear();
    err << "relgraph: warning: " << message << '\n';
  };
}

}  // namespace relgraph
