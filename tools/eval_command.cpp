#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <cstdio>
#include <ostream>

#include "extract/error.h"
#include "extract/extractor.h"
#include "tools/commands.h"
#include "tools/scorer.h"

namespace relgraph {

namespace {

std::string figure(double value) {
  if (std::isnan(value)) return "-";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

std::string padded(const std::string& text, std::size_t width, bool right) {
  const std::size_t length = text.size();
  if (length >= width) return text;
  return right ? std::string(width - length, ' ') + text : text + std::string(width - length, ' ');
}

void print_row(std::ostream& out, const std::string& name, const Score& s) {
  out << padded(name, 20, false) << padded(std::to_string(s.gold), 6, true) << padded(std::to_string(s.predicted), 7, true)
      << padded(std::to_string(s.correct), 8, true) << padded(figure(s.precision()), 11, true)
      << padded(figure(s.recall()), 8, true) << padded(figure(s.f1()), 7, true) << '\n';
}

void print_facts(std::ostream& out, const std::string& title, const std::vector<ScoredFact>& facts) {
  out << '\n' << title << " (" << facts.size() << ")\n";
  for (const ScoredFact& f : facts) {
    out << "  " << f.doc << "  " << f.relation << "(" << f.subject << ", " << f.object << ")";
    if (!f.rule.empty()) out << "  [" << f.rule << "]";
    out << "\n      " << f.evidence << '\n';
  }
}

void write_score(rapidjson::Writer<rapidjson::StringBuffer>& w, const Score& s) {
  w.StartObject();
  w.Key("gold");
  w.Uint64(s.gold);
  w.Key("predicted");
  w.Uint64(s.predicted);
  w.Key("correct");
  w.Uint64(s.correct);
  for (const auto& [key, value] : {std::pair{"precision", s.precision()}, std::pair{"recall", s.recall()},
                                   std::pair{"f1", s.f1()}}) {
    w.Key(key);
    if (std::isnan(value)) {
      w.Null();
    } else {
      w.Double(value);
    }
  }
  w.EndObject();
}

void write_facts(rapidjson::Writer<rapidjson::StringBuffer>& w, const char* key, const std::vector<ScoredFact>& facts) {
  w.Key(key);
  w.StartArray();
  for (const ScoredFact& f : facts) {
    w.StartObject();
    for (const auto& [k, v] : {std::pair{"doc", &f.doc}, std::pair{"relation", &f.relation},
                               std::pair{"subject", &f.subject}, std::pair{"object", &f.object},
                               std::pair{"evidence", &f.evidence}, std::pair{"rule", &f.rule}}) {
      if (v->empty()) continue;
      w.Key(k);
      w.String(v->data(), static_cast<rapidjson::SizeType>(v->size()));
    }
    w.EndObject();
  }
  w.EndArray();
}

// {"relations": {"hires": {gold, predicted, correct, precision, recall, f1}, ...}, "overall": {...},
//  "false_positives": [...], "misses": [...]} (the lists with --errors); undefined figures are null.
void print_json(std::ostream& out, const EvalReport& report, bool errors) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("relations");
  w.StartObject();
  for (const auto& [relation, s] : report.by_relation) {
    w.Key(relation.c_str());
    write_score(w, s);
  }
  w.EndObject();
  w.Key("overall");
  write_score(w, report.overall);
  if (errors) {
    write_facts(w, "false_positives", report.false_positives);
    write_facts(w, "misses", report.misses);
  }
  w.EndObject();
  out << buffer.GetString() << '\n';
}

int run_eval(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.gold.empty()) throw Error(Error::Kind::kUsage, "", "eval needs --gold FILE");
  check_inputs_exist({options.gold});
  if (!options.aliases.empty()) check_inputs_exist({options.aliases});
  require_inputs(options);
  const std::vector<ScoredFact> gold = load_gold(options.gold);
  const AliasTable aliases = options.aliases.empty() ? AliasTable() : AliasTable::load(options.aliases);

  Extractor extractor(load_rules(options, threads_for(options)));
  std::vector<ScoredFact> predicted;
  read_inputs(
      options.inputs,
      [&](Document&& document) {
        const DocumentResult result = extractor.extract(document);
        for (const RelationMention& r : result.relations) {
          predicted.push_back({result.doc_id, std::string(name(r.relation)), result.entities[r.subject].name,
                               result.entities[r.object].name, evidence_of(result, r),
                               std::string(r.rule)});
        }
      },
      warnings_to(err, options), read_options(options));

  const EvalReport report = score_facts(gold, predicted, aliases);
  if (options.json) {
    print_json(out, report, options.errors);
    return 0;
  }
  out << "relation              gold  found   right  precision  recall     F1\n";
  for (const RelationSpec& spec : relation_specs()) print_row(out, std::string(spec.name), report.by_relation.at(std::string(spec.name)));
  for (const auto& [relation, s] : report.by_relation) {
    if (!parse_relation(relation)) print_row(out, relation + " (unknown)", s);
  }
  print_row(out, "all", report.overall);
  if (options.errors) {
    print_facts(out, "false positives", report.false_positives);
    print_facts(out, "misses", report.misses);
  }
  return 0;
}

}  // namespace

Command eval_command() {
  return {"eval", "relgraph eval --gold FILE [--aliases FILE] [--errors] [--json] [--rules DIR] INPUT...",
          "extract and score against gold facts: precision, recall, F1 per relation",
          R"(Runs extraction on INPUT and scores the distinct (doc, subject, relation,
object) facts against the gold file, as RELATIONS.md says: names mapped
through the aliases file, case and inner spaces ignored, symmetric relations
unordered. Prints precision, recall and F1 per relation and for all ("-"
where there is nothing to divide by).

Options:
  --gold FILE      gold facts, JSON Lines in the format of RELATIONS.md
  --aliases FILE   entity aliases, JSON Lines {"name", "type", "aliases": [...]}
  --errors         also list the false positives (with the rule) and the misses, with evidence
  --json           print one JSON object instead of the table: {"relations": {NAME: {"gold",
                   "predicted", "correct", "precision", "recall", "f1"}}, "overall": {...}},
                   plus "false_positives" and "misses" with --errors; undefined figures are null
)" + rules_flags_help(19) + input_flags_help() + R"(  -h, --help       show this help
)",
          with_input_flags(with_rules_flags({"--help", "--gold", "--aliases", "--errors", "--json"})), run_eval};
}

}  // namespace relgraph
