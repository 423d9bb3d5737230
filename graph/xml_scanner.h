// XmlScanner: a fast, strict pull parser for the XML graph files are made of.
//
//   XmlScanner xml(text, "graph.graphml");
//   while (xml.next()) {
//     if (xml.event() == XmlScanner::kStart && xml.name() == "node") id = xml.attribute("id");
//     if (xml.event() == XmlScanner::kText) xml.append_text(value);
//   }
//
// Events: kStart (name and attributes), kEnd (name; a self-closing element
// gives kStart then kEnd), kText (character data or a CDATA section, one
// piece at a time, whitespace between elements included). Comments and
// processing instructions are skipped.
//
// It checks well-formedness as it reads - one root element, tags that nest
// and match, quoted attributes separated by spaces, entity references that
// exist (the five predefined ones and character references), no text outside
// the root - and throws Error(kInput, "FILE:LINE:COLUMN", reason) at the first
// fault. A DOCTYPE is skipped when it declares nothing and refused when it
// has an internal subset, so no entity is ever expanded and no file or URL
// is ever fetched. Only UTF-8 (or ASCII) documents are accepted.
//
// Raw views point into `text`, which must outlive the scanner; decoded text
// (entities resolved, line ends normalised as XML says) is appended to a
// string the caller owns, so text nobody asks for costs nothing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace relgraph {

class XmlScanner {
 public:
  enum Event { kStart, kEnd, kText };
  // kElementsOnly: text is checked but not reported (for readers that take
  // content by offsets), which halves the events of an indented file.
  enum class Text { kReported, kElementsOnly };

  XmlScanner(std::string_view text, std::string name, Text text_events = Text::kReported);

  // A scanner that starts inside `text`, at byte `begin`, where the elements
  // named in `open` (outermost first) are open: how a second thread reads
  // the second half of a document. Positions and errors still count from
  // the start of `text`.
  XmlScanner(std::string_view text, std::string name, Text text_events, std::size_t begin,
             std::vector<std::string_view> open);

  // Moves to the next event; false once the root element has closed and
  // only comments and whitespace follow.
  bool next();

  Event event() const { return event_; }
  std::string_view name() const { return name_; }  // kStart, kEnd: the element's name, prefix included
  std::size_t depth() const { return stack_.size(); }  // open elements, counting one being started

  // kStart: the raw value of an attribute (entities not resolved), or an
  // empty view when absent; has_attribute tells the two apart.
  std::string_view raw_attribute(std::string_view name) const;
  bool has_attribute(std::string_view name) const;
  // kStart: the attribute's value, decoded; empty when absent.
  std::string attribute(std::string_view name) const;

  // kText: the raw text; append_text appends it decoded.
  std::string_view raw_text() const { return text_; }
  void append_text(std::string& out) const;

  // Skips the rest of the element just started (after kStart), up to and including its kEnd.
  void skip_element();

  // The whole document, as given.
  std::string_view document() const { return {begin_, static_cast<std::size_t>(end_ - begin_)}; }

  // The names of the open elements, outermost first.
  const std::vector<std::string_view>& open_elements() const { return stack_; }

  // The offset of the next byte that is not white space (where the next
  // markup starts, between elements).
  std::size_t next_markup() const;

  // The byte offset just past the current event (after a start tag: where its content begins).
  std::size_t position() const { return offset(p_); }

  // Where the current event starts: as a byte offset, and as "FILE:LINE:COLUMN"
  // (for the current event, or for an offset kept from an earlier one).
  std::size_t event_offset() const { return event_offset_; }
  std::string where() const { return where(event_offset_); }
  std::string where(std::size_t offset) const;

  // Throws Error(kInput, where(), reason).
  [[noreturn]] void fail(const std::string& reason) const;

 private:
  struct Attribute {
    std::string_view name, value;
  };

  [[noreturn]] void fail_at(std::size_t offset, const std::string& reason) const;
  std::size_t offset(const char* p) const { return static_cast<std::size_t>(p - begin_); }

  bool at(std::string_view s) const;
  void skip_spaces();
  std::string_view read_name();
  const char* find(std::string_view s, const char* reason);
  void check_references(std::string_view raw) const;
  void read_start_tag();
  void read_end_tag();
  void read_declaration();
  void read_doctype();

  const char* begin_;
  const char* p_;
  const char* end_;
  std::string file_;
  Event event_ = kText;
  std::string_view name_, text_;
  bool text_is_cdata_ = false;
  std::vector<Attribute> attributes_;
  std::vector<std::string_view> stack_;
  bool pending_end_ = false;
  bool report_text_ = true;
  bool root_seen_ = false;
  std::size_t event_offset_ = 0;
};

// "FILE:LINE:COLUMN" for a byte offset of `document` (columns count characters).
std::string xml_where(std::string_view document, const std::string& name, std::size_t offset);

// Appends the decoded text of raw element content (as found between a start
// and an end tag of a document XmlScanner has checked): references resolved,
// CDATA sections taken as they are, comments, processing instructions and
// the text of nested elements left out, line ends normalised.
void xml_append_content(std::string_view raw, std::string& out);
std::string xml_content(std::string_view raw);

// Appends a raw attribute value (from a checked document) decoded.
void xml_append_attribute(std::string_view raw, std::string& out);
std::string xml_attribute(std::string_view raw);

}  // namespace relgraph
