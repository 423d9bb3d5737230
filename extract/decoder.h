// Decoder: the bytes of one input file become valid UTF-8 text.
//
//   UTF-8 (a byte order mark is dropped)      used as it is
//   UTF-16LE / UTF-16BE with a byte order mark converted
//   mostly UTF-8, a few bad sequences         each bad sequence becomes U+FFFD
//                                             (one per maximal ill-formed subpart)
//   not UTF-8                                 ICU's charset detector names the
//                                             encoding; EUC-KR is read as CP949,
//                                             its superset
//   `encoding` given (--encoding NAME)        that ICU converter, no guessing
//
// Text holding NUL characters is not text (a binary file): `binary` is set
// and `text` is empty. Never throws for any bytes; an unknown `encoding`
// name throws Error(kUsage) — check_encoding_name tells before any work.
#pragma once

#include <string>
#include <string_view>

namespace relgraph {

struct DecodedText {
  std::string text;     // valid UTF-8, no byte order mark
  std::string warning;  // "" or what was wrong or guessed, for the user
  bool binary = false;  // NUL characters: not text, the caller skips it
};

DecodedText decode_text(std::string bytes, std::string_view encoding = {});

// True when `bytes` (the start of a file) would be read as UTF-8 by
// decode_text without an encoding: no byte order mark of UTF-16, no NUL,
// and at most a few bad sequences. A character cut by the end of `bytes`
// does not count against it. Lets a reader stream a large UTF-8 file.
bool reads_as_utf8(std::string_view bytes);

// Throws Error(kUsage) when ICU has no converter called `name`.
void check_encoding_name(std::string_view name);

}  // namespace relgraph
