// relgraph_bench_assembly: graph assembly and export at scale (issue 7).
//
//   relgraph_bench_assembly [--mentions N] [--facts F] [--entities E] -o FILE.graphml
//
// Feeds N synthetic relation mentions (synthetic_graph.h: news-shaped
// documents of ten mentions each, stating F facts over E names) to GraphBuilder, builds the
// graph and writes it. Prints one line of key=value figures: the time of
// each phase, the graph's size, and the heap the builder holds per node and
// per edge. Bytes per node come from a second builder fed the same entities
// with no relations; the rest of the heap is divided among the edges.
#include <malloc.h>

#include <chrono>
#include <iostream>
#include <string>

#include "bench/synthetic_graph.h"
#include "export/exporter.h"
#include "extract/error.h"
#include "graph/graph_builder.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Heap in use, counting the large blocks malloc maps on their own (a vector
// of millions of records is one of those, and uordblks leaves it out).
std::size_t heap_in_use() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

}  // namespace

int main(int argc, char** argv) {
  relgraph::bench::SyntheticDocumentsSpec spec;
  std::string output;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i], value = argv[i + 1];
    if (arg == "--mentions") {
      spec.mentions = std::stoull(value);
    } else if (arg == "--facts") {
      spec.facts = std::stoull(value);
    } else if (arg == "--entities") {
      spec.entities = std::stoull(value);
    } else if (arg == "-o") {
      output = value;
    } else {
      std::cerr << "relgraph_bench_assembly: unknown option " << arg << '\n';
      return 2;
    }
  }
  if (output.empty() || spec.entities < 20) {
    std::cerr << "usage: relgraph_bench_assembly [--mentions N] [--facts F] [--entities E>=20] -o FILE\n";
    return 2;
  }
  try {
    // Bytes per node: the same entities, without their relations.
    std::size_t node_bytes = 0, nodes_alone = 0;
    {
      const std::size_t before = heap_in_use();
      relgraph::GraphBuilder entities_only;
      relgraph::bench::synthetic_documents(spec, [&](const relgraph::DocumentResult& document) {
        relgraph::DocumentResult copy = document;
        copy.relations.clear();
        entities_only.add(copy);
      });
      node_bytes = heap_in_use() - before;
      nodes_alone = std::move(entities_only).build().node_count();
    }

    // Making the documents is not assembly: timed alone, then subtracted.
    auto start = std::chrono::steady_clock::now();
    relgraph::bench::synthetic_documents(spec, [](const relgraph::DocumentResult&) {});
    const double generate_s = seconds_since(start);

    start = std::chrono::steady_clock::now();
    relgraph::GraphBuilder builder;
    const std::size_t before = heap_in_use();
    relgraph::bench::synthetic_documents(spec, [&](const relgraph::DocumentResult& document) {
      builder.add(document);
    });
    const std::size_t builder_bytes = heap_in_use() - before;
    const double add_s = seconds_since(start) - generate_s;
    const auto build_start = std::chrono::steady_clock::now();
    const relgraph::KnowledgeGraph graph = std::move(builder).build();
    const double build_s = seconds_since(build_start);
    const auto write_start = std::chrono::steady_clock::now();
    relgraph::write_graph_file(graph, output);
    const double write_s = seconds_since(write_start);

    const double per_node = static_cast<double>(node_bytes) / static_cast<double>(nodes_alone);
    const double per_edge = (static_cast<double>(builder_bytes) - per_node * static_cast<double>(graph.node_count())) /
                            static_cast<double>(graph.edge_count());
    std::cout << "mentions=" << spec.mentions << " nodes=" << graph.node_count() << " edges=" << graph.edge_count()
              << " add_s=" << add_s << " build_s=" << build_s << " write_s=" << write_s
              << " total_s=" << seconds_since(start) - generate_s << " generate_s=" << generate_s << " bytes_per_node=" << static_cast<long>(per_node)
              << " bytes_per_edge=" << static_cast<long>(per_edge) << std::endl;
  } catch (const relgraph::Error& e) {
    std::cerr << "relgraph_bench_assembly: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
