#include "graph/xml_scanner.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "extract/error.h"
#include "extract/utf8.h"

namespace relgraph {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Which bytes may start (1) or continue (1 or 2) an XML name, as a table: names
// are read for every tag, and a lookup beats a chain of comparisons. Every
// byte of a multi-byte UTF-8 character counts as a name character.
struct NameBytes {
  unsigned char kind[256] = {};
  constexpr NameBytes() {
    for (int c = 0; c < 256; ++c) {
      const bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
      const bool more = (c >= '0' && c <= '9') || c == '-' || c == '.';
      kind[c] = start ? 1 : more ? 2 : 0;
    }
  }
};
constexpr NameBytes kNameBytes;

bool is_name_start(char c) { return kNameBytes.kind[static_cast<unsigned char>(c)] == 1; }
bool is_name_char(char c) { return kNameBytes.kind[static_cast<unsigned char>(c)] != 0; }

// What scan_to found on its way.
struct Seen {
  bool ampersand = false;
  bool less_than = false;
};

// The first `stop` byte at or after p (or end), noting any '&' and '<' before
// it: one pass where memchr would take three (text and attribute values are
// searched for their end and checked for references and markup). Sixteen
// bytes at a time with SSE2, which every x86-64 has; byte by byte elsewhere.
const char* scan_to(const char* p, const char* end, char stop, Seen& seen) {
#if defined(__SSE2__)
  const __m128i stop_bytes = _mm_set1_epi8(stop), amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<');
  while (end - p >= 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const unsigned stops = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, stop_bytes)));
    const unsigned amps = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, amp)));
    const unsigned lts = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, lt)));
    const unsigned before = stops ? (1u << __builtin_ctz(stops)) - 1 : 0xFFFFu;
    seen.ampersand |= (amps & before) != 0;
    seen.less_than |= (lts & before) != 0;
    if (stops) return p + __builtin_ctz(stops);
    p += 16;
  }
#endif
  for (; p < end; ++p) {
    if (*p == stop) return p;
    seen.ampersand |= *p == '&';
    seen.less_than |= *p == '<';
  }
  return end;
}

// Two names the same: inline for the short names of tags, where memcmp is a call.
bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() > 16) return a == b;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

bool is_xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

// The code point of a character reference's body ("#65", "#x41"), or 0 when it is not one.
char32_t character_reference(std::string_view body) {
  if (body.size() < 2 || body[0] != '#') return 0;
  const bool hex = body[1] == 'x';
  const std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return 0;
  char32_t value = 0;
  for (const char c : digits) {
    int digit;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (hex && c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (hex && c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      return 0;
    }
    value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
  }
  return is_xml_char(value) ? value : 0;
}

// What a reference's body ("lt", "#x41") stands for, appended to out; false when it names nothing.
bool append_reference(std::string_view body, std::string& out) {
  if (body == "lt") {
    out += '<';
  } else if (body == "gt") {
    out += '>';
  } else if (body == "amp") {
    out += '&';
  } else if (body == "quot") {
    out += '"';
  } else if (body == "apos") {
    out += '\'';
  } else if (const char32_t c = character_reference(body)) {
    utf8::append(out, c);
  } else {
    return false;
  }
  return true;
}

// Appends raw XML text decoded: references resolved; line ends normalised to
// \n and, in attribute values, every white-space character to a space (XML 1.0, 2.11 and 3.3.3).
// True when raw holds a byte decode() would change. memchr (vectorised) for
// element text, which can be long; a plain loop for short attribute values.
bool needs_decoding(std::string_view raw, bool attribute) {
  if (raw.empty()) return false;  // memchr on an empty view's null data is undefined
  if (!attribute) {
    return std::memchr(raw.data(), '&', raw.size()) != nullptr || std::memchr(raw.data(), '\r', raw.size()) != nullptr;
  }
  for (const char c : raw) {
    if (c == '&' || c == '\r' || c == '\n' || c == '\t') return true;
  }
  return false;
}

void decode(std::string_view raw, bool attribute, std::string& out) {
  if (!needs_decoding(raw, attribute)) {
    out.append(raw);
    return;
  }
  out.reserve(out.size() + raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '&') {
      const std::size_t semicolon = raw.find(';', i);  // checked while scanning
      append_reference(raw.substr(i + 1, semicolon - i - 1), out);
      i = semicolon;
    } else if (c == '\r') {
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      out += attribute ? ' ' : '\n';
    } else if (attribute && (c == '\n' || c == '\t')) {
      out += ' ';
    } else {
      out += c;
    }
  }
}

}  // namespace

XmlScanner::XmlScanner(std::string_view text, std::string name, Text text_events)
    : begin_(text.data()),
      p_(text.data()),
      end_(text.data() + text.size()),
      file_(std::move(name)),
      report_text_(text_events == Text::kReported) {
  if (text.starts_with("\xEF\xBB\xBF")) p_ += 3;
  if (text.size() >= 2 && ((text[0] == '\xFE' && text[1] == '\xFF') || (text[0] == '\xFF' && text[1] == '\xFE'))) {
    fail_at(0, "UTF-16 is not supported; save the file as UTF-8");
  }
}

std::string xml_where(std::string_view document, const std::string& name, std::size_t offset) {
  const std::string_view before = document.substr(0, std::min(offset, document.size()));
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const std::size_t column = 1 + utf8::count_code_points(before.substr(line_start));
  return name + ":" + std::to_string(line) + ":" + std::to_string(column);
}

XmlScanner::XmlScanner(std::string_view text, std::string name, Text text_events, std::size_t begin,
                       std::vector<std::string_view> open)
    : XmlScanner(text, std::move(name), text_events) {
  p_ = begin_ + std::min(begin, text.size());
  stack_ = std::move(open);
  root_seen_ = true;
}

std::size_t XmlScanner::next_markup() const {
  const char* q = p_;
  while (q < end_ && is_space(*q)) ++q;
  return offset(q);
}

std::string XmlScanner::where(std::size_t offset) const {
  return xml_where({begin_, static_cast<std::size_t>(end_ - begin_)}, file_, offset);
}

void XmlScanner::fail(const std::string& reason) const { fail_at(event_offset_, reason); }

void XmlScanner::fail_at(std::size_t offset, const std::string& reason) const {
  throw Error(Error::Kind::kBadData, where(offset), reason);
}

bool XmlScanner::at(std::string_view s) const {
  return static_cast<std::size_t>(end_ - p_) >= s.size() && std::memcmp(p_, s.data(), s.size()) == 0;
}

void XmlScanner::skip_spaces() {
  while (p_ < end_ && is_space(*p_)) ++p_;
}

std::string_view XmlScanner::read_name() {
  const char* start = p_;
  if (p_ == end_ || !is_name_start(*p_)) fail_at(offset(p_), "expected a name here");
  while (p_ < end_ && is_name_char(*p_)) ++p_;
  return {start, static_cast<std::size_t>(p_ - start)};
}

// Moves past the next `s`; fails with `reason` when the document ends first.
const char* XmlScanner::find(std::string_view s, const char* reason) {
  const std::string_view rest(p_, static_cast<std::size_t>(end_ - p_));
  const std::size_t at = rest.find(s);
  if (at == std::string_view::npos) fail_at(offset(p_), reason);
  p_ += at + s.size();
  return p_ - s.size();
}

// Every '&' in raw text must begin a reference that names something.
void XmlScanner::check_references(std::string_view raw) const {
  for (std::size_t i = raw.find('&'); i != std::string_view::npos; i = raw.find('&', i + 1)) {
    const std::size_t semicolon = raw.find(';', i);
    std::string scratch;
    if (semicolon == std::string_view::npos || semicolon - i > 12 ||
        !append_reference(raw.substr(i + 1, semicolon - i - 1), scratch)) {
      const bool whole = semicolon != std::string_view::npos && semicolon - i <= 12;
      const std::string shown = whole ? std::string(raw.substr(i, semicolon - i + 1))
                                      : std::string(raw.substr(i, std::min<std::size_t>(6, raw.size() - i))) + "...";
      fail_at(offset(raw.data() + i), "\"" + shown +
                                          "\" is no known entity reference (only &lt; &gt; &amp; &quot; &apos; "
                                          "and &#...; exist here; a lone & must be written &amp;)");
    }
  }
}

bool XmlScanner::next() {
  if (pending_end_) {
    pending_end_ = false;
    event_ = kEnd;
    event_offset_ = offset(p_);  // a self-closing element ends where its tag does
    stack_.pop_back();
    return true;
  }
  for (;;) {
    event_offset_ = offset(p_);
    if (p_ == end_) {
      if (!stack_.empty()) fail_at(offset(p_), "the file ends before <" + std::string(stack_.back()) + "> is closed");
      if (!root_seen_) fail_at(offset(p_), "no root element");
      return false;
    }
    if (*p_ != '<') {
      Seen seen;
      const char* stop = scan_to(p_, end_, '<', seen);
      text_ = {p_, static_cast<std::size_t>(stop - p_)};
      if (stack_.empty()) {
        if (!std::all_of(text_.begin(), text_.end(), is_space)) fail_at(offset(p_), "text outside the root element");
        p_ = stop;
        continue;
      }
      if (seen.ampersand) check_references(text_);
      p_ = stop;
      if (!report_text_) continue;
      text_is_cdata_ = false;
      event_ = kText;
      return true;
    }
    // Dispatch on the character after '<': most tags are plain start and end tags.
    const char second = p_ + 1 < end_ ? p_[1] : '\0';
    if (second == '/') {
      read_end_tag();
      return true;
    }
    if (second != '?' && second != '!') {
      read_start_tag();
      return true;
    }
    if (second == '?') {
      read_declaration();
    } else if (at("<!--")) {
      p_ += 4;
      find("-->", "a comment that is never closed (-->)");
    } else if (at("<![CDATA[")) {
      if (stack_.empty()) fail_at(offset(p_), "CDATA outside the root element");
      p_ += 9;
      const char* start = p_;
      const char* close = find("]]>", "a CDATA section that is never closed (]]>)");
      text_ = {start, static_cast<std::size_t>(close - start)};
      if (!report_text_) continue;
      text_is_cdata_ = true;
      event_ = kText;
      return true;
    } else if (at("<!DOCTYPE")) {
      read_doctype();
    } else {
      fail_at(offset(p_), "<! that starts no comment, CDATA section or DOCTYPE");
    }
  }
}

void XmlScanner::read_declaration() {
  const char* start = p_;
  p_ += 2;
  const std::string_view target = read_name();
  const char* close = find("?>", "a processing instruction that is never closed (?>)");
  if (target != "xml") return;
  if (start != begin_ && !(start == begin_ + 3 && std::string_view(begin_, 3) == "\xEF\xBB\xBF")) {
    fail_at(offset(start), "the XML declaration must come first in the file");
  }
  std::string declaration(start, close);
  std::transform(declaration.begin(), declaration.end(), declaration.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  const std::size_t encoding = declaration.find("encoding");
  if (encoding == std::string::npos) return;
  const std::size_t quote = declaration.find_first_of("\"'", encoding);
  if (quote == std::string::npos) fail_at(offset(start), "a malformed XML declaration");
  const std::string name = declaration.substr(quote + 1, declaration.find(declaration[quote], quote + 1) - quote - 1);
  if (name != "utf-8" && name != "utf8" && name != "us-ascii" && name != "ascii") {
    fail_at(offset(start), "the file says it is " + name + "; only UTF-8 is supported (convert it, e.g. with iconv)");
  }
}

void XmlScanner::read_doctype() {
  if (root_seen_) fail_at(offset(p_), "a DOCTYPE after the root element");
  const char* start = p_;
  // No quoted '>' or '[' can hide in the external ids of a declaration-free DOCTYPE worth accepting.
  const std::string_view rest(p_, static_cast<std::size_t>(end_ - p_));
  const std::size_t close = rest.find('>');
  if (close == std::string_view::npos) fail_at(offset(start), "a DOCTYPE that is never closed");
  if (rest.substr(0, close).find('[') != std::string_view::npos) {
    fail_at(offset(start), "a DOCTYPE with declarations ([...]) is not supported: entities are never expanded");
  }
  p_ += close + 1;
}

void XmlScanner::read_start_tag() {
  const char* start = p_;
  ++p_;
  if (root_seen_ && stack_.empty()) fail_at(offset(start), "a second root element");
  name_ = read_name();
  attributes_.clear();
  for (;;) {
    const char* before_spaces = p_;
    skip_spaces();
    if (p_ == end_) fail_at(offset(start), "<" + std::string(name_) + " is never closed with >");
    if (*p_ == '>') {
      ++p_;
      break;
    }
    if (*p_ == '/') {
      if (p_ + 1 == end_ || p_[1] != '>') fail_at(offset(p_), "expected /> here");
      p_ += 2;
      pending_end_ = true;
      break;
    }
    if (p_ == before_spaces) fail_at(offset(p_), "attributes must be separated by white space");
    const std::string_view attribute = read_name();
    skip_spaces();
    if (p_ == end_ || *p_ != '=') fail_at(offset(p_), "expected = after the attribute " + std::string(attribute));
    ++p_;
    skip_spaces();
    if (p_ == end_ || (*p_ != '"' && *p_ != '\'')) {
      fail_at(offset(p_), "the value of " + std::string(attribute) + " must be in quotes");
    }
    const char quote = *p_++;
    const char* value_start = p_;
    Seen seen;
    const char* value_end = scan_to(p_, end_, quote, seen);
    if (value_end == end_) fail_at(offset(value_start - 1), "the value of " + std::string(attribute) + " is never closed");
    const std::string_view value(value_start, static_cast<std::size_t>(value_end - value_start));
    if (seen.less_than) fail_at(offset(value_start + value.find('<')), "< inside an attribute value (write &lt;)");
    if (seen.ampersand) check_references(value);
    if (has_attribute(attribute)) fail_at(offset(value_start), "the attribute " + std::string(attribute) + " twice");
    attributes_.push_back({attribute, value});
    p_ = value_end + 1;
  }
  root_seen_ = true;
  stack_.push_back(name_);
  event_ = kStart;
}

void XmlScanner::read_end_tag() {
  const char* start = p_;
  p_ += 2;
  name_ = read_name();
  skip_spaces();
  if (p_ == end_ || *p_ != '>') fail_at(offset(p_), "expected > to end </" + std::string(name_));
  ++p_;
  if (stack_.empty()) fail_at(offset(start), "</" + std::string(name_) + "> closes nothing");
  if (!same_name(stack_.back(), name_)) {
    fail_at(offset(start), "</" + std::string(name_) + "> where </" + std::string(stack_.back()) + "> was expected");
  }
  stack_.pop_back();
  event_ = kEnd;
}

std::string_view XmlScanner::raw_attribute(std::string_view name) const {
  for (const Attribute& a : attributes_) {
    if (same_name(a.name, name)) return a.value;
  }
  return {};
}

bool XmlScanner::has_attribute(std::string_view name) const {
  return std::any_of(attributes_.begin(), attributes_.end(), [&](const Attribute& a) { return same_name(a.name, name); });
}

std::string XmlScanner::attribute(std::string_view name) const {
  std::string out;
  decode(raw_attribute(name), true, out);
  return out;
}

namespace {

// CDATA holds no references, but its line ends are normalised like any text.
void append_cdata(std::string_view text, std::string& out) {
  if (text.find('\r') == std::string_view::npos) {
    out.append(text);
    return;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      out += '\n';
    }
  }
}

// The end of the tag that starts at raw[i] ('<'), skipping quoted attribute values.
std::size_t tag_end(std::string_view raw, std::size_t i) {
  char quote = 0;
  for (; i < raw.size(); ++i) {
    if (quote) {
      if (raw[i] == quote) quote = 0;
    } else if (raw[i] == '"' || raw[i] == '\'') {
      quote = raw[i];
    } else if (raw[i] == '>') {
      return i;
    }
  }
  return raw.size();
}

}  // namespace

void XmlScanner::append_text(std::string& out) const {
  if (text_is_cdata_) {
    append_cdata(text_, out);
  } else {
    decode(text_, false, out);
  }
}

void xml_append_content(std::string_view raw, std::string& out) {
  if (raw.find('<') == std::string_view::npos) {
    decode(raw, false, out);
    return;
  }
  int nested = 0;  // depth inside elements whose text is left out
  std::size_t i = 0;
  while (i < raw.size()) {
    const std::size_t lt = std::min(raw.find('<', i), raw.size());
    if (nested == 0) decode(raw.substr(i, lt - i), false, out);
    if (lt == raw.size()) break;
    const std::string_view rest = raw.substr(lt);
    std::size_t end;
    if (rest.starts_with("<![CDATA[")) {
      end = raw.find("]]>", lt);
      if (nested == 0) append_cdata(raw.substr(lt + 9, end - lt - 9), out);
      end += 2;
    } else if (rest.starts_with("<!--")) {
      end = raw.find("-->", lt) + 2;
    } else if (rest.starts_with("<?")) {
      end = raw.find("?>", lt) + 1;
    } else {
      end = tag_end(raw, lt);
      if (rest.starts_with("</")) {
        --nested;
      } else if (raw[end - 1] != '/') {
        ++nested;
      }
    }
    i = end + 1;
  }
}

std::string xml_content(std::string_view raw) {
  std::string out;
  xml_append_content(raw, out);
  return out;
}

void xml_append_attribute(std::string_view raw, std::string& out) { decode(raw, true, out); }

std::string xml_attribute(std::string_view raw) {
  std::string out;
  decode(raw, true, out);
  return out;
}

void XmlScanner::skip_element() {
  const std::size_t depth = stack_.size();
  while (next()) {
    if (event_ == kEnd && stack_.size() == depth - 1) return;
  }
}

}  // namespace relgraph
