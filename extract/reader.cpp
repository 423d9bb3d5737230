#include "extract/reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

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

// One line of JSON Lines (without its '\n') as a document, or a warning.
void read_json_line(std::string_view line, const std::string& origin, std::size_t line_number,
                    const DocumentSink& sink, const WarningSink& warn) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return;
  const auto where = [&] { return origin + ":" + std::to_string(line_number); };
  rapidjson::Document json;
  json.Parse(line.data(), line.size());
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

// A .jsonl file read 4 MiB at a time, so memory does not grow with the file
// (an archive is often one multi-gigabyte file). Streaming needs UTF-8: when
// the first block does not read as UTF-8 (another encoding, --encoding, a
// binary file) the whole file goes through decode_text instead. Bad UTF-8
// found further on is repaired line by line, with one warning for the file.
void stream_json_lines(const fs::path& path, const DocumentSink& sink, const WarningSink& warn,
                       const ReadOptions& options) {
  constexpr std::size_t kBlock = 4 << 20;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Error::Kind::kInput, path.string(), "cannot open for reading");
  std::string buffer(kBlock, '\0');
  in.read(buffer.data(), static_cast<std::streamsize>(kBlock));
  buffer.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw Error(Error::Kind::kInput, path.string(), "read failed");
  if (!options.encoding.empty() || !reads_as_utf8(buffer)) {
    buffer.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(Error::Kind::kInput, path.string(), "read failed");
    if (auto text = decode_file(std::move(buffer), path.string(), options, warn)) {
      read_json_lines(*text, path.string(), sink, warn);
    }
    return;
  }
  const std::string origin = path.string();
  std::size_t consumed = buffer.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // file offset of buffer[begin]
  std::size_t begin = consumed;
  std::size_t line_number = 0;
  bool warned = false;
  std::string line;
  for (;;) {
    // Every complete line in the buffer; the rest waits for the next block.
    const bool at_end = !in;
    std::size_t end;
    while ((end = buffer.find('\n', begin)) != std::string::npos || (at_end && begin < buffer.size())) {
      if (end == std::string::npos) end = buffer.size();
      line.assign(buffer, begin, end - begin);
      if (const long long bad = utf8::make_valid(line); bad >= 0 && !warned) {
        warn(origin + ": invalid UTF-8 at byte " + std::to_string(consumed + static_cast<std::size_t>(bad)) +
             "; bad sequences replaced by U+FFFD");
        warned = true;
      }
      read_json_line(line, origin, ++line_number, sink, warn);
      consumed += end + 1 - begin;
      begin = end + 1;
    }
    if (at_end) return;
    buffer.erase(0, begin);
    begin = 0;
    const std::size_t kept = buffer.size();
    buffer.resize(kept + kBlock);
    in.read(buffer.data() + kept, static_cast<std::streamsize>(kBlock));
    buffer.resize(kept + static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw Error(Error::Kind::kInput, origin, "read failed");
  }
}

void read_path(const fs::path& path, const DocumentSink& sink, const WarningSink& warn, const ReadOptions& options) {
  if (path.extension() == ".jsonl") {
    stream_json_lines(path, sink, warn, options);
    return;
  }
  if (auto text = read_text_file(path.string(), warn, options)) {
    read_text_document(std::move(*text), path.filename().string(), sink);
  }
}

void read_directory(const fs::path& dir, const DocumentSink& sink, const WarningSink& warn,
                    const ReadOptions& options) {
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
  for (const fs::path& file : files) read_path(file, sink, warn, options);
}

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
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    read_json_line(content.substr(pos, end - pos), origin, ++line_number, sink, warn);
    pos = end + 1;
  }
}

void read_inputs(const std::vector<std::string>& inputs, const DocumentSink& sink, const WarningSink& warn,
                 const ReadOptions& options) {
  for (const std::string& input : inputs) {
    if (input == "-") {
      std::ostringstream buffer;
      buffer << std::cin.rdbuf();
      auto content = decode_file(buffer.str(), "stdin", options, warn);
      if (!content) continue;
      const std::size_t first = content->find_first_not_of(" \t\r\n");
      if (first != std::string::npos && (*content)[first] == '{') {
        read_json_lines(*content, "stdin", sink, warn);
      } else {
        read_text_document(std::move(*content), "stdin", sink);
      }
      continue;
    }
    const fs::path path(input);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      read_directory(path, sink, warn, options);
    } else {
      read_path(path, sink, warn, options);
    }
  }
}

}  // namespace relgraph
