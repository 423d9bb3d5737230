#include "extract/extractor.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace relgraph {

Extractor::Extractor(std::shared_ptr<const Rules> rules)
    : rules_(rules), recognizer_(rules), resolver_(rules), relations_(rules) {}

namespace {

// The names rules found in a document (not the gazetteer's), with their
// aliases: a name introduced once is a name everywhere in the article.
std::vector<GazetteerEntry> introduced_names(const std::vector<std::vector<EntityMention>>& per_sentence) {
  std::vector<GazetteerEntry> entries;
  std::set<std::string> seen;
  for (const auto& mentions : per_sentence) {
    for (const EntityMention& m : mentions) {
      if (m.rule == kGazetteerRule || m.rule == kDocumentRule || !seen.insert(m.name).second) continue;
      entries.push_back({m.type, m.name, m.aliases, std::string(kDocumentRule)});
    }
  }
  return entries;
}

bool has_new_name(const Gazetteer& names, std::string_view sentence, std::size_t offset,
                  const std::vector<EntityMention>& mentions) {
  for (const Gazetteer::Hit& hit : names.find(sentence)) {
    const bool covered = std::any_of(mentions.begin(), mentions.end(), [&](const EntityMention& m) {
      return hit.begin + offset < m.span_end && m.begin < hit.end + offset;
    });
    if (!covered) return true;
  }
  return false;
}

}  // namespace

DocumentResult Extractor::extract(const Document& document, Trace* trace) {
  DocumentResult result;
  result.doc_id = document.id;
  result.date = document.date;

  const NormalizedText normalized = normalizer_.normalize(document.text);
  const std::string_view text = normalized.text();
  const std::vector<Span> spans = splitter_.split(text);
  auto sentence_at = [&](std::size_t i) { return text.substr(spans[i].begin, spans[i].end - spans[i].begin); };

  // Entities, sentence by sentence; then again where a name the document
  // introduced elsewhere appears unrecognised.
  std::vector<std::vector<EntityMention>> per_sentence(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (trace) trace->sentence = i;
    per_sentence[i] = recognizer_.recognize(sentence_at(i), spans[i].begin, nullptr, trace);
  }
  if (auto entries = introduced_names(per_sentence); !entries.empty()) {
    const Gazetteer names = Gazetteer::of(std::move(entries), rules_->particles());
    for (std::size_t i = 0; i < spans.size(); ++i) {
      if (!has_new_name(names, sentence_at(i), spans[i].begin, per_sentence[i])) continue;
      if (trace) {
        trace->sentence = i;
        trace->forget_entities_of(i);
      }
      per_sentence[i] = recognizer_.recognize(sentence_at(i), spans[i].begin, &names, trace);
    }
  }

  for (std::size_t i = 0; i < spans.size(); ++i) {
    const std::size_t from = normalized.original_byte(spans[i].begin);
    const std::size_t to = normalized.original_byte(spans[i].end);
    result.sentences.push_back({spans[i], document.text.substr(from, to - from)});

    std::vector<EntityMention>& mentions = per_sentence[i];
    const std::size_t first_index = result.entities.size();
    auto relations = relations_.extract(sentence_at(i), spans[i].begin, mentions, first_index, i, trace);
    for (EntityMention& m : mentions) {
      m.sentence = i;
      m.start_cp = normalized.original_code_point(m.begin);
      m.end_cp = normalized.original_code_point(m.end);
      const std::size_t surface_from = normalized.original_byte(m.begin);
      m.surface = document.text.substr(surface_from, normalized.original_byte(m.surface_end) - surface_from);
      result.entities.push_back(std::move(m));
    }
    result.relations.insert(result.relations.end(), relations.begin(), relations.end());
  }

  resolver_.resolve(result.entities);

  // With canonical names known, drop a relation of an entity with itself and
  // repeats of one fact within a sentence (the first rule to state it stays).
  auto drop = [&](const RelationMention& r, std::string reason) {
    if (trace) {
      trace->dropped_relations.push_back({r.sentence, r.relation, result.entities[r.subject].name,
                                          result.entities[r.object].name, r.rule, std::move(reason)});
    }
    return true;
  };
  std::map<std::tuple<std::size_t, Relation, std::string, std::string>, std::string_view> seen;  // -> rule
  std::erase_if(result.relations, [&](const RelationMention& r) {
    std::string subject = result.entities[r.subject].name;
    std::string object = result.entities[r.object].name;
    if (subject == object) return drop(r, "both ends are the same entity");
    if (is_symmetric(r.relation) && object < subject) std::swap(subject, object);
    const auto [it, inserted] = seen.emplace(std::make_tuple(r.sentence, r.relation, subject, object), r.rule);
    return !inserted && drop(r, "already stated in this sentence by " + std::string(it->second));
  });

  // A sentence that says a person formerly worked somewhere ("전 누리소프트
  // 부사장", a hire away from it) overrides the plain apposition in the same
  // sentence that reads as current employment.
  std::erase_if(result.relations, [&](const RelationMention& r) {
    if (r.relation != Relation::kWorksFor) return false;
    const auto former = seen.find({r.sentence, Relation::kFormerlyWorkedFor, result.entities[r.subject].name,
                                   result.entities[r.object].name});
    return former != seen.end() &&
           drop(r, "the sentence says this was a former job (" + std::string(former->second) + ")");
  });
  return result;
}

}  // namespace relgraph
