#include "export/dot_writer.h"

#include <doctest/doctest.h>

#include <sstream>

#include "tests/sample_graphs.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

TEST_CASE("dot: quotes and backslashes are escaped, newlines become \\n") {
  CHECK(dot_quote("해솔\"전자\\") == "\"해솔\\\"전자\\\\\"");
  CHECK(dot_quote("두\n줄") == "\"두\\n줄\"");
}

TEST_CASE("dot: UTF-8 and a Hangul font on graph, node and edge, styled nodes, labelled edges, a legend") {
  std::ostringstream out;
  write_dot(testing::tricky_graph(), out);
  const std::string dot = out.str();
  CHECK(dot.find("charset=\"UTF-8\"") != std::string::npos);
  CHECK(dot.find("graph [charset=\"UTF-8\", fontname=\"Noto Sans CJK KR\"") != std::string::npos);
  CHECK(dot.find("node [fontname=\"Noto Sans CJK KR\"") != std::string::npos);
  CHECK(dot.find("edge [fontname=\"Noto Sans CJK KR\"") != std::string::npos);
  CHECK(dot.find("[label=\"A&B <해솔> \\\"전자\\\" 'x' \\\\ 😀\", shape=\"box\"") != std::string::npos);
  CHECK(dot.find("[label=\"해솔폰\", shape=\"hexagon\"") != std::string::npos);
  CHECK(dot.find("[label=\"조민서\", shape=\"ellipse\"") != std::string::npos);
  CHECK(dot.find("[label=\"hires\"") != std::string::npos);
  CHECK(dot.find("[label=\"partners_with\", tooltip=\"partners_with: 증거 문장: A&B <태그> \\\"인용\\\" 'single' 😀\", "
                 "penwidth=\"2\", dir=\"none\"]") != std::string::npos);
  CHECK(dot.find("layout=") == std::string::npos);
  CHECK(dot.find("subgraph cluster_legend") != std::string::npos);
}

TEST_CASE("dot: Graphviz renders it without a word on stderr, Hangul intact") {
  if (!testing::have_program("dot")) {
    MESSAGE("skipped: Graphviz's dot is not installed (.ci/install-deps installs it)");
    return;
  }
  testing::TempDir dir;
  std::ostringstream out;
  write_dot(testing::tricky_graph(), out);
  const auto file = dir.write("g.dot", out.str());
  const auto result = testing::run_command("dot -Tsvg " + testing::shell_quote(file.string()));
  CHECK(result.status == 0);
  CHECK(result.err == "");
  CHECK(result.out.find("조민서") != std::string::npos);
  CHECK(result.out.find("&lt;해솔&gt; &quot;전자&quot;") != std::string::npos);
}

}  // namespace
}  // namespace relgraph
