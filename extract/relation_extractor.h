// RelationExtractor: one sentence and its entity mentions -> relation mentions.
//
// The sentence is encoded with placeholders (placeholder.h); one RE2::Set
// pass picks the relation rules that can match, and only those run with
// submatches. Each match emits the rule's relations: every entity of the
// right type inside the `subject` group with every one inside the `object`
// group (so lists like "인텔과 퀄컴, 구글" yield one fact per member), or every
// pair inside a `parties` group for symmetric relations. A rule's `unless`
// pattern (a denial, a negation) found from the match to the end of the
// sentence cancels the match. Not thread-safe (it remembers rules' capture
// groups): one per thread.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extract/mentions.h"
#include "extract/rules.h"
#include "extract/submatch_cache.h"
#include "extract/trace.h"

namespace relgraph {

// A mention carried over from the sentence before, with its document index.
struct CarriedMention {
  EntityMention mention;
  std::size_t index;
};

struct SentenceRelations {
  std::vector<RelationMention> relations;
  // Document indices of this sentence's subject (macro SUBJECT), which the
  // next sentence may carry over.
  std::vector<std::size_t> subjects;
};

class RelationExtractor {
 public:
  // `groups` remembers the rules' capture groups (submatch_cache.h); it may
  // be shared with other threads' stages. Null: one of its own.
  explicit RelationExtractor(std::shared_ptr<const Rules> rules, std::shared_ptr<SubmatchCache> groups = nullptr)
      : rules_(std::move(rules)), groups_(groups ? std::move(groups) : std::make_shared<SubmatchCache>()) {}

  // `mentions` are the sentence's mentions in text order and are
  // mentions[0] .. of the document list starting at `first_index`. When the
  // sentence has no subject of its own (macro HAS_SUBJECT), `carried` (the
  // previous sentence's subject) is written in front of it and relations
  // with a carried end get first_sentence = sentence_index - 1.
  // A trace, when given, learns the encoded sentence, the rules that matched
  // it, and the matches that yielded nothing.
  SentenceRelations extract(std::string_view sentence, std::size_t offset, const std::vector<EntityMention>& mentions,
                            std::size_t first_index, std::size_t sentence_index,
                            const std::vector<CarriedMention>& carried = {}, Trace* trace = nullptr);

 private:
  // Whether the encoded sentence names a subject of its own (macro
  // HAS_SUBJECT), not counting words that refer back ("회사는").
  bool has_own_subject(std::string_view encoded) const;

  std::shared_ptr<const Rules> rules_;
  std::shared_ptr<SubmatchCache> groups_;  // the rules' capture groups by match text
};

}  // namespace relgraph
