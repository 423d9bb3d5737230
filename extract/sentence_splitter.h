// Sentence splitter: normalized text -> sentence spans.
//
// ICU's sentence BreakIterator (Korean locale) proposes the breaks; then the
// cases it gets wrong in Korean news are fixed:
//   * a full stop glued to a number: "늘었다.17일"  -> break after "다."
//   * "#." bullet markers:        "나왔다.#. SK" -> break before "#.", marker dropped
//   * quotations and brackets:    no break inside a matched “…”, "…", ‘…’, '…', (…), […], 「…」,
//                                 so a quote with several sentences stays inside its sentence
// Spans are trimmed of spaces and bullet markers; empty ones are dropped.
// A line break always ends a sentence (headlines have no full stop).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN  // ICU's namespace is versioned; `icu` is an alias
class BreakIterator;
U_NAMESPACE_END

namespace relgraph {

struct Span {
  std::size_t begin = 0;  // byte offsets into the text given to split()
  std::size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

class SentenceSplitter {
 public:
  SentenceSplitter();  // throws Error when ICU's break data is missing
  ~SentenceSplitter();
  SentenceSplitter(SentenceSplitter&&) noexcept;
  SentenceSplitter& operator=(SentenceSplitter&&) noexcept;

  // Not const: the ICU iterator is stateful. One splitter per thread.
  std::vector<Span> split(std::string_view text);

 private:
  // ICU's proposed breaks, as byte offsets into text, in order.
  std::vector<std::size_t> icu_breaks(std::string_view text);

  std::unique_ptr<icu::BreakIterator> icu_;
};

}  // namespace relgraph
