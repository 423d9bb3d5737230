// A synthetic knowledge graph for benchmarks, shaped like one built from
// news: Korean names, about 60% ORG, 30% PERSON, 10% PRODUCT; relations that
// respect their signatures; a few heavily connected hubs and a long tail;
// aliases, dates, documents and an evidence sentence of news length on every
// edge. The same parameters always give the same graph.
#pragma once

#include <cstddef>
#include <cstdint>

#include <functional>

#include "extract/mentions.h"
#include "graph/knowledge_graph.h"

namespace relgraph::bench {

struct SyntheticGraphSpec {
  std::size_t nodes = 100'000;
  std::size_t edges = 1'000'000;
  std::uint64_t seed = 42;
};

KnowledgeGraph synthetic_graph(const SyntheticGraphSpec& spec);

// Extraction results shaped like news, for timing graph assembly: documents
// of `per_document` relation mentions each (and their entity mentions),
// `mentions` relation mentions in all. Each states one of `facts` facts
// (popular ones often, most rarely) between `entities` names with the same
// hubs and long tail as synthetic_graph. Each document goes to `sink`.
struct SyntheticDocumentsSpec {
  std::size_t mentions = 10'000'000;
  std::size_t facts = 4'000'000;
  std::size_t entities = 200'000;
  std::size_t per_document = 10;
  std::uint64_t seed = 42;
};

void synthetic_documents(const SyntheticDocumentsSpec& spec, const std::function<void(const DocumentResult&)>& sink);

// The label synthetic_graph gives node `index` (stable across runs), for
// picking query targets: node 0 is the largest hub.
std::string synthetic_label(std::size_t index, std::size_t nodes);

}  // namespace relgraph::bench
