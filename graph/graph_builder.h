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
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/mentions.h"
#include "graph/fact_key.h"
#include "graph/knowledge_graph.h"
#include "graph/string_index.h"

namespace relgraph {

class GraphBuilder {
 public:
  void add(const DocumentResult& document);
  // The graph of everything added. Call once: it hands over what it
  // gathered (10 million mentions hold gigabytes) instead of copying it.
  KnowledgeGraph build() &&;

 private:
  // Sized for tens of millions of mentions: document ids, rule ids and
  // dates are stored once and referred to by number.
  struct Dates {  // ids in dates_; StringIndex::kMissing while none is known
    std::uint32_t first = StringIndex::kMissing;
    std::uint32_t last = StringIndex::kMissing;
  };
  struct EntityRecord {
    EntityType type;
    std::vector<std::pair<std::string, std::uint64_t>> names;  // name -> times used as the name (0: only as an alias)
    std::uint64_t mentions = 0;
    Dates seen;
    std::uint64_t order;  // first appearance
  };
  struct FactRecord {
    // What add() updates for every mention comes first, within one cache line.
    std::vector<std::uint32_t> docs;  // ids in doc_ids_; may repeat until build()
    std::uint64_t mentions = 0;
    Dates seen;
    Relation relation;
    std::uint32_t rule;  // into rules_
    std::size_t subject, object;  // into entities_
    std::string evidence;
    std::uint64_t order;
  };
  // The WrittenName of that type and name, added (with its entity, found
  // by name_key or new) when first seen.
  std::uint32_t written_index(EntityType type, const std::string& name);
  // Widens `seen` to take in `date` (an id in dates_, or kMissing: nothing to do).
  void widen(Dates& seen, std::uint32_t date) const;
  std::string date_text(std::uint32_t date) const;

  std::vector<EntityRecord> entities_;
  std::unordered_map<std::string, std::size_t> entity_by_key_;    // type + name_key -> index
  // A name as written (with its type): the entity it names, its place in
  // that entity's names, and its mentions. add() counts mentions here, not
  // in the entity: one cache miss per mention instead of three (entity,
  // names, name); build() sums them into the entities.
  struct WrittenName {
    std::size_t entity;
    std::size_t name;        // into entities_[entity].names
    std::uint64_t uses = 0;  // mentions written this way
    Dates seen;
  };
  StringIndex written_;                  // type + name as written -> into written_names_ (skips name_key)
  std::vector<WrittenName> written_names_;
  std::string exact_scratch_;            // written_index's lookup key
  std::vector<std::pair<std::size_t, std::size_t>> same_as_;     // alias links between entities
  // A deque: growing it never moves the records (a vector of millions
  // of facts spent seconds copying itself as it doubled).
  std::deque<FactRecord> facts_;
  std::unordered_map<FactKey, std::size_t, FactKeyHash> fact_by_key_;
  StringIndex doc_ids_;
  StringIndex rules_;
  StringIndex dates_;  // "YYYY-MM-DD"; a few thousand distinct, so comparing them stays in cache
  std::uint64_t next_order_ = 0;
};

}  // namespace relgraph
