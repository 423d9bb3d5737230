#include "extract/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

namespace relgraph::utf8 {

namespace {
bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The number of bytes of `word` whose bit 7 is set, when no other bit is.
// Not std::popcount: without -mpopcnt (not every x86-64 has the
// instruction) GCC calls libgcc's table-driven __popcountdi2 for it, which
// was 2 % of a run with no rules. Shifted to bit 0, the bytes are 0 or 1;
// the multiplication adds all eight into the top byte.
std::size_t count_high_bits(std::uint64_t word) {
  return static_cast<std::size_t>(((word >> 7) * 0x0101010101010101ULL) >> 56);
}
}  // namespace

char32_t next(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {  // fast path: most of a Korean article's bytes are ASCII spaces and punctuation
    ++pos;
    return lead;
  }
  UChar32 c = 0;
  U8_NEXT_OR_FFFD(text.data(), pos, text.size(), c);
  return static_cast<char32_t>(c);
}

char32_t previous(std::string_view text, std::size_t& pos) {
  // A code point is at most four bytes: decode within that window, so that
  // ICU's 32-bit index is enough for any text length.
  const std::size_t window = pos < 4 ? pos : 4;
  const char* base = text.data() + (pos - window);
  int32_t i = static_cast<int32_t>(window);
  UChar32 c = 0;
  U8_PREV_OR_FFFD(base, 0, i, c);
  pos -= window - static_cast<std::size_t>(i);
  return static_cast<char32_t>(c);
}

void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

long long make_valid(std::string& text) {
  std::size_t pos = 0;
  long long first_bad = -1;
  while (pos < text.size()) {
    // Without decoding: ASCII and Hangul syllables. Every document passes
    // through here once.
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    if (is_hangul_syllable_at(text, pos)) {
      pos += 3;
      continue;
    }
    const std::size_t start = pos;
    UChar32 c = 0;
    U8_NEXT(text.data(), pos, text.size(), c);
    if (c < 0) {
      first_bad = static_cast<long long>(start);
      break;
    }
  }
  if (first_bad < 0) return -1;

  std::string repaired(text, 0, static_cast<std::size_t>(first_bad));
  repaired.reserve(text.size() + 16);
  pos = static_cast<std::size_t>(first_bad);
  while (pos < text.size()) {
    UChar32 c = 0;
    U8_NEXT_OR_FFFD(text.data(), pos, text.size(), c);
    append(repaired, static_cast<char32_t>(c));
  }
  text = std::move(repaired);
  return first_bad;
}

std::size_t count_code_points(std::string_view text) {
  // Eight bytes at a time: a continuation byte is 10xxxxxx, so its bit 7 is
  // set and its bit 6 (moved to bit 7 by the shift) is not.
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t continuations = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    continuations += count_high_bits(word & ~(word << 1) & kHighBits);
  }
  for (; i < text.size(); ++i) {
    if (is_continuation(static_cast<unsigned char>(text[i]))) ++continuations;
  }
  return text.size() - continuations;
}

}  // namespace relgraph::utf8
