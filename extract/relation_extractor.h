// RelationExtractor: sentences and their entity mentions -> relation mentions.
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

#include "extract/encoded_sentence.h"
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

class RelationExtractor {
 public:
  // `groups` remembers the rules' capture groups (submatch_cache.h); it may
  // be shared with other threads' stages. Null: one of its own.
  explicit RelationExtractor(std::shared_ptr<const Rules> rules, std::shared_ptr<SubmatchCache> groups = nullptr)
      : rules_(std::move(rules)), groups_(groups ? std::move(groups) : std::make_shared<SubmatchCache>()) {}

  // One sentence and its entity mentions. `mentions` are in text order and
  // are mentions[0] .. of the document's list starting at `first_index`.
  // When the sentence has no subject of its own (macro HAS_SUBJECT),
  // `carried` (the previous sentence's subjects) is written in front of it
  // and relations with a carried end get first_sentence = index - 1.
  struct Sentence {
    Sentence(std::string_view text, std::size_t offset, const std::vector<EntityMention>& mentions,
             std::size_t first_index, std::size_t index, std::vector<CarriedMention> carried = {})
        : text(text), offset(offset), mentions(&mentions), first_index(first_index), index(index),
          carried(std::move(carried)), encoding(text, offset, mentions) {}

    std::string_view text;
    std::size_t offset;  // where it starts in the document's normalized text
    const std::vector<EntityMention>* mentions;
    std::size_t first_index;
    std::size_t index;  // the sentence's index in its document
    std::vector<CarriedMention> carried;
    EncodedSentence encoding;  // with its own mentions as placeholders
  };

  // The relations each sentence states, in rule order. Stage by stage, as
  // EntityRecognizer::recognize_all: the relation set over every sentence,
  // then each rule over the sentences the set picked for it, so that each
  // automaton runs many times in a row while its states are in the CPU's
  // caches. A trace, when given, learns the encoded sentence, the rules
  // that matched it and the matches that yielded nothing; with a trace, at
  // most one sentence.
  std::vector<std::vector<RelationMention>> extract_all(std::vector<Sentence> sentences, Trace* trace = nullptr);

  // Document indices of the sentence's subject (macro SUBJECT), which the
  // next sentence may carry over.
  std::vector<std::size_t> subjects(const Sentence& sentence);

 private:
  // Whether the encoded sentence names a subject of its own (macro
  // HAS_SUBJECT), not counting words that refer back ("회사는").
  bool has_own_subject(std::string_view encoded) const;

  struct Carry;
  // The relations of one rule's matches in one sentence.
  void add_relations(const RelationRule& rule, const Sentence& sentence, const Carry& carry,
                     std::vector<RelationMention>& out, Trace* trace);

  std::shared_ptr<const Rules> rules_;
  std::shared_ptr<SubmatchCache> groups_;  // the rules' capture groups by match text
};

}  // namespace relgraph
