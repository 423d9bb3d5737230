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

std::vector<RelationMention> RelationExtractor::extract(std::string_view sentence, std::size_t offset,
                                                        const std::vector<EntityMention>& mentions,
                                                        std::size_t first_index, std::size_t sentence_index,
                                                        Trace* trace) const {
  std::vector<RelationMention> out;
  const EncodedSentence encoding(sentence, offset, mentions);
  const std::string_view encoded = encoding.text();
  if (trace) trace->sentences.push_back({std::string(encoded), {}});
  if (mentions.size() < 2) return out;  // every relation needs two named ends
  const re2::StringPiece text(encoded.data(), encoded.size());
  std::vector<re2::StringPiece> groups;

  for (const int hit : rules_->matching_relation_rules(encoded)) {
    const RelationRule& rule = rules_->relation_rules()[static_cast<std::size_t>(hit)];
    if (trace) trace->sentences.back().rules.push_back(rule.id);
    groups.assign(static_cast<std::size_t>(rule.regex->NumberOfCapturingGroups()) + 1, {});
    std::size_t pos = 0;
    while (pos <= encoded.size() &&
           rule.regex->Match(text, pos, encoded.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()))) {
      const std::string_view match(groups[0].data(), groups[0].size());
      const auto match_begin = static_cast<std::size_t>(groups[0].data() - encoded.data());

      for (const RelationRule::Emit& emit : rule.emits) {
        const RelationSpec& s = spec(emit.relation);
        std::string role;
        if (emit.role) {
          const re2::StringPiece& g = groups[static_cast<std::size_t>(emit.role)];
          if (g.data() != nullptr) role = trimmed(encoding.decode(std::string_view(g.data(), g.size()), mentions));
        }
        const std::size_t before = out.size();
        auto add = [&](std::size_t subject, std::size_t object) {
          if (subject == object || subject >= mentions.size() || object >= mentions.size()) return;
          out.push_back({emit.relation, first_index + subject, first_index + object, role, sentence_index, rule.id});
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
  return out;
}

}  // namespace relgraph
