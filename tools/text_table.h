// TextTable: rows printed in aligned columns for a terminal.
//
//   TextTable table({"relation", "entity", ">docs", "evidence"});  // '>' right-aligns a column
//   table.add({"hires", "남건우", "1", "엘리스그룹은 ..."});
//   table.print(std::cout, terminal_width());
//
// Widths are display columns, not bytes: a Hangul syllable or a full-width
// character takes two (ICU's East Asian width), a combining mark none. The
// last column takes what width is left and is cut there, ending in "…".
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace relgraph {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers);
  void add(std::vector<std::string> cells);
  bool empty() const { return rows_.empty(); }

  // `width` 0: nothing is cut.
  void print(std::ostream& out, std::size_t width) const;

 private:
  std::vector<std::string> headers_;
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

// Display columns `text` takes in a terminal.
std::size_t display_width(std::string_view text);

// `text` cut to at most `width` columns, ending in "…" when cut.
std::string cut_to_width(std::string_view text, std::size_t width);

// The width of the terminal on standard output; else $COLUMNS; else 100.
std::size_t terminal_width();

}  // namespace relgraph
