// EntityRecognizer: one sentence -> its entity mentions.
//
// Recognition runs in layers. Layer 0 is the gazetteer; then each layer of
// entity rules (rules.h) runs on the sentence with the mentions found so far
// already replaced by placeholders, so later rules can use earlier mentions
// as context ("{PERSON} {ORG} 대표" finds the person after the company is known).
// Names a document has already introduced (see Extractor) join the
// gazetteer in layer 0. Within a layer overlapping candidates are settled
// longest first, then by rule order (gazetteer, document names, rules). A
// candidate is dropped when its name, or its name without a final particle,
// is a stop word, or when it has fewer than two characters or no letter; a
// rule that names several entities in one match yields all or none of them.
// A rule marked "absorb" may name a span that encloses names found in
// earlier layers; they give way to it ('이매진 위드 메타 AI' is one product). A name followed by a
// parenthesised alias ("엔트로픽(Anthropic)") keeps it as an alias and the
// parenthesis becomes part of the mention's span.
// Not thread-safe (it remembers rules' capture groups): one per thread.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extract/mentions.h"
#include "extract/rules.h"
#include "extract/submatch_cache.h"
#include "extract/trace.h"

namespace relgraph {

// The `rule` of mentions found by the gazetteer and by a document's own names.
inline constexpr std::string_view kGazetteerRule = "gazetteer";
inline constexpr std::string_view kDocumentRule = "document";

class EntityRecognizer {
 public:
  // `groups` remembers the rules' capture groups (submatch_cache.h); it may
  // be shared with other threads' stages. Null: one of its own.
  explicit EntityRecognizer(std::shared_ptr<const Rules> rules, std::shared_ptr<SubmatchCache> groups = nullptr)
      : rules_(std::move(rules)), groups_(groups ? std::move(groups) : std::make_shared<SubmatchCache>()) {}

  // Mentions in `sentence`, which starts at `offset` in the document's
  // normalized text; offsets of the result are document offsets. Names are
  // as written (see EntityResolver for canonical names).
  // `document_names` and `trace` may be null; a trace learns every refused candidate and why.
  std::vector<EntityMention> recognize(std::string_view sentence, std::size_t offset,
                                       const Gazetteer* document_names = nullptr, Trace* trace = nullptr);

  struct Sentence {
    std::string_view text;
    std::size_t offset;  // where it starts in the document's normalized text
    const Gazetteer* document_names = nullptr;
  };
  // recognize() of each sentence, the same mentions, found stage by stage:
  // a layer's rule set over every sentence, then each rule over the
  // sentences its set picked, one rule after another. Each RE2 automaton then
  // runs many times in a row while its states are still in the CPU's caches;
  // sentence by sentence, the automata of some 20 sets and 100 rules took
  // turns and each found its states evicted by the others (BENCHMARKS.md).
  // A trace follows one sentence: with a trace, at most one sentence.
  std::vector<std::vector<EntityMention>> recognize_all(const std::vector<Sentence>& sentences,
                                                        Trace* trace = nullptr);

 private:
  struct Candidate {
    EntityType type;
    std::size_t begin;  // sentence offsets
    std::size_t end;
    std::size_t priority;  // lower wins a tie in length
    std::string_view rule;
    bool reference = false;
    bool absorb = false;  // replaces the mentions it encloses
  };

  // `cache`: see Gazetteer::find; null for a gazetteer that may not outlive groups_.
  void add_gazetteer_candidates(const Gazetteer& gazetteer, SubmatchCache* cache, std::string_view rule,
                                std::size_t priority, std::string_view sentence, std::vector<Candidate>& out,
                                Trace* trace) const;
  // The candidates of one rule's matches in one sentence.
  void add_rule_candidates(const EntityRule& rule, std::string_view sentence, const class EncodedSentence& encoding,
                           std::vector<Candidate>& out, Trace* trace);
  // Why the candidate cannot be a name, or null when it can. Trims the
  // candidate and, with strip_particle, cuts its particle off.
  const char* refusal(std::string_view sentence, Candidate& candidate, bool strip_particle) const;
  // A surname reference needs only to be Hangul and followed by its title.
  static const char* reference_refusal(std::string_view sentence, const Candidate& candidate);
  // Settles one layer's candidates against the sentence's `mentions` so far
  // (empty, or as the previous call left them) and adds the winners.
  void accept(std::string_view sentence, std::size_t offset, std::vector<Candidate> candidates,
              std::vector<EntityMention>& mentions, Trace* trace) const;

  std::shared_ptr<const Rules> rules_;
  std::shared_ptr<SubmatchCache> groups_;  // the rules' capture groups by match text
};

}  // namespace relgraph
