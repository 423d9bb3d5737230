#include "extract/relation_extractor.h"

#include <algorithm>
#include <stdexcept>

#include "extract/encoded_sentence.h"
#include "extract/placeholder.h"
#include "extract/utf8.h"

namespace relgraph {

namespace {

// Mention indices of the given type inside a captured group.
std::vector<std::size_t> entities_in(const re2::StringPiece& group, EntityType type) {
  std::vector<std::size_t> out;
  if (group.data() == nullptr) return out;
  for (const PlaceholderRef& ref : find_placeholders(std::string_view(group.data(), group.size()))) {
    if (ref.type == type) out.push_back(ref.index);
  }
  return out;
}

std::string trimmed(std::string text) {
  const auto first = text.find_first_not_of(" \n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \n");
  return text.substr(first, last - first + 1);
}

}  // namespace

bool RelationExtractor::has_own_subject(std::string_view encoded) const {
  const RE2* has_subject = rules_->has_subject_regex();
  if (!has_subject) return true;  // no macro: never carry a subject over
  const re2::StringPiece text(encoded.data(), encoded.size());
  re2::StringPiece match;
  std::size_t pos = 0;
  while (pos < encoded.size() && has_subject->Match(text, pos, encoded.size(), RE2::UNANCHORED, &match, 1)) {
    // The matched word without its particle; a word like "회사는" refers back and does not count.
    std::string_view word(match.data(), match.size());
    while (!word.empty() && (word.front() == ' ' || word.front() == '\n')) word.remove_prefix(1);
    while (!word.empty() && std::string_view(" ?!.,\n").find(word.back()) != std::string_view::npos) word.remove_suffix(1);
    const std::size_t stem = rules_->particles().stem_length(word, {});
    if (!rules_->is_anaphoric_subject(word.substr(0, stem))) return true;
    pos = static_cast<std::size_t>(match.data() - encoded.data()) + match.size();
    if (match.empty()) break;
  }
  return false;
}

std::vector<std::size_t> RelationExtractor::subjects(const Sentence& sentence) {
  std::vector<std::size_t> found;
  const RE2* subject = rules_->subject_regex();
  // The subject is read off its placeholders: a sentence without a mention
  // has none to give, whatever the pattern matches (most sentences).
  if (!subject || sentence.mentions->empty()) return found;
  const std::string_view text = sentence.encoding.text();
  const auto group = static_cast<std::size_t>(subject->NamedCapturingGroups().at("subject"));
  std::vector<re2::StringPiece> captured(group + 1);
  if (groups_->match(*subject, text, 0, captured.data(), static_cast<int>(group + 1))) {
    const std::string_view subject_text(captured[group].data(), captured[group].size());
    for (const PlaceholderRef& ref : find_placeholders(subject_text)) {
      if (ref.index < sentence.mentions->size()) found.push_back(sentence.first_index + ref.index);
    }
  }
  return found;
}

// The carried subject written in front of a sentence that has none of its
// own. Without one the sentence's own mentions and encoding are used as they
// are (no copy, one encoding).
struct RelationExtractor::Carry {
  const std::vector<EntityMention>& mentions_of(const Sentence& s) const { return count ? mentions : *s.mentions; }

  std::vector<EntityMention> mentions;  // the carried ones, then the sentence's own
  std::size_t count = 0;                // carried mentions in front
};

std::vector<std::vector<RelationMention>> RelationExtractor::extract_all(std::vector<Sentence> sentences,
                                                                         Trace* trace) {
  const std::size_t n = sentences.size();
  if (trace && n > 1) throw std::invalid_argument("RelationExtractor: a trace follows one sentence at a time");
  std::vector<std::vector<RelationMention>> found(n);
  std::vector<Carry> carries(n);
  std::vector<std::vector<std::size_t>> picked(rules_->relation_rules().size());  // per rule: its sentences
  for (std::size_t i = 0; i < n; ++i) {
    Sentence& s = sentences[i];
    Carry& carry = carries[i];
    if (!s.carried.empty() && !has_own_subject(s.encoding.text())) {
      carry.count = s.carried.size();
      for (const CarriedMention& c : s.carried) carry.mentions.push_back(c.mention);
      carry.mentions.insert(carry.mentions.end(), s.mentions->begin(), s.mentions->end());
      s.encoding = EncodedSentence(s.text, s.offset, carry.mentions, carry.count);
    }
    if (trace) trace->sentences.push_back({std::string(s.encoding.text()), {}});
    if (carry.mentions_of(s).size() < 2) continue;  // every relation needs two named ends
    for (const int hit : rules_->candidate_relation_rules(s.encoding.text())) {
      picked[static_cast<std::size_t>(hit)].push_back(i);
    }
  }
  // Rule by rule, in rule order, as EntityRecognizer::recognize_all: each
  // sentence still gets its relations in rule order.
  for (std::size_t r = 0; r < picked.size(); ++r) {
    for (const std::size_t i : picked[r]) {
      add_relations(rules_->relation_rules()[r], sentences[i], carries[i], found[i], trace);
    }
  }
  return found;
}

void RelationExtractor::add_relations(const RelationRule& rule, const Sentence& sentence, const Carry& carried_in,
                                      std::vector<RelationMention>& out, Trace* trace) {
  const std::vector<EntityMention>& mentions = carried_in.mentions_of(sentence);
  const EncodedSentence& encoding = sentence.encoding;
  const std::size_t carry = carried_in.count;
  const std::vector<CarriedMention>& carried = sentence.carried;
  const std::size_t sentence_index = sentence.index;
  // Mention i of `mentions` is entity doc_index(i) of the document.
  auto doc_index = [&](std::size_t i) { return i < carry ? carried[i].index : sentence.first_index + (i - carry); };
  const std::string_view encoded = encoding.text();
  const re2::StringPiece text(encoded.data(), encoded.size());
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(rule.regex->NumberOfCapturingGroups()) + 1);
  std::size_t pos = 0;
  bool first_match = true;  // the set only says the rule may match; a trace lists the rules that did
  while (pos <= encoded.size() && match_rule(*groups_, rule, encoded, pos, groups.data(),
                                             static_cast<int>(groups.size()))) {
    if (trace && first_match) trace->sentences.back().rules.push_back(rule.id);
    first_match = false;
    const std::string_view match(groups[0].data(), groups[0].size());
    const auto match_begin = static_cast<std::size_t>(groups[0].data() - encoded.data());
    const bool denied = rule.unless && RE2::PartialMatch(text.substr(match_begin), *rule.unless);
    if (denied && trace) {
      trace->dropped_relations.push_back({sentence_index, rule.emits.front().relation, "", "", rule.id,
                                          "matched \"" + encoding.decode(match, mentions) +
                                              "\" but the sentence denies or negates it (unless)"});
    }

    for (const RelationRule::Emit& emit : denied ? std::vector<RelationRule::Emit>{} : rule.emits) {
      const RelationSpec& s = spec(emit.relation);
      std::string role;
      if (emit.role) {
        const re2::StringPiece& g = groups[static_cast<std::size_t>(emit.role)];
        if (g.data() != nullptr) role = trimmed(encoding.decode(std::string_view(g.data(), g.size()), mentions));
      }
      const std::size_t before = out.size();
      // "@title": each person's own title, written right after the person.
      auto title_after = [&](std::size_t person) -> std::string {
        const RE2* title = rules_->title_after_person_regex();
        if (!title || mentions[person].type != EntityType::kPerson) return {};
        for (const PlaceholderRef& ref : find_placeholders(encoded)) {
          if (ref.index != person) continue;
          const auto group = static_cast<std::size_t>(title->NamedCapturingGroups().at("TITLE"));
          std::vector<re2::StringPiece> found(group + 1);
          if (!rules_->may_have_title_at(encoded, ref.end) ||
              !title->Match(text, ref.end, encoded.size(), RE2::ANCHOR_START, found.data(), static_cast<int>(group + 1))) {
            return {};
          }
          return trimmed(encoding.decode(std::string_view(found[group].data(), found[group].size()), mentions));
        }
        return {};
      };
      auto add = [&](std::size_t subject, std::size_t object) {
        if (subject == object || subject >= mentions.size() || object >= mentions.size()) return;
        const bool spans_two = subject < carry || object < carry;
        std::string this_role = role;
        if (emit.role_after_person) {
          this_role = title_after(mentions[subject].type == EntityType::kPerson ? subject : object);
        }
        out.push_back({emit.relation, doc_index(subject), doc_index(object), this_role, sentence_index, rule.id,
                       spans_two ? sentence_index - 1 : sentence_index, ""});
      };
      if (emit.parties) {
        const auto parties = entities_in(groups[static_cast<std::size_t>(emit.parties)], s.subject);
        for (std::size_t i = 0; i < parties.size(); ++i) {
          for (std::size_t j = i + 1; j < parties.size(); ++j) add(parties[i], parties[j]);
        }
      } else {
        const auto subjects = entities_in(groups[static_cast<std::size_t>(emit.subject)], s.subject);
        const auto objects = entities_in(groups[static_cast<std::size_t>(emit.object)], s.object);
        for (const std::size_t subject : subjects) {
          for (const std::size_t object : objects) add(subject, object);
        }
      }
      if (trace && out.size() == before) {
        trace->dropped_relations.push_back({sentence_index, emit.relation, "", "", rule.id,
                                            "matched \"" + std::string(encoding.decode(match, mentions)) +
                                                "\" but found no " + std::string(name(s.subject)) + " and " +
                                                std::string(name(s.object)) + " to pair"});
      }
    }

    // Resume after the first placeholder of the match so that a later
    // entity can start the next match; always move forward.
    const auto refs = find_placeholders(match);
    std::size_t next = match_begin + (refs.empty() ? match.size() : refs.front().end);
    if (next <= pos) {
      if (pos >= encoded.size()) break;
      next = pos;
      utf8::next(encoded, next);
    }
    pos = next;
  }
}

}  // namespace relgraph
