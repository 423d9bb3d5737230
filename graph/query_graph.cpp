#include "graph/query_graph.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>
#include <thread>

#include "extract/error.h"
#include "extract/names.h"
#include "extract/utf8.h"
#include "graph/graphml_reader.h"
#include "graph/graphml_records.h"
#include "graph/mapped_file.h"
#include "graph/xml_scanner.h"

namespace relgraph {

namespace {

// True when raw XML content reads as itself: no reference, markup or CR to decode.
bool is_plain(std::string_view raw) {
  for (const char c : raw) {
    if (c == '&' || c == '<' || c == '\r') return false;
  }
  return true;
}

// raw itself when it needs no decoding, else its decoded text in `scratch`.
std::string_view plain(std::string_view raw, std::string& scratch) {
  if (is_plain(raw)) return raw;
  scratch = xml_content(raw);
  return scratch;
}

// The number of distinct items of a list value. relgraph writes sorted lists
// without escapes; those are counted without copying.
std::optional<std::uint32_t> count_distinct(std::string_view text, std::vector<std::string_view>& views,
                                            std::vector<std::string>& items) {
  views.clear();
  if (text.empty()) return 0;
  if (text.front() == '[' && text.find('\\') == std::string_view::npos) {
    std::size_t i = text.find_first_not_of(" \n\t\r", 1);
    if (i != std::string_view::npos && text[i] != ']') {
      for (;;) {
        if (text[i] != '"') return std::nullopt;
        const std::size_t close = text.find('"', i + 1);
        if (close == std::string_view::npos) return std::nullopt;
        views.push_back(text.substr(i + 1, close - i - 1));
        i = text.find_first_not_of(" \n\t\r", close + 1);
        if (i == std::string_view::npos) return std::nullopt;
        if (text[i] == ']') break;
        if (text[i] != ',') return std::nullopt;
        i = text.find_first_not_of(" \n\t\r", i + 1);
        if (i == std::string_view::npos) return std::nullopt;
      }
    }
    if (text.find_first_not_of(" \n\t\r", i + 1) != std::string_view::npos) return std::nullopt;
  } else {
    if (!parse_graph_list(text, items)) return std::nullopt;
    views.assign(items.begin(), items.end());
  }
  if (!std::is_sorted(views.begin(), views.end())) std::sort(views.begin(), views.end());
  return static_cast<std::uint32_t>(std::unique(views.begin(), views.end()) - views.begin());
}

std::optional<std::uint64_t> parse_count(std::string_view text) {
  if (text.empty()) return 0;
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

// The nodes and facts of one part of a GraphML document (parts are read on
// threads of their own); QueryGraphLoader::merge puts the parts together.
class QueryGraphPart : public GraphmlSink {
 public:
  QueryGraphPart(std::string_view text, const std::string& name) : text_(text), name_(name) {
    // About 600 bytes a fact in relgraph's files, and a part holds about
    // half: room enough that the vector rarely grows (a growth copies it all).
    facts.reserve(text.size() / 1200);
    fact_ends.reserve(text.size() / 1200);
  }

  void node(const GraphmlRecord& r) override {
    QueryNode node;
    node.label = xml_content(r.field(GraphmlField::kLabel));
    utf8::make_valid(node.label);
    const auto what = [&] { return "node \"" + xml_attribute(r.id) + "\""; };
    if (node.label.empty()) node.label = xml_attribute(r.id);
    const std::string_view type = plain(r.field(GraphmlField::kType), scratch_);
    const auto parsed = parse_entity_type(type);
    if (!parsed) fail(r, what() + ": type must be ORG, PERSON or PRODUCT, not \"" + std::string(type) + "\"");
    node.type = *parsed;
    if (!parse_graph_list(xml_content(r.field(GraphmlField::kAliases)), node.aliases)) {
      fail(r, what() + ": aliases is not a JSON array of strings");
    }
    for (std::string& alias : node.aliases) utf8::make_valid(alias);
    const auto mentions = parse_count(plain(r.field(GraphmlField::kMentions), scratch_));
    if (!mentions) fail(r, what() + ": mentions is not a whole number");
    node.mentions = *mentions;
    node.first_seen = r.field(GraphmlField::kFirstSeen);
    node.last_seen = r.field(GraphmlField::kLastSeen);
    nodes.push_back(std::move(node));
    node_ids.push_back({r.id, r.offset});
  }

  void edge(const GraphmlRecord& r) override {
    const auto what = [&] {
      return "edge from \"" + xml_attribute(r.source) + "\" to \"" + xml_attribute(r.target) + "\"";
    };
    QueryFact fact;
    const std::string_view relation = plain(r.field(GraphmlField::kRelation), scratch_);
    const auto parsed = parse_relation(relation);
    if (!parsed) fail(r, what() + ": relation \"" + std::string(relation) + "\" is not one of the thirteen");
    fact.relation = *parsed;
    const auto weight = count_distinct(plain(r.field(GraphmlField::kDocs), scratch_), views_, items_);
    if (!weight) fail(r, what() + ": docs is not a JSON array of strings");
    fact.weight = *weight;
    const auto mentions = parse_count(plain(r.field(GraphmlField::kMentions), scratch_));
    if (!mentions) fail(r, what() + ": mentions is not a whole number");
    fact.mentions = *mentions;
    fact.docs = r.field(GraphmlField::kDocs);
    fact.evidence = r.field(GraphmlField::kEvidence);
    fact.rule = r.field(GraphmlField::kRule);
    fact.first_seen = r.field(GraphmlField::kFirstSeen);
    fact.last_seen = r.field(GraphmlField::kLastSeen);
    // relgraph's ids (n0, n1, ...) are node indices already; the merge checks that they were.
    const auto s = GraphmlNodeIds::sequential_index(r.source), t = GraphmlNodeIds::sequential_index(r.target);
    fact.subject = s && *s < kUnresolved ? static_cast<std::uint32_t>(*s) : kUnresolved;
    fact.object = t && *t < kUnresolved ? static_cast<std::uint32_t>(*t) : kUnresolved;
    facts.push_back(fact);
    fact_ends.push_back({r.source, r.target, r.offset});
  }

  static constexpr std::uint32_t kUnresolved = ~std::uint32_t{0};

  struct RawId {
    std::string_view id;
    std::size_t offset;
  };
  struct RawEnds {
    std::string_view source, target;
    std::size_t offset;
  };
  std::vector<QueryNode> nodes;
  std::vector<RawId> node_ids;
  std::vector<QueryFact> facts;  // subject and object: n<k> ids read as k, else kUnresolved
  std::vector<RawEnds> fact_ends;

 private:
  [[noreturn]] void fail(const GraphmlRecord& r, const std::string& reason) const {
    throw Error(Error::Kind::kBadData, xml_where(text_, name_, r.offset), reason);
  }

  std::string_view text_;
  const std::string& name_;
  std::string scratch_;
  std::vector<std::string_view> views_;
  std::vector<std::string> items_;
};

// Reads a GraphML document into a QueryGraph, on two threads when it is large.
class QueryGraphLoader {
 public:
  QueryGraphLoader(std::string_view text, const std::string& name)
      : text_(text), name_(name), parts_{QueryGraphPart(text, name), QueryGraphPart(text, name)} {}

  void load(QueryGraph& graph) {
    GraphmlSink* const sinks[] = {&parts_[0], &parts_[1]};
    const std::size_t used = scan_graphml(text_, name_, sinks);
    GraphmlNodeIds ids;
    for (std::size_t p = 0; p < used; ++p) {
      QueryGraphPart& part = parts_[p];
      for (std::size_t i = 0; i < part.nodes.size(); ++i) {
        const std::string id = xml_attribute(part.node_ids[i].id);
        if (!ids.add(id, graph.nodes_.size())) fail(part.node_ids[i].offset, "node \"" + id + "\": a second node with this id");
        graph.nodes_.push_back(std::move(part.nodes[i]));
      }
    }
    // The first part's facts move in, the second's are appended.
    graph.facts_ = std::move(parts_[0].facts);
    for (std::size_t p = 1; p < used; ++p) {
      graph.facts_.insert(graph.facts_.end(), parts_[p].facts.begin(), parts_[p].facts.end());
    }
    const std::uint32_t node_count = static_cast<std::uint32_t>(graph.nodes_.size());
    std::string source_scratch, target_scratch;
    std::size_t f = 0;
    for (std::size_t p = 0; p < used; ++p) {
      for (const QueryGraphPart::RawEnds& ends : parts_[p].fact_ends) {
        QueryFact& fact = graph.facts_[f++];
        if (ids.all_sequential() && fact.subject < node_count && fact.object < node_count) continue;
        const std::string_view source = id_of(ends.source, source_scratch), target = id_of(ends.target, target_scratch);
        const auto s = ids.find(source), t = ids.find(target);
        if (!s || !t) {
          fail(ends.offset, "edge from \"" + std::string(source) + "\" to \"" + std::string(target) + "\": no node has that id");
        }
        fact.subject = static_cast<std::uint32_t>(*s);
        fact.object = static_cast<std::uint32_t>(*t);
      }
    }
  }

 private:
  [[noreturn]] void fail(std::size_t offset, const std::string& reason) const {
    throw Error(Error::Kind::kBadData, xml_where(text_, name_, offset), reason);
  }

  // A raw id, decoded only when it holds a reference.
  static std::string_view id_of(std::string_view raw, std::string& scratch) {
    if (raw.find('&') == std::string_view::npos) return raw;
    scratch = xml_attribute(raw);
    return scratch;
  }

  std::string_view text_;
  const std::string& name_;
  QueryGraphPart parts_[2];
};

QueryGraph::QueryGraph() = default;
QueryGraph::QueryGraph(QueryGraph&&) noexcept = default;
QueryGraph& QueryGraph::operator=(QueryGraph&&) noexcept = default;
QueryGraph::~QueryGraph() = default;

QueryGraph QueryGraph::load(const std::string& path) {
  QueryGraph graph;
  graph.file_ = std::make_unique<const MappedFile>(path);
  graph.raw_is_xml_ = true;
  const std::string_view text = graph.file_->text();
  QueryGraphLoader(text, path).load(graph);
  bool repeated = false;
  {
    // Two jobs on two cores: the check for repeated facts beside the indexing.
    std::jthread check([&] { repeated = graph.states_a_fact_twice_by_sorting(); });
    graph.index();
  }
  if (repeated) return from(read_graphml_text(text, path));
  return graph;
}

QueryGraph QueryGraph::from(const KnowledgeGraph& kg) {
  QueryGraph graph;
  const Graph& g = kg.graph();
  auto keep = [&](const std::string& text) -> std::string_view { return graph.owned_.emplace_back(text); };
  for (const Node n : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& p = g[n];
    graph.nodes_.push_back({p.label, p.type, p.aliases, p.mentions, keep(p.first_seen), keep(p.last_seen)});
  }
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProperties& p = g[e];
    QueryFact fact;
    fact.subject = static_cast<std::uint32_t>(boost::source(e, g));
    fact.object = static_cast<std::uint32_t>(boost::target(e, g));
    fact.relation = p.relation;
    fact.weight = static_cast<std::uint32_t>(p.docs.size());
    fact.mentions = p.mentions;
    std::string docs;
    for (const std::string& doc : p.docs) docs += doc + '\n';  // ids hold no line breaks
    fact.docs = keep(docs);
    fact.evidence = keep(p.evidence);
    fact.rule = keep(p.rule);
    fact.first_seen = keep(p.first_seen);
    fact.last_seen = keep(p.last_seen);
    graph.facts_.push_back(fact);
  }
  graph.index();
  return graph;
}

void QueryGraph::index() {
  index_names();
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
  ends.reserve(facts_.size());
  for (const QueryFact& f : facts_) ends.emplace_back(f.subject, f.object);
  std::vector<FactRef> refs(facts_.size());
  for (std::uint32_t i = 0; i < refs.size(); ++i) refs[i].fact = i;
  topology_ = QueryTopology(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), refs.begin(),
                            static_cast<std::uint32_t>(nodes_.size()));
}

void QueryGraph::index_names() {
  by_name_.reserve(nodes_.size());
  for (std::uint32_t n = 0; n < nodes_.size(); ++n) {
    by_name_[name_key(nodes_[n].label)].push_back(n);
    for (const std::string& alias : nodes_[n].aliases) {
      auto& nodes = by_name_[name_key(alias)];
      if (nodes.empty() || nodes.back() != n) nodes.push_back(n);
    }
  }
}

bool QueryGraph::states_a_fact_twice_by_sorting() const {
  // One key per fact, (first end, second end, relation), with the ends of a
  // symmetric relation in index order; sorted, a repeated fact sits next to itself.
  if (nodes_.size() >= (std::size_t{1} << 30)) return states_a_fact_twice();
  std::vector<std::uint64_t> keys;
  keys.reserve(facts_.size());
  for (const QueryFact& f : facts_) {
    std::uint64_t s = f.subject, t = f.object;
    if (is_symmetric(f.relation) && t < s) std::swap(s, t);
    keys.push_back(s << 34 | t << 4 | static_cast<std::uint64_t>(f.relation));
  }
  std::sort(keys.begin(), keys.end());
  return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
}

bool QueryGraph::states_a_fact_twice() const {
  // Node by node, the facts it is the first end of (for a symmetric relation,
  // the end with the smaller index): sequential passes over the adjacency
  // arrays, cheaper than hashing a million facts.
  std::vector<std::pair<std::uint32_t, Relation>> facts;
  for (std::uint32_t v = 0; v < nodes_.size(); ++v) {
    facts.clear();
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, topology_))) {
      const QueryFact& f = facts_[topology_[e].fact];
      if (!is_symmetric(f.relation) || f.object > v) facts.emplace_back(f.object, f.relation);
    }
    for (const auto e : boost::make_iterator_range(boost::in_edges(v, topology_))) {
      const QueryFact& f = facts_[topology_[e].fact];
      if (is_symmetric(f.relation) && f.subject > v) facts.emplace_back(f.subject, f.relation);
    }
    std::sort(facts.begin(), facts.end());
    if (std::adjacent_find(facts.begin(), facts.end()) != facts.end()) return true;
  }
  return false;
}

std::optional<std::uint32_t> QueryGraph::find(std::string_view name) const {
  const std::string key = name_key(name);
  const auto it = by_name_.find(key);
  if (it == by_name_.end()) return std::nullopt;
  for (const std::uint32_t n : it->second) {
    if (name_key(nodes_[n].label) == key) return n;
  }
  return it->second.front();
}

std::vector<std::pair<std::string_view, std::uint32_t>> QueryGraph::names() const {
  std::vector<std::pair<std::string_view, std::uint32_t>> out;
  for (std::uint32_t n = 0; n < nodes_.size(); ++n) {
    out.emplace_back(nodes_[n].label, n);
    for (const std::string& alias : nodes_[n].aliases) out.emplace_back(alias, n);
  }
  return out;
}

std::string QueryGraph::text(std::string_view raw) const {
  if (!raw_is_xml_) return std::string(raw);
  std::string out = xml_content(raw);
  utf8::make_valid(out);
  return out;
}

std::vector<std::string> QueryGraph::docs(const QueryFact& fact) const {
  std::vector<std::string> items;
  if (!raw_is_xml_) {
    for (std::size_t begin = 0, end; (end = fact.docs.find('\n', begin)) != std::string_view::npos; begin = end + 1) {
      items.emplace_back(fact.docs.substr(begin, end - begin));
    }
    return items;
  }
  parse_graph_list(text(fact.docs), items);  // checked while loading
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return items;
}

}  // namespace relgraph
