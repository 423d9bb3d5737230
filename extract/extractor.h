// Extractor: the extraction pipeline for one document.
//
//   Document --Normalizer--> normalized text --SentenceSplitter--> sentences
//            --EntityRecognizer--> entity mentions --EntityResolver--> canonical names
//            --RelationExtractor--> relation mentions            = DocumentResult
//
// Entity recognition makes two passes over a document: a name that rules
// found in one sentence ("스타트업 메디로그가") is then recognised in every
// sentence of the document ("메디로그(대표 윤가람)는"), as mentions with rule
// "document".
//
// Each stage only reads what the stage before produced. Last, a relation of
// an entity with itself and repeats within a sentence are dropped, and an
// explicit "former" fact overrides a "current" one for the same pair in the
// same sentence. An Extractor holds
// ICU state and is not thread-safe: use one per thread; they can share Rules
// and the cache of the rules' capture groups (submatch_cache.h), which
// learns faster shared: a name one thread has met is known to all.
//
//   auto rules = Rules::load("rules");
//   Extractor extractor(rules);
//   DocumentResult result = extractor.extract(document);
#pragma once

#include <memory>

#include "extract/document.h"
#include "extract/entity_recognizer.h"
#include "extract/entity_resolver.h"
#include "extract/mentions.h"
#include "extract/normalizer.h"
#include "extract/relation_extractor.h"
#include "extract/rules.h"
#include "extract/sentence_splitter.h"
#include "extract/trace.h"

namespace relgraph {

class Extractor {
 public:
  // Null `groups`: a cache of its own, of SubmatchCache's default size.
  explicit Extractor(std::shared_ptr<const Rules> rules, std::shared_ptr<SubmatchCache> groups = nullptr);

  // With a trace, also records what each stage refused and why (`relgraph explain`).
  DocumentResult extract(const Document& document, Trace* trace = nullptr);
  // extract() of each document, the same results, faster for many short
  // documents: each stage that runs rules runs over all their sentences at
  // once (EntityRecognizer::recognize_all, RelationExtractor::extract_all),
  // so each rule's automaton works on many sentences in a row while its
  // states are in the CPU's caches.
  std::vector<DocumentResult> extract_all(const std::vector<const Document*>& documents);

  const Rules& rules() const { return *rules_; }

 private:
  // A document on its way: its text made ready for the rules (normalized,
  // split into sentences, boilerplate lines left out), then its entity
  // mentions per sentence.
  struct Prepared {
    NormalizedText normalized;
    std::vector<Span> spans;
    std::vector<std::vector<EntityMention>> per_sentence;
    std::string_view sentence(std::size_t i) const {
      return normalized.text().substr(spans[i].begin, spans[i].end - spans[i].begin);
    }
  };
  Prepared prepare(const Document& document, Trace* trace);
  // Extraction of prepared documents, each stage over all their sentences at once.
  std::vector<DocumentResult> extract_prepared(const std::vector<const Document*>& documents,
                                               const std::vector<Prepared*>& prepared);
  // The second entity pass: the document's own names where the first missed them.
  void recognize_again(Prepared& prepared, Trace* trace = nullptr);
  // Places each mention in its sentence and the original text, and gives
  // each sentence what relation rules need (its mentions, the subject it
  // may carry over from the sentence before).
  std::vector<RelationExtractor::Sentence> relation_inputs(const Document& document, Prepared& prepared);
  // The result from the mentions and each sentence's relations: then
  // canonical names and clean-up.
  DocumentResult assemble(const Document& document, Prepared& prepared,
                          std::vector<std::vector<RelationMention>> relations, Trace* trace = nullptr);

  std::shared_ptr<const Rules> rules_;
  Normalizer normalizer_;
  SentenceSplitter splitter_;
  std::shared_ptr<SubmatchCache> groups_;  // shared by the two stages that run rules
  EntityRecognizer recognizer_;
  EntityResolver resolver_;
  RelationExtractor relations_;
};

}  // namespace relgraph
