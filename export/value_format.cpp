#include "export/value_format.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>

namespace relgraph {

namespace {

std::string escape(std::string_view text, bool quotes) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += quotes ? "&quot;" : "\"";
        break;
      case '\'':
        out += quotes ? "&apos;" : "'";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters.
        if (static_cast<unsigned char>(c) == 0xEF && i + 2 < text.size() &&
            static_cast<unsigned char>(text[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(text[i + 2]) == 0xBE || static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
          i += 2;
          break;
        }
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string xml_escape(std::string_view text) { return escape(text, true); }

std::string xml_escape_text(std::string_view text) { return escape(text, false); }

std::string json_array(const std::vector<std::string>& items) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartArray();
  for (const std::string& item : items) writer.String(item.data(), static_cast<rapidjson::SizeType>(item.size()));
  writer.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
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
