#include "extract/relation_extractor.h"

#include <algorithm>

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

SentenceRelations RelationExtractor::extract(std::string_view sentence, std::size_t offset,
                                             const std::vector<EntityMention>& own, std::size_t first_index,
                                             std::size_t sentence_index, const std::vector<CarriedMention>& carried,
                                             Trace* trace) {
  SentenceRelations result;
  std::vector<RelationMention>& out = result.relations;

  // The sentence as rules see it; with the carried subject in front when it
  // has none of its own. Without a carried subject the mentions and the
  // encoding are the sentence's own, used as they are (no copy, one encoding).
  EncodedSentence encoding(sentence, offset, own);
  std::vector<EntityMention> with_carried;
  std::size_t carry = 0;
  if (!carried.empty() && !has_own_subject(encoding.text())) {
    carry = carried.size();
    for (const CarriedMention& c : carried) with_carried.push_back(c.mention);
    with_carried.insert(with_carried.end(), own.begin(), own.end());
  }
  if (const RE2* subject = rules_->subject_regex()) {
    const std::string_view text = encoding.text();
    const auto group = static_cast<std::size_t>(subject->NamedCapturingGroups().at("subject"));
    std::vector<re2::StringPiece> captured(group + 1);
    if (groups_->match(*subject, text, 0, captured.data(), static_cast<int>(group + 1))) {
      const std::string_view subject_text(captured[group].data(), captured[group].size());
      for (const PlaceholderRef& ref : find_placeholders(subject_text)) {
        if (ref.index < own.size()) result.subjects.push_back(first_index + ref.index);
      }
    }
  }
  const std::vector<EntityMention>& mentions = carry ? with_carried : own;
  // Mention i of `mentions` is entity doc_index(i) of the document.
  auto doc_index = [&](std::size_t i) { return i < carry ? carried[i].index : first_index + (i - carry); };
  if (carry) encoding = EncodedSentence(sentence, offset, with_carried, carry);
  const std::string_view encoded = encoding.text();
  if (trace) trace->sentences.push_back({std::string(encoded), {}});
  if (mentions.size() < 2) return result;  // every relation needs two named ends
  const re2::StringPiece text(encoded.data(), encoded.size());
  std::vector<re2::StringPiece> groups;

  for (const int hit : rules_->candidate_relation_rules(encoded)) {
    const RelationRule& rule = rules_->relation_rules()[static_cast<std::size_t>(hit)];
    groups.assign(static_cast<std::size_t>(rule.regex->NumberOfCapturingGroups()) + 1, {});
    std::size_t pos = 0;
    bool first_match = true;  // the set only says the rule may match; a trace lists the rules that did
    while (pos <= encoded.size() &&
           groups_->match(*rule.regex, encoded, pos, groups.data(), static_cast<int>(groups.size()))) {
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
            if (!title->Match(text, ref.end, encoded.size(), RE2::ANCHOR_START, found.data(), static_cast<int>(group + 1))) {
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
  return result;
}

}  // namespace relgraph
