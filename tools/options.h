// Options: the command-line arguments every relgraph command understands,
// parsed the same way for all of them ("--rules DIR" or "--rules=DIR",
// "-o FILE", "--" before inputs that start with a dash).
#pragma once

#include <charconv>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "extract/error.h"
#include "extract/reader.h"
#include "extract/rules.h"
#include "extract/schema.h"
#include "tools/progress.h"

namespace relgraph {

struct Options {
  bool help = false;
  bool entities = false;  // extract --entities
  bool errors = false;    // eval --errors
  bool json = false;      // eval --json
  bool strict = false;    // --strict: the first input warning is an error (exit 2)
  bool quiet = false;     // --quiet: no progress line, no summary
  bool no_groups_patterns = false;  // --no-groups-patterns: every group from its rule's own pattern
  std::string encoding;   // --encoding NAME: read every input in this encoding
  std::string threads;    // --threads N: extraction threads (default: every core)
  std::string rules_dir;
  std::string gold;     // eval --gold
  std::string aliases;  // eval --aliases
  std::string file;     // explain --file
  std::vector<std::string> inputs;   // the positional arguments
  std::vector<std::string> outputs;  // build/export -o
  // build/export: which part of the graph to write (graph/subgraph.h)
  std::string focus;                   // --focus NAME
  std::string depth;                   // --depth N, checked by subgraph_filter_for
  std::vector<std::string> relations;  // --relation REL (repeatable, or REL,REL)
  std::string min_weight;              // --min-weight W
  // query: checked where used
  std::string direction;  // --direction out|in|both
  std::string subject;    // --subject NAME
  std::string object;     // --object NAME
  std::string type;       // --type ORG|PERSON|PRODUCT
  std::string since;      // --since YYYY-MM-DD
  std::string until;      // --until YYYY-MM-DD
  std::string max_depth;  // --max-depth N
  std::string by;         // --by degree|weight|pagerank|betweenness
  std::string limit;      // -n, --limit N
};

// The relations named by --relation options (each REL or REL,REL).
// Throws Error(kUsage) naming one that is not among the thirteen.
std::vector<Relation> relations_of(const Options& options);

// Parses args[first..]; `flags` lists the long options the command accepts
// (-o, -h and -n are short for --output, --help and --limit). Throws Error(kUsage).
Options parse_options(const std::vector<std::string>& args, std::size_t first, const std::vector<std::string>& flags);

// --rules, else $RELGRAPH_RULES, else the rules relgraph was built with.
std::string rules_dir_for(const Options& options);
// The rules of rules_dir_for(options), compiled on `threads` threads,
// without their groups patterns under --no-groups-patterns.
std::shared_ptr<const Rules> load_rules(const Options& options, unsigned threads);
// The options of the commands that load rules: --rules DIR, --no-groups-patterns.
std::vector<std::string> with_rules_flags(std::vector<std::string> flags);
// Their help, descriptions indented to `column` like the command's other options.
std::string rules_flags_help(std::size_t column);

// Throws Error(kUsage) when there is no input, one does not exist or
// --encoding names no encoding ICU knows: before any work starts.
void require_inputs(const Options& options);

// The options of the commands that read articles: --encoding, --strict, --quiet.
std::vector<std::string> with_input_flags(std::vector<std::string> flags);
std::string input_flags_help();
ReadOptions read_options(const Options& options);
// --threads N (1 or more), else every core.
unsigned threads_for(const Options& options);

// `text` as a number >= 0; throws Error(kUsage) naming `flag` otherwise.
template <typename Number>
Number parse_number(const std::string& text, const char* flag) {
  Number value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !(value >= 0)) {
    throw Error(Error::Kind::kUsage, flag, "needs a number >= 0, not \"" + text + "\"");
  }
  return value;
}

// Warnings as "relgraph: warning: ..." lines on `err` (erasing `progress`'s
// line first, when given); with --strict the first one throws Error(kBadData).
WarningSink warnings_to(std::ostream& err, const Options& options, Progress* progress = nullptr);

}  // namespace relgraph
