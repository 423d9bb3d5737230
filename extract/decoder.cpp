#include "extract/decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <optional>
#include <utility>

#include "extract/error.h"
#include "extract/utf8.h"

namespace relgraph {

namespace {

struct CloseConverter {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, CloseConverter>;

struct CloseDetector {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// CP949 (Microsoft's, also called UHC): EUC-KR plus the other 8,822 Hangul syllables.
constexpr const char* kKoreanConverter = "windows-949-2000";

// The names Korean users give their encoding all mean Microsoft's CP949
// here: ICU's own "cp949" is IBM's different code page, and EUC-KR text
// reads the same in CP949, its superset.
std::string converter_name(std::string_view name) {
  std::string key;
  for (const char c : name) {
    if (c != '-' && c != '_') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (const char* korean : {"cp949", "uhc", "ms949", "windows949", "xwindows949", "euckr", "ksc56011987"}) {
    if (key == korean) return kKoreanConverter;
  }
  return std::string(name);
}

Converter open_converter(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter converter(ucnv_open(converter_name(name).c_str(), &status));
  if (U_FAILURE(status)) return nullptr;
  return converter;
}

// Where the first byte the converter could not map was; every such sequence
// still becomes U+FFFD, as ICU's default callback does.
struct BadBytes {
  const char* begin = nullptr;
  long long first = -1;
};

void record_and_substitute(const void* context, UConverterToUnicodeArgs* args, const char* code_units,
                           int32_t length, UConverterCallbackReason reason, UErrorCode* status) {
  if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR) {
    auto* bad = static_cast<BadBytes*>(const_cast<void*>(context));
    // args->source has already moved past the sequence it reports.
    if (bad->first < 0) bad->first = std::max<long long>(0, (args->source - bad->begin) - length);
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, code_units, length, reason, status);
}

void append_utf16(std::string& out, const UChar* units, int32_t count) {
  int32_t i = 0;
  while (i < count) {
    UChar32 c = 0;
    U16_NEXT(units, i, count, c);
    if (U_IS_SURROGATE(c)) c = 0xFFFD;  // a lone surrogate
    utf8::append(out, static_cast<char32_t>(c));
  }
}

// Converts `bytes`, the input's bytes from its offset `offset` on, with
// `converter` and appends them to `out` as UTF-8. Unless `flush`, a character
// cut at the end of `bytes` stays in the converter for the next call, and so
// does the first half of a surrogate pair in `lead_surrogate`. Returns the
// input's offset of the first sequence the converter could not map, or -1
// (0 past `offset` for one begun in an earlier call).
long long convert(UConverter* converter, std::string_view bytes, std::size_t offset, bool flush, std::string& out,
                  char16_t& lead_surrogate) {
  BadBytes bad{bytes.data()};
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(converter, record_and_substitute, &bad, nullptr, nullptr, &status);
  out.reserve(out.size() + bytes.size() + bytes.size() / 2);  // two legacy bytes become three UTF-8 bytes
  // All of `bytes` is one source so that BadBytes can measure offsets from
  // its start; the target is a fixed buffer drained into `out`.
  const char* source = bytes.data();
  const char* const source_limit = bytes.data() + bytes.size();
  UChar buffer[8192];
  do {
    status = U_ZERO_ERROR;
    UChar* target = buffer;
    if (lead_surrogate != 0) *target++ = std::exchange(lead_surrogate, char16_t{0});
    ucnv_toUnicode(converter, &target, buffer + std::size(buffer), &source, source_limit, nullptr, flush, &status);
    auto count = static_cast<int32_t>(target - buffer);
    // A pair cut by the end of the buffer or of `bytes` is completed next time.
    const bool more = status == U_BUFFER_OVERFLOW_ERROR || !flush;
    if (more && count > 0 && U16_IS_LEAD(buffer[count - 1])) lead_surrogate = buffer[--count];
    append_utf16(out, buffer, count);
  } while (status == U_BUFFER_OVERFLOW_ERROR);
  return bad.first < 0 ? -1 : bad.first + static_cast<long long>(offset);
}

struct Utf8Census {
  std::size_t multibyte = 0;  // well-formed sequences of two bytes or more
  std::size_t bad = 0;        // maximal ill-formed subparts
};

Utf8Census utf8_census(std::string_view bytes) {
  Utf8Census census;
  std::size_t pos = 0;
  const std::size_t size = bytes.size();
  while (pos < size) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes.data(), pos, size, c);
    if (c < 0) {
      ++census.bad;
    } else {
      ++census.multibyte;
    }
  }
  return census;
}

struct Guess {
  std::string converter;  // the ICU converter to read with
  std::string why;        // how it was chosen, for the warning
};


// ICU's detector on the first megabyte. relgraph reads Korean news, so
// EUC-KR wins when ICU ranks it within 20 points of its first choice (short
// Korean texts score close to GB18030 and Big5, which share byte ranges);
// any other encoding needs a confidence of 50.
std::optional<Guess> detect_encoding(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, CloseDetector> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return std::nullopt;
  ucsdet_enableInputFilter(detector.get(), true);  // scraped pages: look past HTML tags
  const auto sample = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20));
  ucsdet_setText(detector.get(), bytes.data(), sample, &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &status);
  if (U_FAILURE(status) || found == 0) return std::nullopt;
  std::string top;
  int top_confidence = 0;
  for (int32_t i = 0; i < found; ++i) {
    UErrorCode s = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &s);
    const int confidence = ucsdet_getConfidence(matches[i], &s);
    if (U_FAILURE(s) || name == nullptr) continue;
    if (top.empty()) {
      top = name;
      top_confidence = confidence;
    }
    if (std::strcmp(name, "EUC-KR") == 0 && confidence >= 10 && confidence + 20 >= top_confidence) {
      return Guess{kKoreanConverter, "ICU detected EUC-KR, confidence " + std::to_string(confidence)};
    }
  }
  if (top_confidence < 50 || top.starts_with("UTF-")) return std::nullopt;
  return Guess{top, "ICU detected it, confidence " + std::to_string(top_confidence)};
}

// When ICU has no answer (short texts, or many of the syllables only CP949
// has, which ICU's EUC-KR model counts as errors): CP949 if the bytes decode
// in it without a single error and mostly as Hangul.
std::optional<Guess> korean_if_clean(std::string_view bytes) {
  const Converter converter = open_converter(kKoreanConverter);
  std::string text;
  char16_t lead_surrogate = 0;
  if (!converter || convert(converter.get(), bytes, 0, true, text, lead_surrogate) >= 0) return std::nullopt;
  std::size_t hangul = 0, other = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = utf8::next(text, pos);
    if (c < 0x80) continue;
    (utf8::is_hangul_syllable(c) ? hangul : other) += 1;
  }
  if (hangul == 0 || hangul < other) return std::nullopt;
  return Guess{kKoreanConverter, "no ICU match; decodes cleanly, mostly Hangul"};
}

std::string shown_name(std::string_view converter) {
  return converter_name(converter) == kKoreanConverter ? "CP949" : std::string(converter);
}

std::string at_byte(long long offset) { return " at byte " + std::to_string(offset); }

Error unknown_encoding(std::string_view name) {
  return Error(Error::Kind::kUsage, "--encoding", "ICU has no encoding called \"" + std::string(name) + "\"");
}

bool mostly_utf8(const Utf8Census& census) { return census.bad == 0 || census.multibyte >= 10 * census.bad; }

// `bytes` without the start of a UTF-8 character its end may have cut.
std::string_view whole_characters(std::string_view bytes) {
  for (std::size_t back = 1; back <= 3 && back <= bytes.size(); ++back) {
    const auto b = static_cast<unsigned char>(bytes[bytes.size() - back]);
    if ((b & 0xC0) == 0xC0) {  // a lead byte: cut if its sequence needs more than `back` bytes
      const std::size_t length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      return length > back ? bytes.substr(0, bytes.size() - back) : bytes;
    }
    if ((b & 0xC0) != 0x80) break;  // ASCII: nothing cut
  }
  return bytes;
}

// `bytes` up to its last line break, if it has one: whole characters in any
// ASCII-compatible encoding (a line break is never part of a multibyte one).
std::string_view whole_lines(std::string_view bytes) {
  const std::size_t last = bytes.rfind('\n');
  return last == std::string_view::npos ? bytes : bytes.substr(0, last + 1);
}

}  // namespace

void StreamDecoder::CloseConverter::operator()(UConverter* converter) const { ucnv_close(converter); }

StreamDecoder::~StreamDecoder() = default;

void StreamDecoder::read_as(std::string_view name) {
  Converter converter = open_converter(name);
  if (!converter) throw unknown_encoding(name);
  converter_.reset(converter.release());
  shown_name_ = shown_name(name);
}

StreamDecoder::StreamDecoder(std::string_view first, std::string_view encoding) {
  const bool utf8_bom = first.starts_with("\xEF\xBB\xBF");
  if (!encoding.empty()) {
    read_as(encoding);
    to_skip_ = byte_order_mark_ = utf8_bom ? 3 : 0;
    return;
  }
  if (first.starts_with("\xFF\xFE") || first.starts_with("\xFE\xFF")) {
    read_as(first[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE");
    to_skip_ = 2;
    return;
  }
  if (const auto nul = first.find('\0'); nul != std::string_view::npos) {
    nul_ = static_cast<long long>(nul);
    return;
  }
  to_skip_ = byte_order_mark_ = utf8_bom ? 3 : 0;
  const std::string_view start = first.substr(byte_order_mark_);
  // Mostly well-formed UTF-8 (a file cut inside a character, a stray byte)
  // stays UTF-8; otherwise the bytes are probably another encoding.
  if (mostly_utf8(utf8_census(whole_characters(start)))) return;
  auto guess = detect_encoding(start);
  // ICU's detector has names its converters do not know ("IBM420_ltr").
  if (guess && !open_converter(guess->converter)) guess.reset();
  if (!guess) guess = korean_if_clean(whole_lines(start));
  if (!guess) return;  // no better reading: UTF-8, repaired
  read_as(guess->converter);
  guessed_ = "not UTF-8; read as " + shown_name_ + " (" + guess->why + ")";
}

void StreamDecoder::decode(std::string_view bytes, bool last, std::string& out) {
  const std::size_t skipped = std::min(to_skip_, bytes.size());
  bytes.remove_prefix(skipped);
  to_skip_ -= skipped;
  offset_ += skipped;
  const std::size_t out_start = out.size();
  if (converter_) {
    const long long bad = convert(converter_.get(), bytes, offset_, last, out, lead_surrogate_);
    if (first_bad_ < 0) first_bad_ = bad;
    // Converted text can hold NUL characters the bytes did not show (UTF-16).
    if (const auto nul = first_piece_ ? out.find('\0', out_start) : std::string::npos; nul != std::string::npos) {
      nul_ = static_cast<long long>(nul - out_start);
      out.resize(out_start);
    }
  } else {
    out.append(bytes);
  }
  offset_ += bytes.size();
  first_piece_ = false;
}

std::string StreamDecoder::damage() const {
  if (first_bad_ < 0) return {};
  return "invalid " + shown_name_ + at_byte(first_bad_) + "; replaced by U+FFFD";
}

std::string StreamDecoder::warning() const {
  if (binary()) return "NUL byte" + at_byte(nul_) + ": not text; skipped";
  const std::string bad = damage();
  if (guessed_.empty() || bad.empty()) return guessed_ + bad;
  return guessed_ + "; " + bad;
}

void check_encoding_name(std::string_view name) {
  if (!open_converter(name)) throw unknown_encoding(name);
}

DecodedText decode_text(std::string bytes, std::string_view encoding) {
  StreamDecoder decoder(bytes, encoding);
  DecodedText result;
  if (!decoder.binary() && decoder.passes_utf8()) {
    const std::size_t bom = decoder.byte_order_mark();
    bytes.erase(0, bom);
    if (const long long bad = utf8::make_valid(bytes); bad >= 0) {
      result.warning =
          "invalid UTF-8" + at_byte(bad + static_cast<long long>(bom)) + "; bad sequences replaced by U+FFFD";
    }
    result.text = std::move(bytes);
    return result;
  }
  if (!decoder.binary()) decoder.decode(bytes, true, result.text);
  result.warning = decoder.warning();
  if (decoder.binary()) {
    result.binary = true;
    result.text.clear();
  }
  return result;
}

}  // namespace relgraph
