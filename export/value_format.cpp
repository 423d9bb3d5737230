#include "export/value_format.h"

#include <rapidjson/writer.h>

#include <charconv>

namespace relgraph {

namespace {

// Whether byte c may need escaping or dropping; the rest is copied in runs.
bool needs_care(unsigned char c) {
  return c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == 0xEF;
}

void append_escaped(std::string& out, std::string_view text, bool quotes) {
  std::size_t copied = 0;  // text[copied, i) is still to be appended as it is
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!needs_care(c)) continue;
    std::string_view replacement;
    std::size_t width = 1;  // bytes replaced
    switch (c) {
      case '&':
        replacement = "&amp;";
        break;
      case '<':
        replacement = "&lt;";
        break;
      case '>':
        replacement = "&gt;";
        break;
      case '"':
        if (!quotes) continue;
        replacement = "&quot;";
        break;
      case '\'':
        if (!quotes) continue;
        replacement = "&apos;";
        break;
      case '\t':
      case '\n':
      case '\r':
        continue;
      case 0xEF:  // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters.
        if (i + 2 >= text.size() || static_cast<unsigned char>(text[i + 1]) != 0xBF ||
            (static_cast<unsigned char>(text[i + 2]) != 0xBE && static_cast<unsigned char>(text[i + 2]) != 0xBF)) {
          continue;
        }
        width = 3;
        break;
      default:  // the other C0 controls are not XML characters: dropped
        break;
    }
    out.append(text.data() + copied, i - copied);
    out += replacement;
    i += width - 1;
    copied = i + 1;
  }
  out.append(text.data() + copied, text.size() - copied);
}

std::string escape(std::string_view text, bool quotes) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text, quotes);
  return out;
}

// A RapidJSON output stream that appends to a std::string.
struct StringAppender {
  using Ch = char;
  std::string& out;
  void Put(char c) { out.push_back(c); }
  void Flush() {}
};

}  // namespace

std::string xml_escape(std::string_view text) { return escape(text, true); }

std::string xml_escape_text(std::string_view text) { return escape(text, false); }

void append_xml_escape_text(std::string& out, std::string_view text) { append_escaped(out, text, false); }

void append_json_array(std::string& out, const std::vector<std::string>& items) {
  StringAppender appender{out};
  rapidjson::Writer<StringAppender> writer(appender);
  writer.StartArray();
  for (const std::string& item : items) writer.String(item.data(), static_cast<rapidjson::SizeType>(item.size()));
  writer.EndArray();
}

std::string json_array(const std::vector<std::string>& items) {
  std::string out;
  append_json_array(out, items);
  return out;
}

std::string format_double(double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string s(buffer, ec == std::errc() ? end : buffer);
  if (s.find_first_of(".eE") == std::string::npos && s.find_first_of("0123456789") != std::string::npos) s += ".0";
  return s;
}

std::string csv_field(std::string_view text) {
  std::string field;
  field.reserve(text.size());
  bool quote = false;
  for (const char c : text) {
    if (c == '\r' || c == '\n') {
      field += ' ';
      continue;
    }
    if (c == ',' || c == '"') quote = true;
    field += c;
    if (c == '"') field += '"';
  }
  return quote ? '"' + field + '"' : field;
}

}  // namespace relgraph
