// Small graphs the exporter and client tests share, built through the real
// GraphBuilder: names with markup characters, quotes, a backslash, emoji and
// Hangul; aliases; dated and undated documents; a symmetric and a directed
// edge; two relations between one pair of entities (a multigraph).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "graph/graph_builder.h"

namespace relgraph::testing {

inline constexpr const char* kTrickyLabel = "A&B <해솔> \"전자\" 'x' \\ 😀";
inline constexpr const char* kTrickyEvidence = "증거 문장: A&B <태그> \"인용\" 'single' 😀";

inline RelationMention relation_mention(Relation relation, std::size_t subject, std::size_t object, std::string_view rule) {
  RelationMention m;
  m.relation = relation;
  m.subject = subject;
  m.object = object;
  m.rule = rule;
  return m;
}

// ORG `org_label` (alias "Alias & Co") hires PERSON 조민서, partners_with and
// invests_in ORG 미르테크; PRODUCT 해솔폰 has no edge. Documents: one dated
// 2024-03-17 (id with quotes and markup), one dated 2024-05-02, one undated.
inline KnowledgeGraph tricky_graph(const std::string& org_label = kTrickyLabel) {
  DocumentResult first;
  first.doc_id = "doc \"1\" & <2>";
  first.date = "2024-03-17";
  first.sentences.push_back({{0, 0}, kTrickyEvidence});
  EntityMention org;
  org.type = EntityType::kOrg;
  org.name = org_label;
  org.aliases = {"Alias & Co"};
  EntityMention person;
  person.type = EntityType::kPerson;
  person.name = "조민서";
  EntityMention partner;
  partner.type = EntityType::kOrg;
  partner.name = "미르테크";
  first.entities = {org, person, partner};
  first.relations.push_back(relation_mention(Relation::kHires, 0, 1, "hires.active"));
  first.relations.push_back(relation_mention(Relation::kPartnersWith, 0, 2, "partners.with"));

  DocumentResult second;
  second.doc_id = "second.txt";
  second.date = "2024-05-02";
  second.sentences.push_back({{0, 0}, "두 번째 증거"});
  second.entities = {org, partner};
  second.relations.push_back(relation_mention(Relation::kInvestsIn, 0, 1, "invests.in"));
  second.relations.push_back(relation_mention(Relation::kPartnersWith, 1, 0, "partners.with"));

  DocumentResult undated;
  undated.doc_id = "undated.txt";
  undated.sentences.push_back({{0, 0}, "날짜 없음"});
  EntityMention product;
  product.type = EntityType::kProduct;
  product.name = "해솔폰";
  undated.entities = {product};

  GraphBuilder builder;
  builder.add(first);
  builder.add(second);
  builder.add(undated);
  return std::move(builder).build();
}

// A graph laid out by hand, node by node and edge by edge, for tests that
// need exact shapes (isolated nodes, given dates) without running extraction.
class HandGraph {
 public:
  Node node(std::string label, EntityType type) {
    NodeProperties p;
    p.label = std::move(label);
    p.type = type;
    p.mentions = 1;
    return boost::add_vertex(p, *graph_);
  }
  void edge(Node subject, Node object, Relation relation, std::vector<std::string> docs, std::string first_seen = "",
            std::string last_seen = "") {
    EdgeProperties p;
    p.relation = relation;
    p.docs = std::move(docs);
    p.mentions = p.docs.size();
    p.evidence = "증거";
    p.first_seen = std::move(first_seen);
    p.last_seen = std::move(last_seen);
    boost::add_edge(subject, object, p, *graph_);
  }
  KnowledgeGraph take() { return KnowledgeGraph(std::move(graph_)); }

 private:
  std::unique_ptr<Graph> graph_ = std::make_unique<Graph>();
};

}  // namespace relgraph::testing
