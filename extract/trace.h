// Trace: what extraction did with one document and why, for
// `relgraph explain`. Stages record into a Trace when given one; without it
// they record nothing and pay nothing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/schema.h"

namespace relgraph {

struct Trace {
  // An entity candidate a rule proposed and extraction refused.
  struct RefusedEntity {
    std::size_t sentence;
    EntityType type;
    std::string name;
    std::string_view rule;
    std::string reason;
  };
  // A relation a rule produced that did not reach the result.
  struct DroppedRelation {
    std::size_t sentence;
    Relation relation;
    std::string subject;
    std::string object;
    std::string_view rule;
    std::string reason;
  };
  // What relation rules saw in one sentence.
  struct SentenceView {
    std::string encoded;                  // the sentence with placeholders
    std::vector<std::string_view> rules;  // relation rules whose pattern matched it
  };

  // A line skipped as web boilerplate.
  struct SkippedLine {
    std::string text;
    std::string_view rule;
  };

  std::size_t sentence = 0;  // the sentence being processed; set by Extractor
  std::vector<SentenceView> sentences;
  std::vector<SkippedLine> skipped_lines;
  std::vector<RefusedEntity> refused_entities;
  std::vector<DroppedRelation> dropped_relations;

  void refuse(EntityType type, std::string_view name, std::string_view rule, std::string reason) {
    refused_entities.push_back({sentence, type, std::string(name), rule, std::move(reason)});
  }
  // Forget what was recorded about sentence `s` (it is being recognised again).
  void forget_entities_of(std::size_t s) {
    std::erase_if(refused_entities, [s](const RefusedEntity& r) { return r.sentence == s; });
  }
};

}  // namespace relgraph
