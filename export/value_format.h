// How values are spelled inside relgraph's graph files, shared by the
// writers so every format says the same thing the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace relgraph {

// `text` escaped for an XML attribute value (& < > " ' as references);
// characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped.
std::string xml_escape(std::string_view text);

// The same for element content, where quotes need no escaping (only & < >),
// so that lists like ["a","b"] stay readable and cheap to read back.
std::string xml_escape_text(std::string_view text);

// xml_escape_text appended to `out`: writers of large files build their
// output in one buffer instead of a string per value.
void append_xml_escape_text(std::string& out, std::string_view text);

// A list as one string holding a JSON array: ["a","b"]. Graph formats whose
// values must be scalars (GraphML, GEXF, CSV) carry aliases and docs this way.
std::string json_array(const std::vector<std::string>& items);
void append_json_array(std::string& out, const std::vector<std::string>& items);

// A double in the shortest form that reads back as the same value: 2 -> "2.0", 0.5 -> "0.5".
std::string format_double(double value);

// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
// break, quotes doubled. Line breaks become spaces first, since Neo4j's
// importer and Gephi's spreadsheet import reject multi-line fields by default.
std::string csv_field(std::string_view text);

}  // namespace relgraph
