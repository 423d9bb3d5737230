// GraphML records: the nodes and edges of a GraphML document as raw text,
// for the readers built on it (graphml_reader.h, query_graph.h).
//
//   struct Sink : GraphmlSink {
//     void node(const GraphmlRecord& r) override { label = xml_content(r.field(GraphmlField::kLabel)); }
//     void edge(const GraphmlRecord& r) override { ... }
//   };
//   scan_graphml(text, "graph.graphml", sink);
//
// Walks the document once with XmlScanner (so it is checked to be well-formed
// XML) and calls the sink for every <node> and <edge>, in file order, with
// the raw, still escaped content of each <data> relgraph knows. A <data> is
// known by its <key>'s attr.name, not its id, so files other tools rewrote
// read too; a <key>'s <default> stands in for a missing <data>; unknown keys,
// nested elements, hyperedges and graph-level data are skipped. Decoding is
// left to the sink (xml_content, xml_attribute), so text nobody needs is
// never copied. Errors throw Error(kInput, "FILE:LINE:COLUMN", reason).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace relgraph {

enum class GraphmlField {
  kLabel,
  kType,
  kAliases,
  kMentions,
  kFirstSeen,
  kLastSeen,
  kRelation,
  kDocs,
  kEvidence,
  kRule,
};
inline constexpr std::size_t kGraphmlFieldCount = 10;

struct GraphmlRecord {
  std::size_t offset = 0;  // where the element starts in the document
  std::string_view id;     // raw attribute values (xml_attribute decodes them)
  std::string_view source, target;  // edges only
  std::array<std::string_view, kGraphmlFieldCount> fields;  // raw content; empty when absent

  std::string_view field(GraphmlField f) const { return fields[static_cast<std::size_t>(f)]; }
};

class GraphmlSink {
 public:
  virtual ~GraphmlSink() = default;
  virtual void node(const GraphmlRecord& record) = 0;
  virtual void edge(const GraphmlRecord& record) = 0;
};

// `name` is the file name errors give.
void scan_graphml(std::string_view text, const std::string& name, GraphmlSink& sink);

// The same on two threads when given two sinks and a large file: the records
// of the first part of the file go to sinks[0], those of the rest to
// sinks[1]. Returns how many sinks received records (1 when the file is small
// or could not be cut safely). Sink calls of one part happen on one thread.
// The outcome, errors included, is that of reading the file in one go.
std::size_t scan_graphml(std::string_view text, const std::string& name, std::span<GraphmlSink* const> sinks);

// The items of a decoded list value: a JSON array of strings, as relgraph
// writes aliases and docs, or ';'-separated, as other tools may. False when
// it is malformed.
bool parse_graph_list(std::string_view text, std::vector<std::string>& items);

// Node ids to node indices (0, 1, ... in file order). relgraph writes n0, n1,
// ... in order, which resolve by arithmetic; other ids go through a hash map.
class GraphmlNodeIds {
 public:
  // False when the id was taken already.
  bool add(std::string_view id, std::size_t index);
  std::optional<std::size_t> find(std::string_view id) const;

  // True while every id added was n<index>, so that sequential_index() of an
  // id is its node index (when below the number of nodes).
  bool all_sequential() const { return map_.empty(); }
  // k for an id "nk" written as relgraph writes it (no leading zeros), else nullopt.
  static std::optional<std::size_t> sequential_index(std::string_view id);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  static bool is_sequential(std::string_view id, std::size_t index);

  std::size_t sequential_ = 0;  // ids n0 .. n(sequential_-1), while map_ is empty
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> map_;
};

}  // namespace relgraph
