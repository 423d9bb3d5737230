// GraphBuilder: documents' mentions -> one KnowledgeGraph.
//
//   GraphBuilder builder;
//   for (...) builder.add(extractor.extract(document));
//   KnowledgeGraph graph = builder.build();
//
// Entities are identified by type and name (case and spaces ignored); names
// that any document gives as aliases of each other ("엔트로픽(Anthropic)")
// are merged into one node, across documents. A node's label is the name
// used most often (ties: a Hangul name, then the first in byte order); its
// other names are its aliases. An edge's weight counts distinct documents,
// so adding the same document twice changes nothing but `mentions`.
// Memory grows with the number of distinct entities and facts, not with the text.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "extract/mentions.h"
#include "graph/knowledge_graph.h"

namespace relgraph {

class GraphBuilder {
 public:
  void add(const DocumentResult& document);
  KnowledgeGraph build() const;

 private:
  struct EntityRecord {
    EntityType type;
    std::map<std::string, std::uint64_t> names;  // its names -> times used as the name (0: only as an alias)
    std::uint64_t mentions = 0;
    std::string first_seen, last_seen;
    std::uint64_t order;  // first appearance
  };
  struct FactRecord {
    Relation relation;
    std::size_t subject, object;  // indices into entities_
    std::set<std::string> docs;  // document ids
    std::uint64_t mentions = 0;
    std::string evidence, rule;
    std::string first_seen, last_seen;
    std::uint64_t order;
  };

  std::size_t entity_index(EntityType type, const std::string& name);

  std::vector<EntityRecord> entities_;
  std::unordered_map<std::string, std::size_t> entity_by_key_;  // type + name_key -> index
  std::vector<std::pair<std::size_t, std::size_t>> same_as_;     // alias links between entities
  std::vector<FactRecord> facts_;
  std::map<std::tuple<Relation, std::size_t, std::size_t>, std::size_t> fact_by_key_;
  std::uint64_t next_order_ = 0;
};

}  // namespace relgraph
