// EncodedSentence: a sentence with its entity mentions replaced by
// placeholders (see placeholder.h), the text rules match against, plus the
// way back from positions in it to positions in the sentence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/mentions.h"

namespace relgraph {

class EncodedSentence {
 public:
  // `mentions` lie inside the sentence, sorted by begin, not overlapping;
  // their offsets are relative to the document, `offset` is the sentence's
  // start in it. Mention i becomes placeholder index i. The first `carried`
  // mentions are not in the sentence: they are the subject carried over from
  // the sentence before, written in front as a list with its particle
  // ("⟦ORG#0⟧과 ⟦ORG#1⟧는 " + the sentence).
  EncodedSentence(std::string_view sentence, std::size_t offset, const std::vector<EntityMention>& mentions,
                  std::size_t carried = 0);

  // The sentence itself when it has no mentions and no stray brackets (then
  // no copy is made: most sentences, each encoded once per layer).
  std::string_view text() const { return copied_ ? std::string_view(text_) : sentence_; }

  // The sentence-relative offset of an encoded position that is not inside a
  // placeholder (0 inside the carried prefix).
  std::size_t source_offset(std::size_t encoded_pos) const;

  // `encoded` (a piece of text()) with every placeholder replaced by the
  // mention's name, for attributes such as a role.
  std::string decode(std::string_view encoded, const std::vector<EntityMention>& mentions) const;

 private:
  struct Piece {
    std::size_t encoded_begin;
    std::size_t encoded_end;
    std::size_t source_begin;
    std::size_t source_end;
  };
  std::string text_;            // the encoded text, when it differs from the sentence
  std::string_view sentence_;   // the sentence, when it is its own encoding
  bool copied_ = true;
  std::size_t prefix_ = 0;  // bytes of the carried subject in front
  std::vector<Piece> placeholders_;
};

}  // namespace relgraph
