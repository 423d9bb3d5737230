#include "extract/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <algorithm>

#include "extract/error.h"
#include "extract/utf8.h"

namespace relgraph {

namespace {

// Unchanged runs are cut into pieces of this size so that a lookup counts
// code points over at most this many bytes. Every mention's two offsets are
// looked up: with 4096-byte pieces the counting took 0.6 % of extraction's
// instructions on generated news (callgrind, -O3), with 256 it takes 0.3 %,
// for one 16-byte run per 256 bytes of text.
constexpr std::uint32_t kRunPiece = 256;

// The replacement for c in the first pass: c itself (no change), a different
// code point, or 0 to delete it. Line ends are handled by the caller.
char32_t clean_code_point(char32_t c) {
  switch (c) {
    case 0x0009:
    case 0x00A0:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return U' ';
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x00AD:
      return 0;
    case 0x2028:
    case 0x2029:
      return U'\n';
    case 0x2027:
    case 0x2219:
    case 0x318D:
    case 0x30FB:
    case 0xFF65:
      return U'·';
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return U' ';
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFF01 + 0x21;
  return c;
}

// First pass: the clean-ups above, recording edits original -> cleaned.
// `surely_nfc` says whether the cleaned text is NFC as it stands: every
// character in it is ASCII, a Hangul syllable, or one that ICU says is
// inert (NFC neither changes it nor combines it with a neighbour). None of
// those combines with what comes before it and none changes, so then no
// composition, decomposition or reordering can happen. Why here: this pass
// looks at every character that is not ASCII or a syllable anyway, and
// ICU's own check was a second pass over every byte (1 % of extraction).
std::string clean(std::string_view original, const icu::Normalizer2& nfc, icu::Edits& edits, bool& surely_nfc) {
  surely_nfc = true;
  std::string out;
  out.reserve(original.size());
  std::size_t pos = 0;
  std::size_t unchanged_from = 0;
  auto flush_unchanged = [&](std::size_t until) {
    if (until > unchanged_from) {
      out.append(original.substr(unchanged_from, until - unchanged_from));
      edits.addUnchanged(static_cast<int32_t>(until - unchanged_from));
    }
  };
  while (pos < original.size()) {
    // Characters no clean-up touches, skipped without decoding: ASCII but
    // tab and CR, and Hangul syllables (most of Korean text).
    const auto lead = static_cast<unsigned char>(original[pos]);
    if (lead < 0x80 && lead != '\t' && lead != '\r') {
      ++pos;
      continue;
    }
    if (utf8::is_hangul_syllable_at(original, pos)) {
      pos += 3;
      continue;
    }
    const std::size_t start = pos;
    char32_t c = utf8::next(original, pos);
    std::size_t consumed_to = pos;
    char32_t replacement = c;
    if (c == U'\r') {
      replacement = U'\n';
      if (pos < original.size() && original[pos] == '\n') consumed_to = ++pos;
    } else {
      replacement = clean_code_point(c);
    }
    // U+FFFD may stand for ill-formed bytes, which stay as they were: ICU decides.
    if (replacement != 0 && (replacement == U'\uFFFD' || !nfc.isInert(static_cast<UChar32>(replacement)))) {
      surely_nfc = false;
    }
    if (replacement == c && consumed_to == pos && c != U'\r') continue;
    flush_unchanged(start);
    const std::size_t before = out.size();
    if (replacement != 0) utf8::append(out, replacement);
    edits.addReplace(static_cast<int32_t>(consumed_to - start), static_cast<int32_t>(out.size() - before));
    unchanged_from = consumed_to;
  }
  flush_unchanged(original.size());
  return out;
}

std::vector<NormalizedText::Run> runs_from_edits(const icu::Edits& edits, std::string_view original,
                                            std::size_t normalized_size) {
  std::vector<NormalizedText::Run> runs;
  std::uint32_t original_cp = 0;
  auto add_unchanged = [&](std::uint32_t dest, std::uint32_t src, std::uint32_t length) {
    for (std::uint32_t done = 0; done < length; done += kRunPiece) {
      runs.push_back({dest + done, src + done, original_cp, false});
      const std::uint32_t piece = std::min(kRunPiece, length - done);
      original_cp += static_cast<std::uint32_t>(utf8::count_code_points(original.substr(src + done, piece)));
    }
  };
  if (!edits.hasChanges()) {
    add_unchanged(0, 0, static_cast<std::uint32_t>(normalized_size));
    return runs;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    const auto dest = static_cast<std::uint32_t>(it.destinationIndex());
    const auto src = static_cast<std::uint32_t>(it.sourceIndex());
    if (!it.hasChange()) {
      add_unchanged(dest, src, static_cast<std::uint32_t>(it.oldLength()));
    } else {
      runs.push_back({dest, src, original_cp, true});
      original_cp += static_cast<std::uint32_t>(
          utf8::count_code_points(original.substr(src, static_cast<std::size_t>(it.oldLength()))));
    }
  }
  return runs;
}

}  // namespace

NormalizedText::NormalizedText(std::string text, std::vector<Run> runs) : text_(std::move(text)), runs_(std::move(runs)) {
  code_points_at_block_.reserve(text_.size() / kBlock + 1);
  std::uint32_t count = 0;
  for (std::size_t block = 0; block < text_.size(); block += kBlock) {
    code_points_at_block_.push_back(count);
    count += static_cast<std::uint32_t>(utf8::count_code_points(std::string_view(text_).substr(block, kBlock)));
  }
  code_points_at_block_.push_back(count);
}

std::size_t NormalizedText::code_points_before(std::size_t pos) const {
  pos = std::min(pos, text_.size());
  const std::size_t block = pos / kBlock;
  return code_points_at_block_[block] +
         utf8::count_code_points(std::string_view(text_).substr(block * kBlock, pos - block * kBlock));
}

const NormalizedText::Run& NormalizedText::run_at(std::size_t pos) const {
  // The last run that begins at or before pos. Zero-length runs (deletions)
  // share their begin with the next run; upper_bound skips past them.
  auto it = std::upper_bound(runs_.begin(), runs_.end(), pos,
                             [](std::size_t p, const Run& run) { return p < run.begin; });
  return *(it - 1);
}

std::size_t NormalizedText::original_byte(std::size_t pos) const {
  if (runs_.empty()) return pos;
  const Run& run = run_at(pos);
  if (run.changed) return run.original_byte;
  return run.original_byte + (pos - run.begin);
}

std::size_t NormalizedText::original_code_point(std::size_t pos) const {
  if (runs_.empty()) return code_points_before(pos);
  const Run& run = run_at(pos);
  if (run.changed) return run.original_cp;
  return run.original_cp + (code_points_before(pos) - code_points_before(run.begin));
}

Normalizer::Normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfc_ = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw Error(Error::Kind::kInput, "ICU", std::string("cannot load NFC data: ") + u_errorName(status));
  }
}

NormalizedText Normalizer::normalize(std::string_view original) const {
  if (original.size() >= (1u << 31)) {
    throw Error(Error::Kind::kInput, "", "a single document of 2 GiB or more is not supported");
  }
  icu::Edits cleaning;
  bool surely_nfc = false;
  std::string cleaned = clean(original, *nfc_, cleaning, surely_nfc);

  UErrorCode status = U_ZERO_ERROR;
  const bool already_nfc = surely_nfc || (nfc_->isNormalizedUTF8(cleaned, status) && U_SUCCESS(status));
  if (already_nfc) {
    auto runs = runs_from_edits(cleaning, original, cleaned.size());
    return NormalizedText(std::move(cleaned), std::move(runs));
  }

  status = U_ZERO_ERROR;
  std::string composed;
  composed.reserve(cleaned.size());
  icu::StringByteSink<std::string> sink(&composed);
  icu::Edits composing;
  nfc_->normalizeUTF8(0, cleaned, sink, &composing, status);
  if (U_FAILURE(status)) {
    throw Error(Error::Kind::kInput, "", std::string("NFC normalization failed: ") + u_errorName(status));
  }
  icu::Edits total;
  total.mergeAndAppend(cleaning, composing, status);
  if (U_FAILURE(status)) {
    throw Error(Error::Kind::kInput, "", std::string("offset mapping failed: ") + u_errorName(status));
  }
  auto runs = runs_from_edits(total, original, composed.size());
  return NormalizedText(std::move(composed), std::move(runs));
}

}  // namespace relgraph
