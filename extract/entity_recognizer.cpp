#include "extract/entity_recognizer.h"

#include <algorithm>
#include <stdexcept>

#include "extract/encoded_sentence.h"
#include "extract/placeholder.h"
#include "extract/utf8.h"

namespace relgraph {

namespace {

// Longer "names" are sentence fragments a loose rule caught, not names.
constexpr std::size_t kMaxNameCodePoints = 40;

bool is_space(char c) { return c == ' ' || c == '\n'; }

bool has_name_char(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (utf8::is_name_char(utf8::next(text, pos))) return true;
  }
  return false;
}

// The position after the code point at pos.
std::size_t next_char(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return pos + 1;
  utf8::next(text, pos);
  return pos;
}

}  // namespace

std::vector<EntityMention> EntityRecognizer::recognize(std::string_view sentence, std::size_t offset,
                                                       const Gazetteer* document_names, Trace* trace) {
  return std::move(recognize_all({{sentence, offset, document_names}}, trace).front());
}

std::vector<std::vector<EntityMention>> EntityRecognizer::recognize_all(const std::vector<Sentence>& sentences,
                                                                        Trace* trace) {
  const std::size_t n = sentences.size();
  if (trace && n > 1) throw std::invalid_argument("EntityRecognizer: a trace follows one sentence at a time");
  std::vector<std::vector<EntityMention>> mentions(n);
  std::vector<std::vector<Candidate>> candidates(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Sentence& s = sentences[i];
    add_gazetteer_candidates(rules_->gazetteer(), groups_.get(), kGazetteerRule, 0, s.text, candidates[i], trace);
    if (s.document_names) {  // one document's: gone before the cache is
      add_gazetteer_candidates(*s.document_names, nullptr, kDocumentRule, 1, s.text, candidates[i], trace);
    }
    accept(s.text, s.offset, std::move(candidates[i]), mentions[i], trace);
    candidates[i].clear();  // moved from: empty it for the layers
  }
  std::vector<EncodedSentence> encodings;
  encodings.reserve(n);
  std::vector<std::vector<std::size_t>> picked;  // per rule of the layer: the sentences its set picked it for
  for (const EntityLayer& layer : rules_->entity_layers()) {
    encodings.clear();
    picked.assign(layer.rules.size(), {});
    for (std::size_t i = 0; i < n; ++i) {
      encodings.emplace_back(sentences[i].text, sentences[i].offset, mentions[i]);
      for (const int hit : rules_->candidate_entity_rules(layer, encodings[i].text())) {
        picked[static_cast<std::size_t>(hit)].push_back(i);
      }
    }
    // Rule by rule, in rule order: each sentence still gets its candidates
    // in the order a sentence-by-sentence run would give them.
    for (std::size_t r = 0; r < layer.rules.size(); ++r) {
      for (const std::size_t i : picked[r]) {
        add_rule_candidates(*layer.rules[r], sentences[i].text, encodings[i], candidates[i], trace);
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      accept(sentences[i].text, sentences[i].offset, std::move(candidates[i]), mentions[i], trace);
      candidates[i].clear();
    }
  }
  return mentions;
}

void EntityRecognizer::add_gazetteer_candidates(const Gazetteer& gazetteer, SubmatchCache* cache,
                                                std::string_view rule, std::size_t priority,
                                                std::string_view sentence, std::vector<Candidate>& out,
                                                Trace* trace) const {
  for (const Gazetteer::Hit& hit : gazetteer.find(sentence, cache)) {
    Candidate candidate{hit.entry->type, hit.begin, hit.end, priority, rule};
    if (const char* why = refusal(sentence, candidate, false)) {
      if (trace) trace->refuse(candidate.type, sentence.substr(hit.begin, hit.end - hit.begin), rule, why);
    } else {
      out.push_back(candidate);
    }
  }
}

void EntityRecognizer::add_rule_candidates(const EntityRule& rule, std::string_view sentence,
                                           const EncodedSentence& encoding, std::vector<Candidate>& out,
                                           Trace* trace) {
  const std::string_view encoded = encoding.text();
  const std::size_t priority = static_cast<std::size_t>(&rule - rules_->entity_rules().data()) + 2;
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(rule.regex->NumberOfCapturingGroups()) + 1);
  std::size_t pos = 0;
  while (pos <= encoded.size() && match_rule(*groups_, rule, encoded, pos, groups.data(),
                                             static_cast<int>(groups.size()))) {
    const auto match_begin = static_cast<std::size_t>(groups[0].data() - encoded.data());
    std::size_t resume = std::string_view::npos;
    // A match is one unit: if one of its names is refused, so are the others
    // ("신제품(대표 모델)" names neither a company nor a person).
    std::vector<Candidate> found;
    const char* why = nullptr;
    for (const EntityRule::Group& group : rule.groups) {
      const re2::StringPiece& g = groups[static_cast<std::size_t>(group.index)];
      if (g.data() == nullptr || g.empty()) continue;
      const auto begin = static_cast<std::size_t>(g.data() - encoded.data());
      resume = std::min(resume, begin + g.size());
      const std::string_view piece(g.data(), g.size());
      Candidate candidate{group.type, encoding.source_offset(begin), encoding.source_offset(begin + g.size()),
                          priority, rule.id, group.reference, rule.absorb};
      if (contains_placeholder(piece) && !rule.absorb) {
        why = "it contains another entity";
      } else if (group.reference) {
        why = reference_refusal(sentence, candidate);
      } else {
        why = refusal(sentence, candidate, rule.strip_particle);
      }
      if (why) {
        if (trace) trace->refuse(group.type, piece, rule.id, why);
        break;
      }
      found.push_back(candidate);
    }
    if (!why) {
      out.insert(out.end(), found.begin(), found.end());
    } else if (trace) {
      for (const Candidate& c : found) {
        trace->refuse(c.type, sentence.substr(c.begin, c.end - c.begin), rule.id,
                      "another name in the same match was refused");
      }
    }
    // Resume after the first name found, so a name can also serve as the
    // context of the next match; always move forward by one character.
    const std::size_t at_least = next_char(encoded, match_begin);
    pos = resume == std::string_view::npos ? at_least : std::max(resume, at_least);
  }
}

const char* EntityRecognizer::refusal(std::string_view sentence, Candidate& candidate, bool strip_particle) const {
  while (candidate.begin < candidate.end && is_space(sentence[candidate.begin])) ++candidate.begin;
  while (candidate.end > candidate.begin && is_space(sentence[candidate.end - 1])) --candidate.end;
  std::string_view name = sentence.substr(candidate.begin, candidate.end - candidate.begin);
  // A particle right after the name ("퀀텀라인|은") means the name holds none
  // of its own: a word does not end in two ("퀀텀라" + "인" + "은" is wrong).
  if (strip_particle && rules_->particles().particle_at(sentence, candidate.end) == 0) {
    candidate.end = candidate.begin + rules_->particles().stem_length(name, rules_->known_names());
    name = sentence.substr(candidate.begin, candidate.end - candidate.begin);
  }
  const std::size_t length = utf8::count_code_points(name);
  if (length < 2) return "shorter than two characters";
  if (length > kMaxNameCodePoints) return "too long to be a name";
  if (!has_name_char(name)) return "no letter or digit";
  if (rules_->is_stopword(name)) return "a stop word or title";
  // Many given names end in a syllable that is also a particle ("허다인", "이유나"):
  // such a person's name is taken whole by the two checks on particles below.
  const bool whole_name = candidate.type == EntityType::kPerson && rules_->is_name_with_particle_ending(name);
  // A Korean name (one word) does not end in a particle: "공모를" is 공모 + 를, not a name.
  if (candidate.type == EntityType::kPerson && name.find(' ') == std::string_view::npos &&
      !rules_->known_names().count(name) && rules_->particles().stem_length(name, {}) < name.size() && !whole_name) {
    return "a person's name does not end in a particle";
  }
  // A product of several words ending in a generic head is a description ("산업용 AI 모델").
  if (candidate.type == EntityType::kProduct) {
    const std::size_t space = name.rfind(' ');
    if (space != std::string_view::npos && rules_->is_generic_head(name.substr(space + 1))) {
      return "a description ending in a generic word, not a name";
    }
  }
  // A person's name of several words has no stop word in it ("한국 법인").
  if (candidate.type == EntityType::kPerson && name.find(' ') != std::string_view::npos) {
    for (std::size_t start = 0; start < name.size();) {
      const std::size_t space = std::min(name.find(' ', start), name.size());
      if (rules_->is_stopword(name.substr(start, space - start))) return "a word of the name is a stop word";
      start = space + 1;
    }
  }
  // "박사와" is the title 박사 with a particle, not a name.
  const std::size_t stem = rules_->particles().stem_length(name, rules_->known_names());
  if (stem < name.size() && !whole_name && rules_->is_stopword(name.substr(0, stem))) {
    return "a stop word or title with a particle";
  }
  return nullptr;
}

const char* EntityRecognizer::reference_refusal(std::string_view sentence, const Candidate& candidate) {
  std::string_view name = sentence.substr(candidate.begin, candidate.end - candidate.begin);
  std::size_t pos = 0;
  while (pos < name.size()) {
    if (!utf8::is_hangul_syllable(utf8::next(name, pos))) return "a reference must be Hangul";
  }
  return name.empty() ? "empty" : nullptr;
}

void EntityRecognizer::accept(std::string_view sentence, std::size_t offset, std::vector<Candidate> candidates,
                              std::vector<EntityMention>& mentions, Trace* trace) const {
  // Nothing new (most sentences in most layers): `mentions` are as the
  // previous call left them, sorted and with their particles measured.
  if (candidates.empty()) return;
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    const std::size_t la = a.end - a.begin;
    const std::size_t lb = b.end - b.begin;
    if (la != lb) return la > lb;
    if (a.priority != b.priority) return a.priority < b.priority;
    return a.begin < b.begin;
  });
  std::vector<EntityMention> added;  // this layer's new mentions
  auto overlapping = [&](std::size_t begin, std::size_t end) -> const EntityMention* {
    for (const auto* list : {&mentions, &added}) {
      for (const EntityMention& m : *list) {
        if (begin < m.span_end - offset && m.begin - offset < end) return &m;
      }
    }
    return nullptr;
  };
  for (const Candidate& c : candidates) {
    if (c.absorb) {  // earlier names inside this one give way to it
      std::erase_if(mentions, [&](const EntityMention& m) {
        const bool inside = c.begin <= m.begin - offset && m.span_end - offset <= c.end &&
                            (m.begin - offset != c.begin || m.span_end - offset != c.end);
        if (inside && trace) trace->refuse(m.type, m.name, m.rule, "part of a longer name (" + std::string(c.rule) + ")");
        return inside;
      });
    }
    if (const EntityMention* other = overlapping(c.begin, c.end)) {
      if (trace && !(other->begin - offset == c.begin && other->end - offset == c.end && other->type == c.type)) {
        trace->refuse(c.type, sentence.substr(c.begin, c.end - c.begin), c.rule,
                      "overlaps " + other->name + " (" + std::string(other->rule) + ")");
      }
      continue;
    }
    EntityMention m;
    m.type = c.type;
    m.name = std::string(sentence.substr(c.begin, c.end - c.begin));
    m.begin = c.begin + offset;
    m.end = m.span_end = c.end + offset;
    m.rule = c.rule;
    m.reference = c.reference;
    added.push_back(std::move(m));
  }

  // A parenthesised alias right after a new name belongs to it; anything
  // found inside that parenthesis is the alias, not another mention.
  std::vector<Span> parentheses;
  if (const RE2* alias = rules_->alias_regex()) {
    const re2::StringPiece text(sentence.data(), sentence.size());
    const auto alias_group = static_cast<std::size_t>(alias->NamedCapturingGroups().at("ALIAS"));
    std::vector<re2::StringPiece> groups(alias_group + 1);
    for (EntityMention& m : added) {
      if (m.reference) continue;
      const std::size_t at = m.end - offset;
      if (!rules_->may_have_alias_at(sentence, at) ||
          !alias->Match(text, at, sentence.size(), RE2::ANCHOR_START, groups.data(), static_cast<int>(alias_group + 1))) {
        continue;
      }
      const std::string_view form(groups[alias_group].data(), groups[alias_group].size());
      if (form.empty() || rules_->is_stopword(form)) continue;
      m.aliases.emplace_back(form);
      m.span_end = offset + at + groups[0].size();
      parentheses.push_back({m.end, m.span_end});
    }
  }
  mentions.insert(mentions.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
  std::erase_if(mentions, [&](const EntityMention& m) {
    const bool inside = std::any_of(parentheses.begin(), parentheses.end(),
                                    [&](const Span& p) { return m.begin >= p.begin && m.end <= p.end; });
    if (inside && trace) trace->refuse(m.type, m.name, m.rule, "an alias in parentheses after another name");
    return inside;
  });

  for (EntityMention& m : mentions) {
    m.surface_end = m.span_end + rules_->particles().particle_at(sentence, m.span_end - offset);
  }
  std::sort(mentions.begin(), mentions.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
}

}  // namespace relgraph
