#include "graph/graph_builder.h"

#include <algorithm>
#include <numeric>
#include <string_view>

#include "extract/names.h"

namespace relgraph {

namespace {

bool has_hangul(const std::string& s) {
  // Hangul syllables are U+AC00..U+D7A3: lead bytes 0xEA..0xED in UTF-8.
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0xEA && b <= 0xED;
  });
}

// Counts `count` more uses of `name` among an entity's names (0: only known as an alias).
void count_name(std::vector<std::pair<std::string, std::uint64_t>>& names, std::string_view name, std::uint64_t count) {
  const auto it = std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.first == name; });
  if (it == names.end()) {
    names.emplace_back(name, count);
  } else {
    it->second += count;
  }
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

void GraphBuilder::widen(Dates& seen, std::uint32_t date) const {
  if (date == StringIndex::kMissing || date == seen.last) return;  // the same date again: the common case
  if (seen.first == StringIndex::kMissing) {
    seen.first = seen.last = date;
    return;
  }
  const std::string_view text = dates_.at(date);
  if (text < dates_.at(seen.first)) seen.first = date;
  if (text > dates_.at(seen.last)) seen.last = date;
}

std::string GraphBuilder::date_text(std::uint32_t date) const {
  return date == StringIndex::kMissing ? std::string() : std::string(dates_.at(date));
}

std::uint32_t GraphBuilder::written_index(EntityType type, const std::string& name) {
  // The lookup key is built in a reused buffer: most names are seen before,
  // and a string allocated per mention cost more than the lookup.
  exact_scratch_.assign(1, static_cast<char>('0' + static_cast<int>(type)));
  exact_scratch_ += name;
  const auto [id, added] = written_.insert(exact_scratch_);
  if (added) {  // a new way of writing a name: find its entity by name_key
    std::string key(1, exact_scratch_[0]);
    key += name_key(name);
    const auto [it, inserted] = entity_by_key_.emplace(std::move(key), entities_.size());
    if (inserted) {
      EntityRecord record;
      record.type = type;
      record.order = next_order_++;
      entities_.push_back(std::move(record));
    }
    auto& names = entities_[it->second].names;
    written_names_.push_back({it->second, names.size(), 0, {}});
    names.emplace_back(name, 0);
  }
  return id;
}

void GraphBuilder::add(const DocumentResult& document) {
  const std::uint32_t date = document.date.empty() ? StringIndex::kMissing : dates_.insert(document.date).first;
  std::vector<std::size_t> index(document.entities.size());
  for (std::size_t i = 0; i < document.entities.size(); ++i) {
    const EntityMention& m = document.entities[i];
    WrittenName& written = written_names_[written_index(m.type, m.name)];
    index[i] = written.entity;
    ++written.uses;
    widen(written.seen, date);
    for (const std::string& alias : m.aliases) {  // (may move written_names_: `written` is not used again)
      same_as_.emplace_back(index[i], written_names_[written_index(m.type, alias)].entity);
    }
  }
  // Only documents that state a fact are remembered: memory follows the graph, not the corpus.
  const std::uint32_t doc = document.relations.empty() ? 0 : doc_ids_.insert(document.doc_id).first;
  for (const RelationMention& r : document.relations) {
    std::size_t subject = index[r.subject];
    std::size_t object = index[r.object];
    if (is_symmetric(r.relation) && object < subject) std::swap(subject, object);
    const auto [it, inserted] = fact_by_key_.emplace(FactKey{r.relation, subject, object}, facts_.size());
    if (inserted) {
      FactRecord fact;
      fact.relation = r.relation;
      fact.rule = rules_.insert(r.rule).first;
      fact.subject = subject;
      fact.object = object;
      fact.evidence = evidence_of(document, r);
      fact.order = next_order_++;
      facts_.push_back(std::move(fact));
    }
    FactRecord& fact = facts_[it->second];
    if (fact.docs.empty() || fact.docs.back() != doc) fact.docs.push_back(doc);
    ++fact.mentions;
    widen(fact.seen, date);
  }
}

KnowledgeGraph GraphBuilder::build() && {
  for (WrittenName& w : written_names_) {
    EntityRecord& e = entities_[w.entity];
    e.names[w.name].second += w.uses;
    e.mentions += w.uses;
    widen(e.seen, w.seen.first);
    widen(e.seen, w.seen.last);
  }
  written_names_ = {};
  Groups groups(entities_.size());
  for (const auto& [a, b] : same_as_) groups.join(a, b);

  // Merge each group into the record of its root (the group's first entity).
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    const std::size_t root = groups.root(i);
    if (root == i) continue;
    EntityRecord& into = entities_[root];
    EntityRecord& e = entities_[i];
    into.mentions += e.mentions;
    widen(into.seen, e.seen.first);
    widen(into.seen, e.seen.last);
    for (const auto& [name, count] : e.names) count_name(into.names, name, count);
    into.order = std::min(into.order, e.order);
    e = EntityRecord{};
  }

  // Nodes in order of first appearance; the label is the name used most often.
  std::vector<std::pair<std::uint64_t, std::size_t>> node_order;  // (first appearance, root)
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    if (groups.root(i) == i) node_order.emplace_back(entities_[i].order, i);
  }
  std::sort(node_order.begin(), node_order.end());
  auto owned = std::make_unique<Graph>();
  Graph& graph = *owned;
  std::vector<Node> node_of_root(entities_.size());
  for (const auto& [order, root] : node_order) {
    EntityRecord& e = entities_[root];
    std::sort(e.names.begin(), e.names.end());
    const auto best = std::max_element(e.names.begin(), e.names.end(), [](const auto& a, const auto& b) {
      if (a.second != b.second) return a.second < b.second;
      if (has_hangul(a.first) != has_hangul(b.first)) return !has_hangul(a.first);
      return a.first > b.first;
    });
    NodeProperties node;
    node.type = e.type;
    node.mentions = e.mentions;
    node.first_seen = date_text(e.seen.first);
    node.last_seen = date_text(e.seen.last);
    node.label = best->first;
    for (auto& [name, count] : e.names) {
      if (name != node.label) node.aliases.push_back(std::move(name));
    }
    node_of_root[root] = boost::add_vertex(std::move(node), graph);
    e = EntityRecord{};
  }

  // Facts whose ends were merged become one, kept at the first of them (it
  // has the earliest evidence: facts_ is in order of first appearance);
  // facts that became self-loops go. Only a fact with an end in a group of
  // several entities can meet another: the rest skip the map.
  std::vector<bool> in_group(entities_.size(), false);
  for (const auto& [a, b] : same_as_) in_group[a] = in_group[b] = true;
  std::unordered_map<FactKey, std::size_t, FactKeyHash> first_fact;
  std::vector<std::pair<Node, Node>> ends(facts_.size());
  std::vector<bool> kept(facts_.size(), false);
  for (std::size_t i = 0; i < facts_.size(); ++i) {
    FactRecord& f = facts_[i];
    Node subject = node_of_root[groups.root(f.subject)];
    Node object = node_of_root[groups.root(f.object)];
    if (subject == object) continue;
    if (is_symmetric(f.relation) && graph[object].label < graph[subject].label) std::swap(subject, object);
    ends[i] = {subject, object};
    kept[i] = true;
    if (!in_group[f.subject] && !in_group[f.object]) continue;
    const auto [it, inserted] = first_fact.emplace(FactKey{f.relation, subject, object}, i);
    if (inserted) continue;
    kept[i] = false;
    FactRecord& into = facts_[it->second];
    into.docs.insert(into.docs.end(), f.docs.begin(), f.docs.end());
    into.mentions += f.mentions;
    widen(into.seen, f.seen.first);
    widen(into.seen, f.seen.last);
    f = FactRecord{};
  }
  first_fact = {};
  for (std::size_t i = 0; i < facts_.size(); ++i) {
    if (!kept[i]) continue;
    FactRecord& f = facts_[i];
    EdgeProperties edge;
    edge.relation = f.relation;
    edge.docs.reserve(f.docs.size());
    for (const std::uint32_t doc : f.docs) edge.docs.emplace_back(doc_ids_.at(doc));
    std::sort(edge.docs.begin(), edge.docs.end());
    edge.docs.erase(std::unique(edge.docs.begin(), edge.docs.end()), edge.docs.end());
    edge.mentions = f.mentions;
    edge.evidence = std::move(f.evidence);
    edge.rule = rules_.at(f.rule);
    edge.first_seen = date_text(f.seen.first);
    edge.last_seen = date_text(f.seen.last);
    boost::add_edge(ends[i].first, ends[i].second, std::move(edge), graph);
    f = FactRecord{};
  }
  return KnowledgeGraph(std::move(owned));
}

}  // namespace relgraph
