#include "export/dot_writer.h"

#include <ostream>

#include "export/graph_style.h"

namespace relgraph {

std::string dot_quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  out += '"';
  return out;
}

void write_dot(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  const std::string font = dot_quote(kDotFont);
  const bool large = kg.node_count() > kDotLargeGraph;
  out << "// written by relgraph; render with: dot -Tsvg FILE -o FILE.svg";
  if (large) out << "\n// " << kg.node_count() << " nodes: laid out with sfdp, edge labels left out (hover for them in SVG)";
  out << "\ndigraph relgraph {\n"
         "  graph [charset=\"UTF-8\", fontname="
      << font << ", rankdir=\"LR\", overlap=\"prism\"" << (large ? ", layout=\"sfdp\"" : "")
      << "];\n"
         "  node [fontname="
      << font
      << ", style=\"filled\", fontsize=\"12\"];\n"
         "  edge [fontname="
      << font << ", fontsize=\"10\", color=\"#555555\"];\n";

  for (const Node n : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& p = g[n];
    const EntityStyle style = style_of(p.type);
    out << "  \"n" << n << "\" [label=" << dot_quote(p.label) << ", shape=\"" << style.dot_shape << "\", fillcolor=\""
        << style.hex << "\"];\n";
  }
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProperties& p = g[e];
    out << "  \"n" << boost::source(e, g) << "\" -> \"n" << boost::target(e, g) << "\" [";
    if (!large) out << "label=" << dot_quote(name(p.relation)) << ", ";
    out << "tooltip=" << dot_quote(std::string(name(p.relation)) + ": " + p.evidence) << ", penwidth=\""
        << (p.docs.size() > 1 ? 2 : 1) << "\"";
    if (is_symmetric(p.relation)) out << ", dir=\"none\"";
    out << "];\n";
  }

  out << "  subgraph cluster_legend {\n"
         "    label=\"Legend\";\n"
         "    fontname="
      << font
      << ";\n"
         "    style=\"dashed\";\n";
  for (const EntityType type : kEntityTypes) {
    const EntityStyle style = style_of(type);
    out << "    \"legend_" << name(type) << "\" [label=\"" << name(type) << "\", shape=\"" << style.dot_shape
        << "\", fillcolor=\"" << style.hex << "\"];\n";
  }
  out << "  }\n}\n";
}

}  // namespace relgraph
