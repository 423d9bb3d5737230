#include <ostream>

#include "extract/error.h"
#include "extract/extractor.h"
#include "extract/json_lines.h"
#include "tools/commands.h"

namespace relgraph {

namespace {

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

}  // namespace

Command extract_command() {
  return {"extract", "relgraph extract [--entities] [--rules DIR] INPUT...",
          "print the relations (and entities) found, as JSON Lines",
          R"(Prints one JSON line per relation mention found (format: RELATIONS.md):
  {"kind": "relation", "doc", "relation", "subject": {"name", "type"},
   "object": {"name", "type"}, "evidence", "rule", "attrs": {"role"?}}

Options:
  --entities    also print one line per entity mention, before the document's relations:
                {"kind": "entity", "doc", "name", "surface", "type", "start", "end"}
                start/end are code point offsets of the name in the text as given
  --rules DIR   use the rule files in DIR
  -h, --help    show this help
)",
          {"--help", "--entities", "--rules"}, run_extract};
}

}  // namespace relgraph
