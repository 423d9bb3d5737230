// The JSON Lines `relgraph extract` prints, exactly as RELATIONS.md defines:
//
//   {"kind": "entity", "doc", "name", "surface", "type", "start", "end"}          (with --entities)
//   {"kind": "relation", "doc", "relation", "subject": {"name", "type"},
//    "object": {"name", "type"}, "evidence", "rule", "attrs": {"role"?, "date"?}}
//
// attrs.date is the article's date, when the input gives one.
//
// Entity lines of a document come first, in text order, then its relations.
#pragma once

#include <string>

#include "extract/mentions.h"

namespace relgraph {

// Appends the lines for one document to `out`, each ending in '\n'.
void append_json_lines(const DocumentResult& result, bool with_entities, std::string& out);

}  // namespace relgraph
