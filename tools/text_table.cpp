#include "tools/text_table.h"

#include <sys/ioctl.h>
#include <unicode/uchar.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ostream>

#include "extract/utf8.h"

namespace relgraph {

namespace {

std::size_t char_width(char32_t c) {
  const auto category = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR || c == 0x200B) {
    return 0;
  }
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  const auto width = static_cast<UEastAsianWidth>(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH));
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

// Tabs and line breaks inside a cell would break the table: spaces instead.
std::string flatten(std::string_view text) {
  std::string out(text);
  std::replace_if(out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return out;
}

void pad(std::ostream& out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out << ' ';
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) width += char_width(utf8::next(text, pos));
  return width;
}

std::string cut_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::size_t used = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t next = pos;
    const std::size_t w = char_width(utf8::next(text, next));
    if (used + w > width - 1) break;  // keep one column for the ellipsis
    used += w;
    pos = next;
  }
  return std::string(text.substr(0, pos)) + "…";
}

std::size_t terminal_width() {
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    const long n = std::strtol(columns, nullptr, 10);
    if (n > 0) return static_cast<std::size_t>(n);
  }
  return 100;
}

TextTable::TextTable(std::vector<std::string> headers) {
  for (std::string& header : headers) {
    const bool right = header.starts_with('>');
    right_.push_back(right);
    headers_.push_back(right ? header.substr(1) : header);
  }
}

void TextTable::add(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  for (std::string& cell : cells) cell = flatten(cell);
  rows_.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out, std::size_t width) const {
  const std::size_t columns = headers_.size();
  std::vector<std::size_t> widths(columns);
  for (std::size_t c = 0; c < columns; ++c) {
    widths[c] = display_width(headers_[c]);
    for (const auto& row : rows_) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  // The last column gets what is left of the line (at least 10 columns).
  std::size_t before_last = 0;
  for (std::size_t c = 0; c + 1 < columns; ++c) before_last += widths[c] + 2;
  const std::size_t last = width == 0 ? widths.back() : std::max<std::size_t>(10, width > before_last ? width - before_last : 0);

  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < columns; ++c) {
      if (c + 1 == columns) {
        out << (width == 0 ? cells[c] : cut_to_width(cells[c], last));
        break;
      }
      const std::size_t gap = widths[c] - display_width(cells[c]);
      if (right_[c]) pad(out, gap);
      out << cells[c];
      if (!right_[c]) pad(out, gap);
      out << "  ";
    }
    out << '\n';
  };
  print_row(headers_);
  for (const auto& row : rows_) print_row(row);
}

}  // namespace relgraph
