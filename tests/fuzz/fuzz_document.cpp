// libFuzzer target: the bytes of one input file, read and extracted as the
// CLI does: decoding (encoding detection, bad UTF-8, NUL bytes), then JSON
// Lines or plain text, then the whole extraction with the shipped rules and
// the JSON Lines output. Anything but an Error or a clean return is a finding.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

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
