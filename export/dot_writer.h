// DOT writer: the graph for Graphviz (dot for small graphs, sfdp for large).
//
// Up to kDotLargeGraph nodes the graph is for `dot`: edges labelled with
// their relation. Beyond, dot would take minutes (../shared/CLIENTS.md), so
// the file asks for sfdp (layout="sfdp", overlap="prism") and leaves edge
// labels out; in SVG every edge still shows its relation and evidence on hover.
//
// Declares charset UTF-8 and a Hangul-capable font on the graph, node and
// edge defaults (an edge without a font falls back to Times and draws boxes).
// Nodes are shaped and coloured by type, edges labelled with their relation
// (symmetric relations drawn without arrowheads), and a legend explains the
// node styles. Every id and label is quoted and escaped.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace relgraph {

// The font DOT files name; "Noto Sans CJK KR" comes with Debian's fonts-noto-cjk.
inline constexpr std::string_view kDotFont = "Noto Sans CJK KR";

inline constexpr std::size_t kDotLargeGraph = 300;

void write_dot(const KnowledgeGraph& graph, std::ostream& out);

// `text` as a quoted DOT string: "..." with \" and \\ escaped, newlines as \n.
std::string dot_quote(std::string_view text);

}  // namespace relgraph
