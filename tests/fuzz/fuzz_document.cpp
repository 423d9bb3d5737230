// libFuzzer target: the bytes of one input file, read and extracted as the
// CLI does: decoding (encoding detection, bad UTF-8, NUL bytes), then JSON
// Lines or plain text, then the whole extraction with the shipped rules and
// the JSON Lines output. Anything but an Error or a clean return is a finding,
// and so is a StreamDecoder whose text in pieces differs from its text at once.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "extract/decoder.h"
#include "extract/error.h"
#include "extract/extractor.h"
#include "extract/json_lines.h"
#include "extract/reader.h"

namespace {

relgraph::Extractor& extractor() {
  // Loaded once per fuzzing process: rules are immutable and cost a second to compile.
  static relgraph::Extractor shipped(relgraph::Rules::load(RELGRAPH_RULES_DIR));
  return shipped;
}

void extract(relgraph::Document&& document) {
  const relgraph::DocumentResult result = extractor().extract(document);
  std::string lines;
  relgraph::append_json_lines(result, true, lines);
}

// The bytes decoded in pieces (of 1-64 bytes, by the first byte) and at once,
// both read as the first piece chooses: the texts must be equal.
void check_pieces(std::string_view bytes) {
  if (bytes.empty()) return;
  const std::size_t size = 1 + static_cast<unsigned char>(bytes[0]) % 64;
  const std::string_view first = bytes.substr(0, size);
  relgraph::StreamDecoder at_once(first);
  relgraph::StreamDecoder in_pieces(first);
  std::string whole;
  std::string pieces;
  at_once.decode(bytes, true, whole);
  for (std::size_t pos = 0; pos < bytes.size(); pos += size) {
    in_pieces.decode(bytes.substr(pos, size), pos + size >= bytes.size(), pieces);
  }
  if (at_once.binary() || in_pieces.binary()) return;  // binary is judged on the first piece's text
  if (whole != pieces) __builtin_trap();
}

}  // namespace

// Rules are loaded before fuzzing starts, so the seconds it takes (more
// under sanitizers on a busy machine) never count against the first input's
// -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  extractor();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    check_pieces(bytes);
    relgraph::DecodedText decoded = relgraph::decode_text(bytes);
    if (decoded.binary) return 0;
    if (!decoded.text.empty() && decoded.text.front() == '{') {
      relgraph::read_json_lines(decoded.text, "fuzz.jsonl", extract, [](const std::string&) {});
    } else {
      relgraph::Document document;
      document.id = "fuzz.txt";
      document.date = relgraph::date_header(decoded.text);
      document.text = std::move(decoded.text);
      extract(std::move(document));
    }
  } catch (const relgraph::Error&) {
  }
  return 0;
}
