// Normalizer: original article text -> the text every later stage reads.
//
// It applies, in order:
//   * line ends CR LF / CR / U+2028 / U+2029 -> LF
//   * no-break and other wide spaces (U+00A0, U+2000..U+200A, U+202F, U+205F, U+3000) and tab -> ' '
//   * zero-width characters (U+200B..U+200D, U+2060, U+FEFF) and soft hyphens -> removed
//   * full-width ASCII (U+FF01..U+FF5E) -> ASCII
//   * middle-dot variants (U+2027, U+2219, U+318D, U+30FB, U+FF65) -> U+00B7 '·'
//   * Unicode NFC (ICU), so Hangul typed as decomposed jamo (NFD) becomes syllables
//
// Every position in the normalized text maps back to the original: to a byte
// offset (to cut evidence verbatim) and to a code point offset (the offsets
// relgraph prints). A position inside a changed run maps to the run's start.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN  // ICU's namespace is versioned; `icu` is an alias
class Normalizer2;
U_NAMESPACE_END

namespace relgraph {

class NormalizedText {
 public:
  // One run of the normalized text; a `changed` run maps only at its edges.
  struct Run {
    std::uint32_t begin;          // byte offset in the normalized text
    std::uint32_t original_byte;  // byte offset in the original text
    std::uint32_t original_cp;    // code point offset in the original text
    bool changed;
  };

  NormalizedText(std::string text, std::vector<Run> runs);

  std::string_view text() const { return text_; }

  // Where byte offset `pos` of text() lies in the original text.
  std::size_t original_byte(std::size_t pos) const;
  std::size_t original_code_point(std::size_t pos) const;

 private:
  const Run& run_at(std::size_t pos) const;
  // Code points in text()[0, pos), in time independent of pos.
  std::size_t code_points_before(std::size_t pos) const;

  // Code points are counted per block of the normalized text, so a position's
  // code point offset costs one block's count, not a count from the start.
  static constexpr std::size_t kBlock = 64;

  std::string text_;
  std::vector<Run> runs_;  // sorted by begin; never empty for non-empty text
  std::vector<std::uint32_t> code_points_at_block_;  // [k]: code points in text()[0, k * kBlock)
};

class Normalizer {
 public:
  Normalizer();  // throws Error when ICU's normalization data is missing

  // `original` must be valid UTF-8 shorter than 2 GiB.
  NormalizedText normalize(std::string_view original) const;

 private:
  const icu::Normalizer2* nfc_;  // owned by ICU
};

}  // namespace relgraph
