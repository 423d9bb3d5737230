#include "extract/extractor.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

namespace relgraph {

Extractor::Extractor(std::shared_ptr<const Rules> rules, std::shared_ptr<SubmatchCache> groups)
    : rules_(rules),
      groups_(groups ? std::move(groups) : std::make_shared<SubmatchCache>()),
      recognizer_(rules, groups_),
      resolver_(rules),
      relations_(rules, groups_) {}

namespace {

// The names rules found in a document (not the gazetteer's), with their
// aliases: a name introduced once is a name everywhere in the article.
std::vector<GazetteerEntry> introduced_names(const std::vector<std::vector<EntityMention>>& per_sentence) {
  std::vector<GazetteerEntry> entries;
  std::set<std::string> seen;
  for (const auto& mentions : per_sentence) {
    for (const EntityMention& m : mentions) {
      if (m.rule == kGazetteerRule || m.rule == kDocumentRule || m.reference || !seen.insert(m.name).second) continue;
      entries.push_back({m.type, m.name, m.aliases, std::string(kDocumentRule)});
    }
  }
  return entries;
}

// False when every place the text writes an introduced name (or alias) is
// already inside a mention: then no second pass can add anything, and the
// per-document gazetteer need not be compiled (an RE2 compile per document
// cost about a tenth of extraction time). Plain substring search, so it may
// say true where the gazetteer would find nothing; never the reverse. The
// search costs names x text, so past a budget it gives up and says true
// (the compiled gazetteer then does the work in one linear pass).
bool may_have_new_name(const std::vector<GazetteerEntry>& entries, std::string_view text,
                       const std::vector<std::vector<EntityMention>>& per_sentence) {
  constexpr std::size_t kBudget = 1 << 22;  // bytes searched, summed over names
  std::size_t surfaces = 0;
  for (const GazetteerEntry& entry : entries) surfaces += 1 + entry.aliases.size();
  if (surfaces * text.size() > kBudget) return true;

  // Mentions as [begin, end) sorted by begin, with the largest end so far:
  // [a, b) overlaps one iff among those beginning before b, some ends after a.
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const auto& mentions : per_sentence) {
    for (const EntityMention& m : mentions) spans.emplace_back(m.begin, m.span_end);
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::size_t> max_end(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) max_end[i] = std::max(spans[i].second, i ? max_end[i - 1] : 0);
  auto covered = [&](std::size_t a, std::size_t b) {
    const auto it = std::lower_bound(spans.begin(), spans.end(), std::pair{b, std::size_t{0}});
    const auto n = static_cast<std::size_t>(it - spans.begin());
    return n > 0 && max_end[n - 1] > a;
  };
  auto written_outside_mentions = [&](const std::string& surface) {
    if (surface.empty()) return false;
    // Horspool skips by the window's last byte: Hangul's lead bytes are few
    // (EA..ED), so a search by first byte (string_view::find) stops every
    // character or two; the last bytes vary and let it skip whole names.
    const std::boyer_moore_horspool_searcher searcher(surface.begin(), surface.end());
    for (auto from = text.begin();;) {
      const auto found = searcher(from, text.end()).first;
      if (found == text.end()) return false;
      const auto at = static_cast<std::size_t>(found - text.begin());
      if (!covered(at, at + surface.size())) return true;
      from = found + 1;
    }
  };
  for (const GazetteerEntry& entry : entries) {
    if (written_outside_mentions(entry.name)) return true;
    for (const std::string& alias : entry.aliases) {
      if (written_outside_mentions(alias)) return true;
    }
  }
  return false;
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

// Sentence spans of the text, without those on boilerplate lines.
std::vector<Span> content_sentences(std::string_view text, std::vector<Span> spans, const Rules& rules, Trace* trace) {
  std::vector<Span> kept;
  std::size_t line_begin = 0;
  std::size_t line_end = 0;
  const BoilerplateRule* line_rule = nullptr;
  for (const Span& span : spans) {
    if (span.begin >= line_end) {  // a new line
      line_begin = text.rfind('\n', span.begin);
      line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
      line_end = text.find('\n', span.begin);
      if (line_end == std::string_view::npos) line_end = text.size();
      line_rule = rules.boilerplate(text.substr(line_begin, line_end - line_begin));
      if (line_rule && trace) trace->skipped_lines.push_back({std::string(text.substr(line_begin, line_end - line_begin)), line_rule->id});
    }
    if (!line_rule) kept.push_back(span);
  }
  return kept;
}

// Keeps the entities marked in `keep`, renumbering relations; relations with
// a dropped end go too.
void drop_entities(DocumentResult& result, const std::vector<bool>& keep, Trace* trace) {
  std::vector<std::size_t> new_index(result.entities.size(), SIZE_MAX);
  std::size_t next = 0;
  for (std::size_t i = 0; i < keep.size(); ++i) {
    if (keep[i]) new_index[i] = next++;
  }
  std::erase_if(result.relations, [&](RelationMention& r) {
    if (new_index[r.subject] == SIZE_MAX || new_index[r.object] == SIZE_MAX) {
      if (trace) {
        trace->dropped_relations.push_back({r.sentence, r.relation, result.entities[r.subject].name,
                                            result.entities[r.object].name, r.rule,
                                            "a surname reference with no person named before it"});
      }
      return true;
    }
    r.subject = new_index[r.subject];
    r.object = new_index[r.object];
    return false;
  });
  std::size_t i = 0;
  std::erase_if(result.entities, [&](const EntityMention&) { return !keep[i++]; });
}

// The original text of [from, to) of the normalized text.
std::string original(const Document& document, const NormalizedText& normalized, std::size_t from, std::size_t to) {
  const std::size_t begin = normalized.original_byte(from);
  return document.text.substr(begin, normalized.original_byte(to) - begin);
}

}  // namespace

Extractor::Prepared Extractor::prepare(const Document& document, Trace* trace) {
  NormalizedText normalized = normalizer_.normalize(document.text);
  std::vector<Span> spans = content_sentences(normalized.text(), splitter_.split(normalized.text()), *rules_, trace);
  return {std::move(normalized), std::move(spans), {}};
}

DocumentResult Extractor::extract(const Document& document, Trace* trace) {
  Prepared prepared = prepare(document, trace);
  if (!trace) return std::move(extract_prepared({&document}, {&prepared}).front());

  // A trace follows one sentence at a time.
  prepared.per_sentence.resize(prepared.spans.size());
  for (std::size_t i = 0; i < prepared.spans.size(); ++i) {
    trace->sentence = i;
    prepared.per_sentence[i] = recognizer_.recognize(prepared.sentence(i), prepared.spans[i].begin, nullptr, trace);
  }
  recognize_again(prepared, trace);
  std::vector<std::vector<RelationMention>> relations;
  for (RelationExtractor::Sentence& sentence : relation_inputs(document, prepared)) {
    relations.push_back(std::move(relations_.extract_all({std::move(sentence)}, trace).front()));
  }
  return assemble(document, prepared, std::move(relations), trace);
}

std::vector<DocumentResult> Extractor::extract_all(const std::vector<const Document*>& documents) {
  std::vector<Prepared> prepared;
  prepared.reserve(documents.size());
  for (const Document* document : documents) prepared.push_back(prepare(*document, nullptr));
  std::vector<Prepared*> all;
  for (Prepared& p : prepared) all.push_back(&p);
  return extract_prepared(documents, all);
}

std::vector<DocumentResult> Extractor::extract_prepared(const std::vector<const Document*>& documents,
                                                        const std::vector<Prepared*>& prepared) {
  // Entities: the first pass over every sentence at once.
  std::vector<EntityRecognizer::Sentence> sentences;
  for (const Prepared* p : prepared) {
    for (std::size_t i = 0; i < p->spans.size(); ++i) sentences.push_back({p->sentence(i), p->spans[i].begin});
  }
  std::vector<std::vector<EntityMention>> found = recognizer_.recognize_all(sentences);
  std::size_t next = 0;
  for (Prepared* p : prepared) {
    p->per_sentence.resize(p->spans.size());
    for (std::vector<EntityMention>& mentions : p->per_sentence) mentions = std::move(found[next++]);
  }

  // Each document's own names, then relations over every sentence at once.
  std::vector<RelationExtractor::Sentence> inputs;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    recognize_again(*prepared[d]);
    std::vector<RelationExtractor::Sentence> of_document = relation_inputs(*documents[d], *prepared[d]);
    std::move(of_document.begin(), of_document.end(), std::back_inserter(inputs));
  }
  std::vector<std::vector<RelationMention>> relations = relations_.extract_all(std::move(inputs));

  std::vector<DocumentResult> results;
  results.reserve(documents.size());
  next = 0;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const std::size_t count = prepared[d]->spans.size();
    std::vector<std::vector<RelationMention>> of_document(std::make_move_iterator(relations.begin() + next),
                                                          std::make_move_iterator(relations.begin() + next + count));
    next += count;
    results.push_back(assemble(*documents[d], *prepared[d], std::move(of_document)));
  }
  return results;
}

void Extractor::recognize_again(Prepared& prepared, Trace* trace) {
  std::vector<std::vector<EntityMention>>& per_sentence = prepared.per_sentence;
  const std::string_view text = prepared.normalized.text();
  // A name rules found in one sentence is then looked for in every sentence,
  // where it appears unrecognised.
  auto entries = introduced_names(per_sentence);
  if (entries.empty() || !may_have_new_name(entries, text, per_sentence)) return;
  const Gazetteer names = Gazetteer::of(std::move(entries), rules_->particles());
  for (std::size_t i = 0; i < prepared.spans.size(); ++i) {
    if (!has_new_name(names, prepared.sentence(i), prepared.spans[i].begin, per_sentence[i])) continue;
    if (trace) {
      trace->sentence = i;
      trace->forget_entities_of(i);
    }
    per_sentence[i] = recognizer_.recognize(prepared.sentence(i), prepared.spans[i].begin, &names, trace);
  }
}

std::vector<RelationExtractor::Sentence> Extractor::relation_inputs(const Document& document, Prepared& prepared) {
  const std::string_view text = prepared.normalized.text();
  const std::vector<Span>& spans = prepared.spans;
  std::vector<RelationExtractor::Sentence> inputs;
  inputs.reserve(spans.size());
  std::size_t first_index = 0;  // of the sentence's first mention in the document
  // A sentence without a subject of its own continues the subject of the
  // sentence before it in the same paragraph.
  std::vector<CarriedMention> carried;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    std::vector<EntityMention>& mentions = prepared.per_sentence[i];
    for (EntityMention& m : mentions) {
      m.sentence = i;
      m.start_cp = prepared.normalized.original_code_point(m.begin);
      m.end_cp = prepared.normalized.original_code_point(m.end);
      m.surface = original(document, prepared.normalized, m.begin, m.surface_end);
    }
    const bool same_paragraph = i > 0 && text.substr(spans[i - 1].end, spans[i].begin - spans[i - 1].end).find('\n') ==
                                             std::string_view::npos;
    if (!same_paragraph) carried.clear();
    inputs.emplace_back(prepared.sentence(i), spans[i].begin, mentions, first_index, i, std::move(carried));
    carried.clear();
    for (const std::size_t s : relations_.subjects(inputs.back())) {
      carried.push_back({mentions[s - first_index], s});
    }
    first_index += mentions.size();
  }
  return inputs;
}

DocumentResult Extractor::assemble(const Document& document, Prepared& prepared,
                                   std::vector<std::vector<RelationMention>> relations, Trace* trace) {
  DocumentResult result;
  result.doc_id = document.id;
  result.date = document.date;
  const std::vector<Span>& spans = prepared.spans;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    result.sentences.push_back({spans[i], original(document, prepared.normalized, spans[i].begin, spans[i].end)});
    for (EntityMention& m : prepared.per_sentence[i]) result.entities.push_back(std::move(m));
    for (RelationMention& r : relations[i]) {
      if (r.first_sentence != i) r.evidence = original(document, prepared.normalized, spans[r.first_sentence].begin, spans[i].end);
      result.relations.push_back(std::move(r));
    }
  }

  drop_entities(result, resolver_.resolve(result.entities), trace);

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
