#include "export/dot_writer.h"

#include <ostream>

namespace relgraph {

namespace {

struct NodeStyle {
  const char* shape;
  const char* fill;
};

NodeStyle style_of(EntityType type) {
  switch (type) {
    case EntityType::kOrg:
      return {"box", "#a6cee3"};
    case EntityType::kPerson:
      return {"ellipse", "#fdbf6f"};
    case EntityType::kProduct:
      return {"hexagon", "#b2df8a"};
  }
  return {"box", "#ffffff"};
}

}  // namespace

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
  out << "// written by relgraph; render with: dot -Tsvg FILE (small graphs) or sfdp -Tsvg FILE (large)\n"
         "digraph relgraph {\n"
         "  graph [charset=\"UTF-8\", fontname="
      << font
      << ", rankdir=\"LR\", overlap=\"prism\", splines=\"true\"];\n"
         "  node [fontname="
      << font
      << ", style=\"filled\", fontsize=\"12\"];\n"
         "  edge [fontname="
      << font << ", fontsize=\"10\", color=\"#555555\"];\n";

  for (const Node n : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& p = g[n];
    const NodeStyle style = style_of(p.type);
    out << "  \"n" << n << "\" [label=" << dot_quote(p.label) << ", shape=\"" << style.shape << "\", fillcolor=\""
        << style.fill << "\"];\n";
  }
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProperties& p = g[e];
    out << "  \"n" << boost::source(e, g) << "\" -> \"n" << boost::target(e, g) << "\" [label=" << dot_quote(name(p.relation))
        << ", penwidth=\"" << (p.docs.size() > 1 ? 2 : 1) << "\"";
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
    const NodeStyle style = style_of(type);
    out << "    \"legend_" << name(type) << "\" [label=\"" << name(type) << "\", shape=\"" << style.shape
        << "\", fillcolor=\"" << style.fill << "\"];\n";
  }
  out << "  }\n}\n";
}

}  // namespace relgraph
