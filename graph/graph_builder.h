// GraphBuilder: documents' mentions -> one KnowledgeGraph.
//
//   GraphBuilder builder;
//   for (...) builder.add(extractor.extract(document));
//   KnowledgeGraph graph = std::move(builder).build();
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
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/mentions.h"
#include "graph/knowledge_graph.h"

namespace relgraph {

class GraphBuilder {
 public:
  void add(const DocumentResult& document);
  // The graph of everything added. Call once: it hands over what it
  // gathered (10 million mentions hold gigabytes) instead of copying it.
  KnowledgeGraph build() &&;

 private:
  // Sized for tens of millions of mentions: document ids and rule ids are
  // stored once and referred to by number.
  struct EntityRecord {
    EntityType type;
    std::vector<std::pair<std::string, std::uint64_t>> names;  // name -> times used as the name (0: only as an alias)
    std::uint64_t mentions = 0;
    std::string first_seen, last_seen;
    std::uint64_t order;  // first appearance
  };
  struct FactRecord {
    Relation relation;
    std::uint32_t rule;  // into rules_
    std::size_t subject, object;  // into entities_
    std::vector<std::uint32_t> docs;  // into doc_ids_; may repeat until build()
    std::uint64_t mentions = 0;
    std::string evidence;
    std::string first_seen, last_seen;
    std::uint64_t order;
  };
  struct FactKey {
    Relation relation;
    std::size_t subject, object;
    bool operator==(const FactKey&) const = default;
  };
  struct FactKeyHash {
    std::size_t operator()(const FactKey& k) const;
  };

  // The entity of that type and name (aliases and case ignored later), counted
  // as one use of `name` when `as_name`.
  std::size_t entity_index(EntityType type, const std::string& name, bool as_name);
  std::uint32_t intern(std::unordered_map<std::string, std::uint32_t>& index, std::vector<std::string>& values,
                       std::string_view value);

  std::vector<EntityRecord> entities_;
  std::unordered_map<std::string, std::size_t> entity_by_key_;    // type + name_key -> index
  std::unordered_map<std::string, std::size_t> entity_by_name_;  // type + name as written -> index (skips name_key)
  std::vector<std::pair<std::size_t, std::size_t>> same_as_;     // alias links between entities
  std::vector<FactRecord> facts_;
  std::unordered_map<FactKey, std::size_t, FactKeyHash> fact_by_key_;
  std::vector<std::string> doc_ids_;
  std::unordered_map<std::string, std::uint32_t> doc_index_;
  std::vector<std::string> rules_;
  std::unordered_map<std::string, std::uint32_t> rule_index_;
  std::uint64_t next_order_ = 0;
};

}  // namespace relgraph
