#include "extract/reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <utility>

#include "extract/decoder.h"
#include "extract/error.h"
#include "extract/utf8.h"

namespace relgraph {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Error::Kind::kInput, path.string(), "cannot open for reading");
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(Error::Kind::kInput, path.string(), "read failed");
  return content;
}

// The file's bytes as UTF-8 (decoder.h), or nothing for a binary file; one warning per file.
std::optional<std::string> decode_file(std::string bytes, const std::string& origin, const ReadOptions& options,
                                       const WarningSink& warn) {
  DecodedText decoded = decode_text(std::move(bytes), options.encoding);
  if (!decoded.warning.empty()) warn(origin + ": " + decoded.warning);
  if (decoded.binary) return std::nullopt;
  return std::move(decoded.text);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool looks_like_iso_date(std::string_view s) {
  return s.size() >= 10 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) && s[4] == '-' &&
         is_digit(s[5]) && is_digit(s[6]) && s[7] == '-' && is_digit(s[8]) && is_digit(s[9]);
}

void read_text_document(std::string content, const std::string& id, const DocumentSink& sink) {
  Document doc;
  doc.id = id;
  doc.date = date_header(content);
  doc.text = std::move(content);
  sink(std::move(doc));
}

std::string string_field(const rapidjson::Value& object, const char* key) {
  const auto it = object.FindMember(key);
  if (it == object.MemberEnd()) return {};
  if (it->value.IsString()) return {it->value.GetString(), it->value.GetStringLength()};
  if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
  return {};
}

// Parses JSON Lines one line at a time, into buffers kept from line to line.
// Why: an archive has millions of lines, and a rapidjson::Document per line
// malloc'd and freed a 64 KiB pool and a parse stack each time (on the
// thread that feeds the extraction workers, where glibc consolidates its
// free lists at every free of 64 KiB). Strings are unescaped in place in the
// line (rapidjson's insitu parsing), so an article's text is not copied into
// the pool first.
class JsonLineParser {
 public:
  using Pool = rapidjson::MemoryPoolAllocator<rapidjson::CrtAllocator>;
  using Json = rapidjson::GenericDocument<rapidjson::UTF8<>, Pool, Pool>;

  JsonLineParser() : values_(value_buffer_.data(), value_buffer_.size()), stack_(stack_buffer_.data(), stack_buffer_.size()) {}
  JsonLineParser(const JsonLineParser&) = delete;
  JsonLineParser& operator=(const JsonLineParser&) = delete;

  // Parses `line`, which it may overwrite; `json` holds the result (or the
  // error) until the next call.
  void parse(std::string& line, Json& json) {
    values_.Clear();
    stack_.Clear();
    // Ends at the first NUL, as Parse(data, size) does: rapidjson reads a NUL as the end of its input.
    json.ParseInsitu(line.data());
  }

  Pool* values() { return &values_; }
  Pool* stack() { return &stack_; }

 private:
  // A news article's object fits in these: no allocation per line. The
  // pools keep their chunk headers (size_t fields) at the buffers' start.
  alignas(std::max_align_t) std::array<char, 4096> value_buffer_;
  alignas(std::max_align_t) std::array<char, 4096> stack_buffer_;
  Pool values_;
  Pool stack_;
};

// One line of JSON Lines (without its '\n') as a document, or a warning.
// `line` is parsed in place, and so overwritten.
void read_json_line(std::string& line, JsonLineParser& parser, const std::string& origin, std::size_t line_number,
                    const DocumentSink& sink, const WarningSink& warn) {
  if (line.find_first_not_of(" \t\r") == std::string::npos) return;
  const auto where = [&] { return origin + ":" + std::to_string(line_number); };
  JsonLineParser::Json json(parser.values(), 1024, parser.stack());
  parser.parse(line, json);
  if (json.HasParseError()) {
    warn(where() + ": skipped, not JSON: " + rapidjson::GetParseError_En(json.GetParseError()));
    return;
  }
  if (!json.IsObject() || !json.HasMember("text") || !json["text"].IsString()) {
    warn(where() + ": skipped, no \"text\" string");
    return;
  }
  Document doc;
  doc.id = string_field(json, "id");
  if (doc.id.empty()) doc.id = where();
  doc.text = string_field(json, "text");
  doc.title = string_field(json, "title");
  doc.date = string_field(json, "date");
  doc.url = string_field(json, "url");
  if (!doc.date.empty() && !looks_like_iso_date(doc.date)) {
    warn(where() + ": date \"" + doc.date + "\" is not YYYY-MM-DD; ignored");
    doc.date.clear();
  } else if (doc.date.size() > 10) {
    doc.date.resize(10);  // "2024-03-17T09:00:00" -> the day
  }
  sink(std::move(doc));
}

// Reads files and directories into documents. One FileReader reads all the
// inputs of a call, so the block buffer of stream() is allocated once.
// Why it matters: freeing a buffer that malloc had mapped on its own makes glibc
// raise its mmap threshold to that size, and the next file's buffer then came
// from the heap, whose pages stay resident: from the second .jsonl file on,
// extraction's peak memory was 4 MB higher (48 MB instead of 44 MB).
class FileReader {
 public:
  FileReader(const DocumentSink& sink, const WarningSink& warn, const ReadOptions& options)
      : sink_(sink), warn_(warn), options_(options) {}

  void read_path(const fs::path& path) {
    if (path.extension() == ".jsonl") {
      std::ifstream in(path, std::ios::binary);
      if (!in) throw Error(Error::Kind::kInput, path.string(), "cannot open for reading");
      stream(in, path.string(), Form::kJsonLines);
      return;
    }
    if (auto text = read_text_file(path.string(), warn_, options_)) {
      read_text_document(std::move(*text), path.filename().string(), sink_);
    }
  }

  // Standard input: JSON Lines when its text starts with '{', else one document.
  void read_stdin() { stream(std::cin, "stdin", Form::kJsonLinesOrText); }

  // JSON Lines from any stream, read as a .jsonl file is.
  void read_json_lines(std::istream& in, const std::string& origin) { stream(in, origin, Form::kJsonLines); }

  void read_directory(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      const auto ext = it->path().extension();
      if (ext == ".txt" || ext == ".jsonl") files.push_back(it->path());
    }
    if (ec) throw Error(Error::Kind::kInput, dir.string(), "cannot list directory: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) read_path(file);
  }

 private:
  static constexpr std::size_t kBlock = 1 << 20;

  enum class Form { kJsonLines, kJsonLinesOrText };

  // Appends up to kBlock bytes of `in` to `buffer`.
  static void read_block(std::istream& in, std::string& buffer, const std::string& origin) {
    const std::size_t kept = buffer.size();
    buffer.resize(kept + kBlock);
    in.read(buffer.data() + kept, static_cast<std::streamsize>(kBlock));
    buffer.resize(kept + static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw Error(Error::Kind::kInput, origin, "read failed");
  }

  // JSON Lines read 1 MiB at a time, so memory does not grow with the input
  // (an archive is often one multi-gigabyte file, or a pipe from zcat). The
  // first block chooses how the bytes are read (StreamDecoder). UTF-8 is split
  // into lines where it lies and each line repaired, with a warning at the
  // first bad one; another encoding is converted block by block, its guess
  // told at once and its first bad bytes with the block holding them.
  // kJsonLinesOrText (standard input): text that does not start with '{' is
  // one plain-text document, read whole.
  void stream(std::istream& in, const std::string& origin, Form form) {
    // Room for a block and the unfinished line before it, kept from input to input.
    raw_.reserve(2 * kBlock);
    raw_.clear();
    read_block(in, raw_, origin);
    StreamDecoder decoder(raw_, options_.encoding);
    // The text being split into lines: UTF-8 input is read into it directly.
    std::string& text = decoder.passes_utf8() ? raw_ : decoded_;
    std::size_t begin = 0;  // where the next line starts in `text`
    if (decoder.passes_utf8()) {
      begin = decoder.byte_order_mark();
    } else if (!decoder.binary()) {
      decoded_.clear();
      decoder.decode(raw_, !in, decoded_);
    }
    if (decoder.binary()) {
      warn_(origin + ": " + decoder.warning());
      return;
    }
    if (form == Form::kJsonLinesOrText) {
      const std::size_t first = text.find_first_not_of(" \t\r\n", begin);
      if (first == std::string::npos || text[first] != '{') {
        std::string whole = std::exchange(raw_, {});
        whole.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (in.bad()) throw Error(Error::Kind::kInput, origin, "read failed");
        if (auto content = decode_file(std::move(whole), origin, options_, warn_)) {
          read_text_document(std::move(*content), origin, sink_);
        }
        return;
      }
    }
    // Told before the documents they concern, so that --strict stops first.
    if (!decoder.guess().empty()) warn_(origin + ": " + decoder.guess());
    bool told_damage = false;
    const auto tell_damage = [&] {
      if (told_damage || decoder.damage().empty()) return;
      warn_(origin + ": " + decoder.damage());
      told_damage = true;
    };
    tell_damage();
    std::size_t consumed = begin;  // the input's offset of text[begin], when UTF-8 passes through
    std::size_t line_number = 0;
    bool warned = false;
    for (;;) {
      // Every complete line in the text; the rest waits for the next block.
      const bool at_end = !in;
      std::size_t end;
      while ((end = text.find('\n', begin)) != std::string::npos || (at_end && begin < text.size())) {
        if (end == std::string::npos) end = text.size();
        line_.assign(text, begin, end - begin);
        if (const long long bad = utf8::make_valid(line_); bad >= 0 && !warned) {
          warn_(origin + ": invalid UTF-8 at byte " + std::to_string(consumed + static_cast<std::size_t>(bad)) +
                "; bad sequences replaced by U+FFFD");
          warned = true;
        }
        read_json_line(line_, parser_, origin, ++line_number, sink_, warn_);
        consumed += end + 1 - begin;
        begin = end + 1;
      }
      if (at_end) break;
      text.erase(0, begin);
      begin = 0;
      if (decoder.passes_utf8()) {
        read_block(in, raw_, origin);
      } else {
        raw_.clear();
        read_block(in, raw_, origin);
        decoder.decode(raw_, !in, decoded_);
        tell_damage();
      }
    }
  }

  const DocumentSink& sink_;
  const WarningSink& warn_;
  const ReadOptions& options_;
  std::string raw_;      // the input's bytes, a block at a time; reused for every input
  std::string decoded_;  // raw_ converted to UTF-8, when the input is in another encoding
  std::string line_;
  JsonLineParser parser_;
};

}  // namespace

std::string date_header(std::string_view text) {
  std::size_t pos = text.find_first_not_of(" \t\r\n");
  if (pos == std::string_view::npos) return {};
  text.remove_prefix(pos);
  if (!text.starts_with("date")) return {};
  text.remove_prefix(4);
  if (text.starts_with(":")) text.remove_prefix(1);
  pos = text.find_first_not_of(" \t");
  if (pos == 0 || pos == std::string_view::npos) return {};
  text.remove_prefix(pos);
  if (!looks_like_iso_date(text)) return {};
  return std::string(text.substr(0, 10));
}

std::optional<std::string> read_text_file(const std::string& path, const WarningSink& warn,
                                          const ReadOptions& options) {
  return decode_file(read_file(path), path, options, warn);
}

void check_inputs_exist(const std::vector<std::string>& inputs) {
  for (const std::string& input : inputs) {
    if (input == "-") continue;
    std::error_code ec;
    if (!fs::exists(input, ec)) throw Error(Error::Kind::kUsage, input, "no such file or directory");
  }
}

void read_json_lines(std::string_view content, const std::string& origin, const DocumentSink& sink,
                     const WarningSink& warn) {
  std::istringstream in{std::string(content)};
  const ReadOptions options;
  FileReader(sink, warn, options).read_json_lines(in, origin);
}

void read_inputs(const std::vector<std::string>& inputs, const DocumentSink& sink, const WarningSink& warn,
                 const ReadOptions& options) {
  FileReader files(sink, warn, options);
  for (const std::string& input : inputs) {
    if (input == "-") {
      files.read_stdin();
      continue;
    }
    const fs::path path(input);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      files.read_directory(path);
    } else {
      files.read_path(path);
    }
  }
}

}  // namespace relgraph
