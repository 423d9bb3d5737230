#include "graph/graph_builder.h"

#include <algorithm>
#include <numeric>

#include "extract/names.h"

namespace relgraph {

namespace {

void widen_dates(const std::string& date, std::string& first, std::string& last) {
  if (date.empty()) return;
  if (first.empty() || date < first) first = date;
  if (last.empty() || date > last) last = date;
}

bool has_hangul(const std::string& s) {
  // Hangul syllables are U+AC00..U+D7A3: lead bytes 0xEA..0xED in UTF-8.
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0xEA && b <= 0xED;
  });
}

// Union-find over entity indices, for alias merging.
class Groups {
 public:
  explicit Groups(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t root(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void join(std::size_t a, std::size_t b) {
    a = root(a);
    b = root(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::size_t> parent_;
};

}  // namespace

std::size_t GraphBuilder::entity_index(EntityType type, const std::string& name) {
  std::string key(1, static_cast<char>('0' + static_cast<int>(type)));
  key += name_key(name);
  const auto [it, inserted] = entity_by_key_.emplace(std::move(key), entities_.size());
  if (inserted) {
    EntityRecord record;
    record.type = type;
    record.order = next_order_++;
    entities_.push_back(std::move(record));
  }
  entities_[it->second].names.emplace(name, 0);
  return it->second;
}

void GraphBuilder::add(const DocumentResult& document) {
  std::vector<std::size_t> index(document.entities.size());
  for (std::size_t i = 0; i < document.entities.size(); ++i) {
    const EntityMention& m = document.entities[i];
    index[i] = entity_index(m.type, m.name);
    for (const std::string& alias : m.aliases) same_as_.emplace_back(index[i], entity_index(m.type, alias));
    EntityRecord& record = entities_[index[i]];
    ++record.names[m.name];
    ++record.mentions;
    widen_dates(document.date, record.first_seen, record.last_seen);
  }
  for (const RelationMention& r : document.relations) {
    std::size_t subject = index[r.subject];
    std::size_t object = index[r.object];
    if (is_symmetric(r.relation) && object < subject) std::swap(subject, object);
    const auto [it, inserted] = fact_by_key_.emplace(std::make_tuple(r.relation, subject, object), facts_.size());
    if (inserted) {
      FactRecord fact;
      fact.relation = r.relation;
      fact.subject = subject;
      fact.object = object;
      fact.evidence = evidence_of(document, r);
      fact.rule = std::string(r.rule);
      fact.order = next_order_++;
      facts_.push_back(std::move(fact));
    }
    FactRecord& fact = facts_[it->second];
    fact.docs.insert(document.doc_id);
    ++fact.mentions;
    widen_dates(document.date, fact.first_seen, fact.last_seen);
  }
}

KnowledgeGraph GraphBuilder::build() const {
  Groups groups(entities_.size());
  for (const auto& [a, b] : same_as_) groups.join(a, b);

  // Merge each group into one node.
  struct Merged {
    NodeProperties node;
    std::map<std::string, std::uint64_t> names;
    std::uint64_t order = UINT64_MAX;
  };
  std::map<std::size_t, Merged> merged;  // root -> node under construction
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    const EntityRecord& e = entities_[i];
    Merged& m = merged[groups.root(i)];
    m.node.type = e.type;
    m.node.mentions += e.mentions;
    widen_dates(e.first_seen, m.node.first_seen, m.node.last_seen);
    widen_dates(e.last_seen, m.node.first_seen, m.node.last_seen);
    for (const auto& [name, count] : e.names) m.names[name] += count;
    m.order = std::min(m.order, e.order);
  }

  std::vector<std::pair<std::uint64_t, std::size_t>> node_order;  // (first appearance, root)
  for (auto& [root, m] : merged) {
    const auto best = std::max_element(m.names.begin(), m.names.end(), [](const auto& a, const auto& b) {
      if (a.second != b.second) return a.second < b.second;
      if (has_hangul(a.first) != has_hangul(b.first)) return !has_hangul(a.first);
      return a.first > b.first;
    });
    m.node.label = best->first;
    for (const auto& [name, count] : m.names) {
      if (name != m.node.label) m.node.aliases.push_back(name);
    }
    node_order.emplace_back(m.order, root);
  }
  std::sort(node_order.begin(), node_order.end());

  Graph graph;
  std::map<std::size_t, Node> node_of_root;
  for (const auto& [order, root] : node_order) {
    node_of_root[root] = boost::add_vertex(merged[root].node, graph);
  }

  // Merge facts whose ends were merged; drop facts that became self-loops.
  struct MergedFact {
    EdgeProperties edge;
    std::set<std::string> docs;
    std::uint64_t evidence_order = UINT64_MAX;
    Node subject, object;
  };
  std::map<std::tuple<Relation, Node, Node>, MergedFact> merged_facts;
  for (const FactRecord& f : facts_) {
    Node subject = node_of_root.at(groups.root(f.subject));
    Node object = node_of_root.at(groups.root(f.object));
    if (subject == object) continue;
    if (is_symmetric(f.relation) && graph[object].label < graph[subject].label) std::swap(subject, object);
    MergedFact& m = merged_facts[{f.relation, subject, object}];
    m.edge.relation = f.relation;
    m.subject = subject;
    m.object = object;
    m.docs.insert(f.docs.begin(), f.docs.end());
    m.edge.mentions += f.mentions;
    widen_dates(f.first_seen, m.edge.first_seen, m.edge.last_seen);
    widen_dates(f.last_seen, m.edge.first_seen, m.edge.last_seen);
    if (f.order < m.evidence_order) {
      m.evidence_order = f.order;
      m.edge.evidence = f.evidence;
      m.edge.rule = f.rule;
    }
  }
  std::vector<MergedFact*> edges;
  for (auto& [key, m] : merged_facts) {
    m.edge.docs.assign(m.docs.begin(), m.docs.end());
    edges.push_back(&m);
  }
  std::sort(edges.begin(), edges.end(),
            [](const MergedFact* a, const MergedFact* b) { return a->evidence_order < b->evidence_order; });
  for (MergedFact* m : edges) boost::add_edge(m->subject, m->object, std::move(m->edge), graph);
  return KnowledgeGraph(std::move(graph));
}

}  // namespace relgraph
