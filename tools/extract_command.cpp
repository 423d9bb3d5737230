#include <ostream>

#include "extract/error.h"
#include "extract/interrupt.h"
#include "extract/parallel_extractor.h"
#include "extract/json_lines.h"
#include "tools/commands.h"

namespace relgraph {

namespace {

int run_extract(const Options& options, std::ostream& out, std::ostream& err) {
  const InterruptScope interrupts;
  require_inputs(options);
  Progress progress(err, !options.quiet && stderr_is_terminal());
  // Workers extract and serialize; this thread reads and writes, in input order.
  ParallelExtractor pool(
      Rules::load(rules_dir_for(options)), threads_for(options),
      [&](ExtractedDocument& done) { append_json_lines(done.result, options.entities, done.output); },
      [&](ExtractedDocument&& done) {
        out.write(done.output.data(), static_cast<std::streamsize>(done.output.size()));
        progress.add(done.document.text.size(), done.result.relations.size());
      });
  read_inputs(
      options.inputs,
      [&](Document&& document) {
        throw_if_interrupted("the output stops before document " + document.id);
        pool.add(std::move(document));
      },
      warnings_to(err, options, &progress), read_options(options));
  pool.finish();
  progress.finish();
  out.flush();
  if (!out) throw Error(Error::Kind::kOutput, "standard output", "write failed");
  return 0;
}

}  // namespace

Command extract_command() {
  return {"extract", "relgraph extract [--entities] [--rules DIR] [--threads N] [--encoding NAME] [--strict] [--quiet] INPUT...",
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
