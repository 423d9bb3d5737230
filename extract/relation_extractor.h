// RelationExtractor: one sentence and its entity mentions -> relation mentions.
//
// The sentence is encoded with placeholders (placeholder.h); one RE2::Set
// pass picks the relation rules that can match, and only those run with
// submatches. Each match emits the rule's relations: every entity of the
// right type inside the `subject` group with every one inside the `object`
// group (so lists like "인텔과 퀄컴, 구글" yield one fact per member), or every
// pair inside a `parties` group for symmetric relations.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extract/mentions.h"
#include "extract/rules.h"
#include "extract/trace.h"

namespace relgraph {

class RelationExtractor {
 public:
  explicit RelationExtractor(std::shared_ptr<const Rules> rules) : rules_(std::move(rules)) {}

  // `mentions` are the sentence's mentions in text order and are
  // mentions[0] .. of the document list starting at `first_index`.
  // A trace, when given, learns the encoded sentence, the rules that matched it,
  // and the matches that yielded nothing.
  std::vector<RelationMention> extract(std::string_view sentence, std::size_t offset,
                                       const std::vector<EntityMention>& mentions, std::size_t first_index,
                                       std::size_t sentence_index, Trace* trace = nullptr) const;

 private:
  std::shared_ptr<const Rules> rules_;
};

}  // namespace relgraph
