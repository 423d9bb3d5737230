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

void read_path(const fs::path& path, const DocumentSink& sink, const WarningSink& warn, const ReadOptions& options) {
  auto text = decode_file(read_file(path), path.string(), options, warn);
  if (!text) return;
  if (path.extension() == ".jsonl") {
    read_json_lines(*text, path.string(), sink, warn);
  } else {
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
    std::string line(content.substr(pos, end - pos));
    pos = end + 1;
    ++line_number;
    const std::string where = origin + ":" + std::to_string(line_number);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;

    rapidjson::Document json;
    json.Parse(line.c_str(), line.size());
    if (json.HasParseError()) {
      warn(where + ": skipped, not JSON: " + rapidjson::GetParseError_En(json.GetParseError()));
      continue;
    }
    if (!json.IsObject() || !json.HasMember("text") || !json["text"].IsString()) {
      warn(where + ": skipped, no \"text\" string");
      continue;
    }
    Document doc;
    doc.id = string_field(json, "id");
    if (doc.id.empty()) doc.id = where;
    doc.text = string_field(json, "text");
    doc.title = string_field(json, "title");
    doc.date = string_field(json, "date");
    doc.url = string_field(json, "url");
    if (!doc.date.empty() && !looks_like_iso_date(doc.date)) {
      warn(where + ": date \"" + doc.date + "\" is not YYYY-MM-DD; ignored");
      doc.date.clear();
    } else if (doc.date.size() > 10) {
      doc.date.resize(10);  // "2024-03-17T09:00:00" -> the day
    }
    sink(std::move(doc));
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
