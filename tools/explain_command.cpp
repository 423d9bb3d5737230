#include <optional>
#include <ostream>

#include "extract/error.h"
#include "extract/extractor.h"
#include "extract/reader.h"
#include "extract/utf8.h"
#include "tools/commands.h"

namespace relgraph {

namespace {

std::string read_text(const Options& options, std::ostream& err) {
  if (!options.file.empty()) {
    if (!options.inputs.empty()) throw Error(Error::Kind::kUsage, "", "give either a sentence or --file, not both");
    check_inputs_exist({options.file});
    // Read as `extract` reads a plain-text file; a file that is not text is
    // an error here, as explain has nothing else to work on.
    std::optional<std::string> text = read_text_file(options.file, warnings_to(err, options), read_options(options));
    if (!text) throw Error(Error::Kind::kBadData, options.file, "not text, nothing to explain");
    return std::move(*text);
  }
  if (options.inputs.size() != 1) throw Error(Error::Kind::kUsage, "", "explain takes one sentence in quotes, or --file");
  std::string text = options.inputs.front();
  utf8::make_valid(text);
  return text;
}

int run_explain(const Options& options, std::ostream& out, std::ostream& err) {
  Document document;
  document.id = options.file.empty() ? "explain" : options.file;
  document.text = read_text(options, err);
  Extractor extractor(load_rules(options, threads_for(options)));
  Trace trace;
  const DocumentResult result = extractor.extract(document, &trace);

  for (const Trace::SkippedLine& line : trace.skipped_lines) {
    out << "skipped as boilerplate (" << line.rule << "): " << line.text << '\n';
  }
  for (std::size_t s = 0; s < result.sentences.size(); ++s) {
    out << "sentence " << s + 1 << ": " << result.sentences[s].evidence << '\n';
    if (s < trace.sentences.size()) out << "  rules see: " << trace.sentences[s].encoded << '\n';
    out << "  entities:\n";
    std::size_t index = 0;
    for (const EntityMention& m : result.entities) {
      if (m.sentence != s) continue;
      out << "    #" << index++ << " " << name(m.type) << " " << m.name << "  [" << m.start_cp << "," << m.end_cp
          << ")  \"" << m.surface << "\"  by " << m.rule;
      if (m.reference) out << "  (refers to a person named before)";
      for (const std::string& alias : m.aliases) out << "  alias " << alias;
      out << '\n';
    }
    for (const Trace::RefusedEntity& r : trace.refused_entities) {
      if (r.sentence != s) continue;
      out << "    not " << name(r.type) << " \"" << r.name << "\" (" << r.rule << "): " << r.reason << '\n';
    }
    if (s < trace.sentences.size() && !trace.sentences[s].rules.empty()) {
      out << "  relation rules that matched:";
      for (const std::string_view rule : trace.sentences[s].rules) out << ' ' << rule;
      out << '\n';
    }
    out << "  relations:\n";
    for (const RelationMention& r : result.relations) {
      if (r.sentence != s) continue;
      out << "    " << name(r.relation) << "(" << result.entities[r.subject].name << ", "
          << result.entities[r.object].name << ")";
      if (!r.role.empty()) out << "  role=\"" << r.role << "\"";
      if (r.first_sentence != r.sentence) out << "  (subject from the sentence before)";
      out << "  by " << r.rule << '\n';
    }
    for (const Trace::DroppedRelation& d : trace.dropped_relations) {
      if (d.sentence != s) continue;
      out << "    dropped " << name(d.relation);
      if (!d.subject.empty()) out << "(" << d.subject << ", " << d.object << ")";
      out << " (" << d.rule << "): " << d.reason << '\n';
    }
  }
  return 0;
}

}  // namespace

Command explain_command() {
  return {"explain", "relgraph explain [--rules DIR] \"문장\" | --file FILE",
          "show how a text is read: sentences, entities, rules, relations, and what was refused",
          R"(Runs extraction on one text and shows every step: each sentence, the
sentence as relation rules see it (entities as placeholders), the entity
mentions with code point offsets and the rule that found each, the entity
candidates refused and why, the relation rules whose pattern matched, the
relations found with their rule, and the relations dropped and why.

Options:
  --file FILE   explain the text of FILE instead of the argument (any encoding
                relgraph reads; --encoding NAME forces one)
)" + rules_flags_help(16) + R"(  -h, --help    show this help
)",
          with_rules_flags({"--help", "--file", "--encoding"}), run_explain};
}

}  // namespace relgraph
