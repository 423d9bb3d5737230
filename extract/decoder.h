// Decoder: the bytes of one input file become valid UTF-8 text.
//
//   UTF-8 (a byte order mark is dropped)      used as it is
//   UTF-16LE / UTF-16BE with a byte order mark converted
//   mostly UTF-8, a few bad sequences         each bad sequence becomes U+FFFD
//                                             (one per maximal ill-formed subpart)
//   not UTF-8                                 ICU's charset detector names the
//                                             encoding; EUC-KR is read as CP949,
//                                             its superset (a name ICU has no
//                                             converter for counts as no answer)
//   `encoding` given (--encoding NAME)        that ICU converter, no guessing
//
// Text holding NUL characters is not text (a binary file): `binary` is set
// and `text` is empty. Never throws for any bytes; an unknown `encoding`
// name throws Error(kUsage) — check_encoding_name tells before any work.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

struct UConverter;  // ICU's converter (unicode/ucnv.h)

namespace relgraph {

struct DecodedText {
  std::string text;     // valid UTF-8, no byte order mark
  std::string warning;  // "" or what was wrong or guessed, for the user
  bool binary = false;  // NUL characters: not text, the caller skips it
};

DecodedText decode_text(std::string bytes, std::string_view encoding = {});

// StreamDecoder: decode_text for an input read piece by piece (a file of
// gigabytes, a pipe), in memory that does not grow with the input.
//
//   StreamDecoder decoder(first_piece, encoding);
//   decoder.decode(first_piece, false, text);  // then each later piece, in order
//
// How to read is chosen from the first piece as decode_text chooses from a
// whole file (the encoding given, a byte order mark, a NUL byte, ICU's
// detector on the first megabyte) and kept for the rest. Read as UTF-8, the
// bytes pass through unchanged but for a byte order mark: the caller repairs
// bad sequences where it can cut the text safely (utf8::make_valid on each
// line) and reports them. Read in another encoding, each piece is converted
// and a character cut between two pieces is completed by the next. Unlike
// decode_text, a NUL character makes the input binary only in the first
// piece; further on it is part of the text.
class StreamDecoder {
 public:
  // Throws Error(kUsage) when ICU has no converter called `encoding`.
  explicit StreamDecoder(std::string_view first, std::string_view encoding = {});
  ~StreamDecoder();
  StreamDecoder(const StreamDecoder&) = delete;
  StreamDecoder& operator=(const StreamDecoder&) = delete;

  // Not text: skip the input. Known from the first piece's bytes, or, when
  // another encoding is read, once the first piece is decoded.
  bool binary() const { return nul_ >= 0; }
  // Read as UTF-8: decode() only drops the byte order mark.
  bool passes_utf8() const { return converter_ == nullptr; }
  // Bytes of a UTF-8 byte order mark at the start, dropped by decode().
  std::size_t byte_order_mark() const { return byte_order_mark_; }

  // Appends the text of `bytes`, the input's next piece, to `out` as UTF-8.
  // `last`: nothing follows, so a character cut at the end becomes U+FFFD.
  void decode(std::string_view bytes, bool last, std::string& out);

  // What to tell the user, in decode_text's words, or "": the encoding when
  // it was guessed ("not UTF-8; read as CP949 (...)"), known at once; the
  // input's offset of the first byte sequence it could not read, so far;
  // and both joined, or why a binary input is skipped.
  std::string guess() const { return guessed_; }
  std::string damage() const;
  std::string warning() const;

 private:
  struct CloseConverter {
    void operator()(UConverter* converter) const;
  };

  void read_as(std::string_view name);

  std::unique_ptr<UConverter, CloseConverter> converter_;  // null: UTF-8 passes through
  std::string shown_name_;  // the encoding, as messages name it
  std::string guessed_;     // "not UTF-8; read as ..." when the encoding was guessed
  std::size_t byte_order_mark_ = 0;
  std::size_t to_skip_ = 0;    // bytes of a byte order mark decode() has yet to drop
  std::size_t offset_ = 0;     // the input's offset of the next piece
  long long first_bad_ = -1;   // the input's offset of the first sequence not read, or -1
  long long nul_ = -1;         // the offset of the NUL character that makes the input binary, or -1
  bool first_piece_ = true;
  char16_t lead_surrogate_ = 0;  // the first half of a pair cut by the end of a buffer, or 0
};

// Throws Error(kUsage) when ICU has no converter called `name`.
void check_encoding_name(std::string_view name);

}  // namespace relgraph
