#include "extract/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "extract/error.h"
#include "extract/utf8.h"

namespace relgraph {

namespace {

// A quotation or bracket longer than this is not trusted to be one: its
// inner breaks are kept, so one missing closing mark cannot swallow a page.
constexpr std::size_t kMaxPairBytes = 1500;
// Straight single quotes also serve as apostrophes; trust only short pairs.
constexpr std::size_t kMaxSingleQuoteBytes = 300;
// A longer "sentence" (a page with no punctuation, a list of thousands of
// names) is cut into pieces of at most this size, at spaces where it can
// be: every later stage then works on bounded pieces, so the whole
// document costs time linear in its size. A Korean news sentence is
// rarely over 600 bytes; a quotation holding several is under 2,000.
constexpr std::size_t kMaxSentenceBytes = 4096;

bool is_space(char32_t c) { return c == U' ' || c == U'\n' || c == U'\t'; }

// The closing mark for an opening one, or 0.
char32_t closing_for(char32_t c) {
  switch (c) {
    case U'(':
      return U')';
    case U'[':
      return U']';
    case U'“':
      return U'”';
    case U'‘':
      return U'’';
    case U'「':
      return U'」';
    case U'『':
      return U'』';
    case U'《':
      return U'》';
    case U'〈':
      return U'〉';
    default:
      return 0;
  }
}

// Whether a character starting with this byte may be a line end or a mark
// find_pairs looks at: \n ( ) [ ] " ' and, from E2 or E3, “ ” ‘ ’ 「 」 『 』 《 》 〈 〉.
bool may_start_mark(unsigned char b) {
  switch (b) {
    case '\n':
    case '(':
    case ')':
    case '[':
    case ']':
    case '"':
    case '\'':
    case 0xE2:
    case 0xE3:
      return true;
    default:
      return false;
  }
}

struct Pair {
  std::size_t open;   // byte offset of the opening mark
  std::size_t close;  // byte offset just past the closing mark
};

// Matched quotation and bracket pairs, line by line. Straight quotes pair up
// in order of appearance; unmatched marks are ignored.
std::vector<Pair> find_pairs(std::string_view text) {
  std::vector<Pair> pairs;
  struct Open {
    char32_t closing;
    std::size_t at;
  };
  std::vector<Open> stack;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Only marks and line ends change anything; every mark is ASCII or
    // starts with byte E2 or E3, which never occur inside another character.
    if (!may_start_mark(static_cast<unsigned char>(text[pos]))) {
      ++pos;
      continue;
    }
    const std::size_t at = pos;
    const char32_t c = utf8::next(text, pos);
    if (c == U'\n') {
      stack.clear();
      continue;
    }
    // A closing mark matches the nearest opening one of its kind; marks opened after it are dropped.
    // Only marks opened within kMaxPairBytes can pair, and only those are searched: deeply
    // nested unmatched marks cost no more than a bounded look back per character.
    auto open_it = std::find_if(stack.rbegin(), stack.rend(), [&](const Open& o) {
      return o.closing == c || pos - o.at > kMaxPairBytes;
    });
    if (open_it != stack.rend() && open_it->closing != c) open_it = stack.rend();
    if (open_it != stack.rend()) {
      const std::size_t limit = c == U'\'' ? kMaxSingleQuoteBytes : kMaxPairBytes;
      if (pos - open_it->at <= limit) pairs.push_back({open_it->at, pos});
      stack.erase(std::next(open_it).base(), stack.end());
      continue;
    }
    if (c == U'"' || c == U'\'') {
      stack.push_back({c, at});
    } else if (const char32_t closing = closing_for(c)) {
      stack.push_back({closing, at});
    }
  }
  return pairs;
}

// Removes the breaks that fall strictly inside a pair. Sorting the pairs and
// merging them into disjoint intervals keeps this linear in practice.
void drop_breaks_inside(std::vector<Pair> pairs, std::vector<std::size_t>& breaks) {
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.open < b.open; });
  std::vector<Pair> merged;
  for (const Pair& p : pairs) {
    if (!merged.empty() && p.open < merged.back().close) {
      merged.back().close = std::max(merged.back().close, p.close);
    } else {
      merged.push_back(p);
    }
  }
  std::sort(breaks.begin(), breaks.end());
  auto pair_it = merged.begin();
  std::erase_if(breaks, [&](std::size_t b) {
    while (pair_it != merged.end() && pair_it->close <= b) ++pair_it;
    return pair_it != merged.end() && pair_it->open < b && b < pair_it->close;
  });
}

// Breaks ICU misses: after a full stop that follows a Hangul syllable and is
// glued to a digit ("늘었다.17일"; UAX #29 keeps a full stop with a digit
// after it, for decimals), and before "#." markers. ("!" and "?" need no
// help: ICU breaks after them before a digit.) Each mark is looked for on
// its own with memchr, many bytes at a time: marks are a few in a hundred
// bytes, and testing every byte was a fifth of the splitter's own work. The
// breaks need no order: split() sorts them.
void add_korean_breaks(std::string_view text, std::vector<std::size_t>& breaks) {
  for (const char mark : {'.', '#'}) {
    for (std::size_t at = text.find(mark); at != std::string_view::npos && at + 1 < text.size();
         at = text.find(mark, at + 1)) {
      const char after = text[at + 1];
      if (mark == '#') {
        if (after == '.') breaks.push_back(at);
      } else if (after >= '0' && after <= '9' && at > 0) {
        std::size_t before = at;
        if (utf8::is_hangul_syllable(utf8::previous(text, before))) breaks.push_back(at + 1);
      }
    }
  }
}

// Leading bullet markers that are not part of the sentence.
std::size_t skip_markers(std::string_view text, std::size_t begin, std::size_t end) {
  for (;;) {
    while (begin < end && is_space(static_cast<unsigned char>(text[begin]))) ++begin;
    std::string_view rest = text.substr(begin, end - begin);
    if (rest.starts_with("#.")) {
      begin += 2;
    } else if (rest.starts_with("▲") || rest.starts_with("■") || rest.starts_with("●") || rest.starts_with("◆") ||
               rest.starts_with("▶")) {
      begin += 3;
    } else {
      return begin;
    }
  }
}

// Cuts [begin, end) into pieces of at most kMaxSentenceBytes, each ending at
// the last space before the limit, else at a code point boundary.
void add_bounded(std::string_view text, std::size_t begin, std::size_t end, std::vector<Span>& out) {
  while (end - begin > kMaxSentenceBytes) {
    std::size_t cut = begin + kMaxSentenceBytes;
    const std::size_t space = text.substr(begin, cut - begin).find_last_of(" \t");
    if (space != std::string_view::npos && space > kMaxSentenceBytes / 2) {
      cut = begin + space;
    } else {
      while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    }
    out.push_back({begin, cut});
    begin = cut;
    while (begin < end && is_space(static_cast<unsigned char>(text[begin]))) ++begin;
  }
  if (end > begin) out.push_back({begin, end});
}

bool has_content(std::string_view sentence) {
  std::size_t pos = 0;
  while (pos < sentence.size()) {
    if (utf8::is_name_char(utf8::next(sentence, pos))) return true;
  }
  return false;
}

}  // namespace

SentenceSplitter::SentenceSplitter() {
  UErrorCode status = U_ZERO_ERROR;
  icu_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("ko"), status));
  if (U_FAILURE(status) || !icu_) {
    throw Error(Error::Kind::kInput, "ICU", std::string("cannot create a sentence iterator: ") + u_errorName(status));
  }
}

SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

std::vector<std::size_t> SentenceSplitter::icu_breaks(std::string_view text) {
  // ICU walks UTF-16 text in place, but UTF-8 text through a UText that
  // converts a few dozen characters at a time (that conversion was a third
  // of the splitter's instructions). So the text is converted once, and the
  // breaks, UTF-16 offsets, are mapped back to bytes in one forward walk.
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu_->setText(utf16);  // the iterator refers to utf16, which it must not outlive
  std::vector<std::size_t> breaks;
  const auto size = static_cast<int32_t>(text.size());
  int32_t byte = 0;
  int32_t unit = 0;
  for (int32_t b = icu_->next(); b != icu::BreakIterator::DONE; b = icu_->next()) {
    while (unit < b && byte < size) {
      // Most of a Korean text is ASCII and Hangul syllables, one unit each;
      // decoding every character here was a fifth of the splitter's work.
      if (static_cast<unsigned char>(text[static_cast<std::size_t>(byte)]) < 0x80) {
        ++byte;
        ++unit;
        continue;
      }
      if (utf8::is_hangul_syllable_at(text, static_cast<std::size_t>(byte))) {
        byte += 3;
        ++unit;
        continue;
      }
      UChar32 c = 0;
      U8_NEXT_OR_FFFD(text.data(), byte, size, c);  // as fromUTF8 converts it
      unit += U16_LENGTH(c);
    }
    breaks.push_back(static_cast<std::size_t>(byte));
  }
  icu_->setText(icu::UnicodeString());
  return breaks;
}

std::vector<Span> SentenceSplitter::split(std::string_view text) {
  std::vector<std::size_t> breaks = icu_breaks(text);
  add_korean_breaks(text, breaks);
  drop_breaks_inside(find_pairs(text), breaks);
  for (std::size_t pos = text.find('\n'); pos != std::string_view::npos; pos = text.find('\n', pos + 1)) {
    breaks.push_back(pos + 1);
  }
  breaks.push_back(text.size());
  std::sort(breaks.begin(), breaks.end());
  breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());

  std::vector<Span> sentences;
  std::size_t start = 0;
  for (const std::size_t b : breaks) {
    std::size_t begin = skip_markers(text, start, b);
    std::size_t end = b;
    while (end > begin && is_space(static_cast<unsigned char>(text[end - 1]))) --end;
    if (end > begin && has_content(text.substr(begin, end - begin))) add_bounded(text, begin, end, sentences);
    start = b;
  }
  return sentences;
}

}  // namespace relgraph
