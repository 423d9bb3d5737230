// GraphML reader: a saved graph file back into a KnowledgeGraph, so that
// `relgraph export` converts and filters without re-reading the articles.
//
// Reads what write_graphml writes and loses nothing. It also reads such a
// file after another tool has rewritten it (Gephi, NetworkX and yEd use
// other key ids and orders): every <data> is resolved through its <key>'s
// attr.name, keys relgraph does not know are ignored, and node ids may be
// any strings. Needed: a type (ORG, PERSON, PRODUCT) on every node and a
// relation (one of the thirteen) on every edge. Lists (aliases, docs) are
// JSON arrays of strings, or ';'-separated. An edge's weight is recomputed
// from its docs; two edges for one fact are merged.
//
// The file is streamed (libxml2's xmlTextReader), so memory follows the size
// of the graph, not of the file; no network access, no entity expansion.
// Failures throw Error(kInput) whose place is "FILE:LINE" and whose reason
// says what is wrong: XML that is not well-formed, a missing type, an edge to
// an unknown node, a value that is not a number.
#pragma once

#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace relgraph {

KnowledgeGraph read_graphml_file(const std::string& path);

// `name` is where errors say the text came from.
KnowledgeGraph read_graphml_text(std::string_view xml, const std::string& name = "<graphml>");

}  // namespace relgraph
