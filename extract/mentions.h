// What extraction finds in one document: entity mentions, relation mentions
// and the sentences that state them. These values are all that later stages
// (graph, output) ever see of a document.
//
// Byte offsets refer to the normalized text (normalizer.h); *_cp offsets are
// code points in the document text as given, the offsets relgraph prints.
// Rule ids are views into the Rules that produced them, which must outlive
// the results.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/schema.h"
#include "extract/sentence_splitter.h"

namespace relgraph {

struct EntityMention {
  EntityType type = EntityType::kOrg;
  std::string name;             // canonical name in this document: no particle, no title
  std::string surface;          // as written in the original text, particle included: "엘리스그룹은"
  std::size_t begin = 0;        // the name as written: [begin, end)
  std::size_t end = 0;
  std::size_t span_end = 0;     // past a parenthesised alias right after the name, if any
  std::size_t surface_end = 0;  // past the particle, if any
  std::size_t sentence = 0;     // index into DocumentResult::sentences
  std::string_view rule;        // "gazetteer" or the id of the entity rule
  std::vector<std::string> aliases;  // other names the text gives it ("Anthropic" in "엔트로픽(Anthropic)")
  bool reference = false;       // stands for an entity named earlier: "황" in "황 대표는", "동맹" in "동맹에는"
  std::size_t start_cp = 0;     // code point offsets of [begin, end) in the original text
  std::size_t end_cp = 0;
};

struct RelationMention {
  Relation relation = Relation::kHires;
  std::size_t subject = 0;  // indices into DocumentResult::entities
  std::size_t object = 0;
  std::string role;         // attrs.role, empty when the text states none
  std::size_t sentence = 0;
  std::string_view rule;
  // When one end was carried over from the sentence before (a sentence
  // without its own subject), the evidence is both sentences, verbatim.
  std::size_t first_sentence = 0;
  std::string evidence;  // set only for such two-sentence evidence
};

// The evidence of a relation: its sentence, or the two sentences it spans.
inline const std::string& evidence_of(const struct DocumentResult& result, const RelationMention& relation);

struct Sentence {
  Span span;             // in the normalized text
  std::string evidence;  // the sentence cut verbatim from the original text
};

struct DocumentResult {
  std::string doc_id;
  std::string date;  // "YYYY-MM-DD" or empty
  std::vector<Sentence> sentences;
  std::vector<EntityMention> entities;  // in text order
  std::vector<RelationMention> relations;
};

inline const std::string& evidence_of(const DocumentResult& result, const RelationMention& relation) {
  return relation.evidence.empty() ? result.sentences[relation.sentence].evidence : relation.evidence;
}

}  // namespace relgraph
