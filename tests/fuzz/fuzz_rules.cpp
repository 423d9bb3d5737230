// libFuzzer target: the rule loader. The input is split at lines "---8<---"
// into relations/fuzz.json, entities/fuzz.json, gazetteer/fuzz.tsv and
// lexicon/words.txt of an otherwise minimal rules folder (a particles list
// and a macros.json that names lexicon/words.txt), which Rules::load reads;
// rules that load are then run on a sentence. A rule error is an Error; a
// crash, a leak or undefined behaviour is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/error.h"
#include "extract/extractor.h"
#include "extract/rules.h"

namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, std::string_view content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(content.data(), static_cast<std::streamsize>(content.size()));
}

const fs::path& rules_folder() {
  // One folder per fuzzing process, in memory where /dev/shm exists.
  static const fs::path folder = [] {
    const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    const fs::path dir = base / ("relgraph-fuzz-rules-" + std::to_string(::getpid()));
    write(dir / "lexicon/particles.txt", "은\tconsonant\n는\tvowel\n이\tconsonant\n가\tvowel\n와\tvowel\n과\tconsonant\n");
    write(dir / "macros.json", R"({"macros": {"LIST_SEP": ", ", "WORDS": {"words": "lexicon/words.txt"}}})");
    return dir;
  }();
  return folder;
}

std::vector<std::string_view> split_parts(std::string_view input) {
  std::vector<std::string_view> parts;
  constexpr std::string_view kSeparator = "\n---8<---\n";
  for (;;) {
    const std::size_t at = input.find(kSeparator);
    parts.push_back(input.substr(0, at));
    if (at == std::string_view::npos || parts.size() == 4) break;
    input.remove_prefix(at + kSeparator.size());
  }
  parts.resize(4);
  return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string_view> parts = split_parts({reinterpret_cast<const char*>(data), size});
  const fs::path& dir = rules_folder();
  write(dir / "relations/fuzz.json", parts[0]);
  write(dir / "entities/fuzz.json", parts[1]);
  write(dir / "gazetteer/fuzz.tsv", parts[2]);
  write(dir / "lexicon/words.txt", parts[3].empty() ? std::string_view("단어\n") : parts[3]);
  try {
    relgraph::Extractor extractor(relgraph::Rules::load(dir.string()));
    relgraph::Document document;
    document.id = "fuzz";
    document.text = "해솔전자는 미르테크와 업무협약을 맺었다고 밝혔다. 김하늘 대표는 \"협력하겠다\"고 말했다.";
    extractor.extract(document);
  } catch (const relgraph::Error&) {
  }
  return 0;
}
