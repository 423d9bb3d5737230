#include <ostream>

#include "extract/error.h"
#include "extract/interrupt.h"
#include "extract/extractor.h"
#include "extract/json_lines.h"
#include "tools/commands.h"

namespace relgraph {

namespace {

int run_extract(const Options& options, std::ostream& out, std::ostream& err) {
  const InterruptScope interrupts;
  require_inputs(options);
  Extractor extractor(Rules::load(rules_dir_for(options)));
  std::string lines;
  Progress progress(err, !options.quiet && stderr_is_terminal());
  read_inputs(
      options.inputs,
      [&](Document&& document) {
        throw_if_interrupted("the output stops before document " + document.id);
        lines.clear();
        const DocumentResult result = extractor.extract(document);
        append_json_lines(result, options.entities, lines);
        out.write(lines.data(), static_cast<std::streamsize>(lines.size()));
        progress.add(document.text.size(), result.relations.size());
      },
      warnings_to(err, options, &progress), read_options(options));
  progress.finish();
  out.flush();
  if (!out) throw Error(Error::Kind::kOutput, "standard output", "write failed");
  return 0;
}

}  // namespace

Command extract_command() {
  return {"extract", "relgraph extract [--entities] [--rules DIR] [--encoding NAME] [--strict] [--quiet] INPUT...",
          "print the relations (and entities) found, as JSON Lines",
          R"(Prints one JSON line per relation mention found (format: RELATIONS.md):
  {"kind": "relation", "doc", "relation", "subject": {"name", "type"},
   "object": {"name", "type"}, "evidence", "rule", "attrs": {"role"?}}

Options:
  --entities    also print one line per entity mention, before the document's relations:
                {"kind": "entity", "doc", "name", "surface", "type", "start", "end"}
                start/end are code point offsets of the name in the text as given
  --rules DIR   use the rule files in DIR
)" + input_flags_help() + R"(  -h, --help    show this help
)",
          with_input_flags({"--help", "--entities", "--rules"}), run_extract};
}

}  // namespace relgraph
