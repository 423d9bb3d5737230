#include <ostream>

#include "extract/error.h"
#include "extract/interrupt.h"
#include "extract/json_lines.h"
#include "tools/commands.h"
#include "tools/extract_inputs.h"
#include "tools/gathered_output.h"

namespace relgraph {

namespace {

int run_extract(const Options& options, std::ostream& out, std::ostream& err) {
  const InterruptScope interrupts;
  GatheredOutput gathered(out);
  // Workers extract and serialize; this thread writes, in input order.
  extract_inputs(
      options, err, [&](ExtractedDocument& done) { append_json_lines(done.result, options.entities, done.output); },
      [&](ExtractedDocument&& done) { gathered.add(done.output); },
      [](const Document& next) { return "the output stops before document " + next.id; });
  gathered.flush();
  if (!out) throw Error(Error::Kind::kOutput, "standard output", "write failed");
  return 0;
}

}  // namespace

Command extract_command() {
  return {"extract", "relgraph extract [--entities] [--rules DIR] [--no-groups-patterns] [--threads N] [--encoding NAME] [--strict] [--quiet] INPUT...",
          "print the relations (and entities) found, as JSON Lines",
          R"(Prints one JSON line per relation mention found (format: RELATIONS.md):
  {"kind": "relation", "doc", "relation", "subject": {"name", "type"},
   "object": {"name", "type"}, "evidence", "rule", "attrs": {"role"?}}

Options:
  --entities    also print one line per entity mention, before the document's relations:
                {"kind": "entity", "doc", "name", "surface", "type", "start", "end"}
                start/end are code point offsets of the name in the text as given
)" + rules_flags_help(16) + input_flags_help() + R"(  -h, --help    show this help
)",
          with_input_flags(with_rules_flags({"--help", "--entities"})), run_extract};
}

}  // namespace relgraph
