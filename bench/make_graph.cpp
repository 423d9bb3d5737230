// relgraph_bench_graph: writes a synthetic graph (synthetic_graph.h) for benchmarks.
//
//   relgraph_bench_graph [--nodes N] [--edges M] [--seed S] -o FILE.graphml
//   relgraph_bench_graph --label I      prints the label of node I (0: the largest hub)
//
// Any output format relgraph writes works (the extension picks it).
#include <cstdlib>
#include <iostream>
#include <string>

#include "bench/synthetic_graph.h"
#include "export/exporter.h"
#include "extract/error.h"

int main(int argc, char** argv) {
  relgraph::bench::SyntheticGraphSpec spec;
  std::string output;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) {
      std::cerr << "usage: relgraph_bench_graph [--nodes N] [--edges M] [--seed S] -o FILE\n";
      return 2;
    }
    const std::string value = argv[++i];
    if (arg == "--nodes") {
      spec.nodes = std::stoull(value);
    } else if (arg == "--edges") {
      spec.edges = std::stoull(value);
    } else if (arg == "--seed") {
      spec.seed = std::stoull(value);
    } else if (arg == "--label") {
      std::cout << relgraph::bench::synthetic_label(std::stoull(value), spec.nodes) << '\n';
      return 0;
    } else if (arg == "-o") {
      output = value;
    } else {
      std::cerr << "relgraph_bench_graph: unknown option " << arg << '\n';
      return 2;
    }
  }
  if (output.empty() || spec.nodes < 10) {
    std::cerr << "usage: relgraph_bench_graph [--nodes N>=10] [--edges M] [--seed S] -o FILE\n";
    return 2;
  }
  try {
    const relgraph::KnowledgeGraph graph = relgraph::bench::synthetic_graph(spec);
    relgraph::write_graph_file(graph, output);
    std::cerr << "relgraph_bench_graph: " << graph.node_count() << " nodes, " << graph.edge_count() << " edges -> "
              << output << '\n';
  } catch (const relgraph::Error& e) {
    std::cerr << "relgraph_bench_graph: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
