// UTF-8 helpers shared by every stage.
//
// relgraph keeps all text as UTF-8 in std::string / std::string_view and
// measures positions in bytes internally; only output offsets are code points.
// Decoding never fails: ill-formed bytes decode as U+FFFD.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace relgraph::utf8 {

// Decodes the code point starting at text[pos] and advances pos past it.
// Returns U+FFFD and advances one byte on a malformed sequence.
char32_t next(std::string_view text, std::size_t& pos);

// Decodes the code point that ends at text[pos) and moves pos back to its start.
char32_t previous(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of c.
void append(std::string& out, char32_t c);

// Replaces every ill-formed sequence in text with U+FFFD (one per maximal
// ill-formed subpart, as ICU decodes). Returns the byte offset of the first
// ill-formed sequence, or -1 when text was already valid and is unchanged.
long long make_valid(std::string& text);

// Number of code points in text.
std::size_t count_code_points(std::string_view text);

// True for the precomposed Hangul syllables 가..힣.
inline bool is_hangul_syllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

// Whether a well-formed Hangul syllable (가..힣: EA B0 80 to ED 9E A3) starts
// at text[at], told by its three bytes without decoding: the fast path of
// scans over Korean text, most of whose characters are syllables.
inline bool is_hangul_syllable_at(std::string_view text, std::size_t at) {
  if (at + 2 >= text.size()) return false;
  const auto lead = static_cast<unsigned char>(text[at]);
  const auto second = static_cast<unsigned char>(text[at + 1]);
  const auto third = static_cast<unsigned char>(text[at + 2]);
  if ((second & 0xC0) != 0x80 || (third & 0xC0) != 0x80) return false;
  switch (lead) {
    case 0xEA:
      return second >= 0xB0;
    case 0xEB:
    case 0xEC:
      return true;
    case 0xED:
      return second < 0x9E || (second == 0x9E && third <= 0xA3);
    default:
      return false;
  }
}

// True for ASCII letters and digits.
inline bool is_ascii_alnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// True for the characters names are made of in relgraph's rules: Hangul syllables, ASCII letters and digits.
inline bool is_name_char(char32_t c) { return is_hangul_syllable(c) || is_ascii_alnum(c); }

}  // namespace relgraph::utf8
