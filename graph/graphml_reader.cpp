#include "graph/graphml_reader.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "extract/error.h"
#include "extract/utf8.h"
#include "graph/fact_key.h"
#include "graph/graphml_records.h"
#include "graph/mapped_file.h"
#include "graph/xml_scanner.h"

namespace relgraph {

namespace {

void widen(std::string& first, std::string& last, const std::string& from, const std::string& to) {
  if (!from.empty() && (first.empty() || from < first)) first = from;
  if (!to.empty() && (last.empty() || to > last)) last = to;
}

// An edge whose ends are not known yet (GraphML allows edges before nodes).
struct PendingEdge {
  std::string source, target;
  EdgeProperties properties;
  std::size_t offset;
};

// Builds the KnowledgeGraph from the records of a GraphML document.
class GraphBuilderSink : public GraphmlSink {
 public:
  GraphBuilderSink(std::string_view text, const std::string& name) : text_(text), name_(name) {}

  void node(const GraphmlRecord& r) override {
    const std::string id = xml_attribute(r.id);
    const auto what = [&] { return "node \"" + id + "\""; };
    NodeProperties p;
    p.label = text(r, GraphmlField::kLabel);
    if (p.label.empty()) p.label = id;
    const std::string type = text(r, GraphmlField::kType);
    const auto parsed = parse_entity_type(type);
    if (!parsed) fail(r, what() + ": type must be ORG, PERSON or PRODUCT, not \"" + type + "\"");
    p.type = *parsed;
    if (!parse_graph_list(text(r, GraphmlField::kAliases), p.aliases)) {
      fail(r, what() + ": aliases is not a JSON array of strings");
    }
    for (std::string& alias : p.aliases) utf8::make_valid(alias);
    p.mentions = count(r, what);
    p.first_seen = text(r, GraphmlField::kFirstSeen);
    p.last_seen = text(r, GraphmlField::kLastSeen);
    const Node node = boost::add_vertex(std::move(p), graph_);
    if (!ids_.add(id, node)) fail(r, what() + ": a second node with this id");
  }

  void edge(const GraphmlRecord& r) override {
    const std::string source = xml_attribute(r.source), target = xml_attribute(r.target);
    const auto what = [&] {
      const std::string id = xml_attribute(r.id);
      return "edge " + (id.empty() ? "" : "\"" + id + "\" ") + "from \"" + source + "\" to \"" + target + "\"";
    };
    EdgeProperties p;
    const std::string relation = text(r, GraphmlField::kRelation);
    const auto parsed = parse_relation(relation);
    if (!parsed) fail(r, what() + ": relation \"" + relation + "\" is not one of the thirteen");
    p.relation = *parsed;
    if (!parse_graph_list(text(r, GraphmlField::kDocs), p.docs)) fail(r, what() + ": docs is not a JSON array of strings");
    if (!std::is_sorted(p.docs.begin(), p.docs.end())) std::sort(p.docs.begin(), p.docs.end());
    p.docs.erase(std::unique(p.docs.begin(), p.docs.end()), p.docs.end());
    p.mentions = count(r, what);
    p.evidence = text(r, GraphmlField::kEvidence);
    p.rule = text(r, GraphmlField::kRule);
    p.first_seen = text(r, GraphmlField::kFirstSeen);
    p.last_seen = text(r, GraphmlField::kLastSeen);
    const auto s = ids_.find(source), t = ids_.find(target);
    if (s && t) {
      add_edge(*s, *t, std::move(p));
    } else {
      pending_.push_back({source, target, std::move(p), r.offset});
    }
  }

  KnowledgeGraph finish() {
    for (PendingEdge& pending : pending_) {
      const auto s = ids_.find(pending.source), t = ids_.find(pending.target);
      if (!s || !t) {
        throw Error(Error::Kind::kBadData, xml_where(text_, name_, pending.offset),
                    "edge from \"" + pending.source + "\" to \"" + pending.target + "\": no node has that id");
      }
      add_edge(*s, *t, std::move(pending.properties));
    }
    return KnowledgeGraph(std::move(owned_));  // graph_ refers to nothing after this
  }

 private:
  [[noreturn]] void fail(const GraphmlRecord& r, const std::string& reason) const {
    throw Error(Error::Kind::kBadData, xml_where(text_, name_, r.offset), reason);
  }

  // A field's decoded text, made valid UTF-8.
  static std::string text(const GraphmlRecord& r, GraphmlField field) {
    std::string value = xml_content(r.field(field));
    utf8::make_valid(value);
    return value;
  }

  template <typename What>
  std::uint64_t count(const GraphmlRecord& r, const What& what) const {
    const std::string text = xml_content(r.field(GraphmlField::kMentions));
    std::uint64_t value = 0;
    if (text.empty()) return 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
      fail(r, what() + ": mentions is not a whole number: \"" + text + "\"");
    }
    return value;
  }

  // Adds a fact, or merges it into the edge already holding the same fact.
  void add_edge(Node s, Node t, EdgeProperties&& p) {
    const FactKey key = is_symmetric(p.relation) ? FactKey{p.relation, std::min(s, t), std::max(s, t)}
                                                 : FactKey{p.relation, s, t};
    if (facts_.insert(key).second) {
      boost::add_edge(s, t, std::move(p), graph_);
      return;
    }
    for (const Node from : {key.subject, key.object}) {
      for (const Edge e : boost::make_iterator_range(boost::out_edges(from, graph_))) {
        EdgeProperties& kept = graph_[e];
        const Node to = boost::target(e, graph_);
        if (kept.relation != p.relation || to != (from == key.subject ? key.object : key.subject)) continue;
        std::vector<std::string> docs;
        std::set_union(kept.docs.begin(), kept.docs.end(), p.docs.begin(), p.docs.end(), std::back_inserter(docs));
        kept.docs = std::move(docs);
        kept.mentions += p.mentions;
        widen(kept.first_seen, kept.last_seen, p.first_seen, p.last_seen);
        return;
      }
    }
  }

  std::string_view text_;
  const std::string& name_;
  std::unique_ptr<Graph> owned_ = std::make_unique<Graph>();
  Graph& graph_ = *owned_;
  GraphmlNodeIds ids_;
  std::unordered_set<FactKey, FactKeyHash> facts_;
  std::vector<PendingEdge> pending_;
};

KnowledgeGraph read(std::string_view text, const std::string& name) {
  GraphBuilderSink sink(text, name);
  scan_graphml(text, name, sink);
  return sink.finish();
}

}  // namespace

KnowledgeGraph read_graphml_file(const std::string& path) {
  const MappedFile file(path);
  return read(file.text(), path);
}

KnowledgeGraph read_graphml_text(std::string_view xml, const std::string& name) { return read(xml, name); }

}  // namespace relgraph
