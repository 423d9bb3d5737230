#include "graph/graphml_records.h"

#include <rapidjson/document.h>

#include <charconv>
#include <cstring>
#include <exception>
#include <thread>
#include <vector>

#include "extract/error.h"
#include "graph/xml_scanner.h"

namespace relgraph {

namespace {

constexpr std::size_t kNoField = kGraphmlFieldCount;

// Below this size a second thread costs more than it saves.
constexpr std::size_t kParallelFrom = 8 << 20;

std::size_t node_field(std::string_view name) {
  if (name == "label") return static_cast<std::size_t>(GraphmlField::kLabel);
  if (name == "type") return static_cast<std::size_t>(GraphmlField::kType);
  if (name == "aliases") return static_cast<std::size_t>(GraphmlField::kAliases);
  if (name == "mentions") return static_cast<std::size_t>(GraphmlField::kMentions);
  if (name == "first_seen") return static_cast<std::size_t>(GraphmlField::kFirstSeen);
  if (name == "last_seen") return static_cast<std::size_t>(GraphmlField::kLastSeen);
  return kNoField;
}

std::size_t edge_field(std::string_view name) {
  if (name == "relation") return static_cast<std::size_t>(GraphmlField::kRelation);
  if (name == "docs") return static_cast<std::size_t>(GraphmlField::kDocs);
  if (name == "mentions") return static_cast<std::size_t>(GraphmlField::kMentions);
  if (name == "evidence") return static_cast<std::size_t>(GraphmlField::kEvidence);
  if (name == "rule") return static_cast<std::size_t>(GraphmlField::kRule);
  if (name == "first_seen") return static_cast<std::size_t>(GraphmlField::kFirstSeen);
  if (name == "last_seen") return static_cast<std::size_t>(GraphmlField::kLastSeen);
  return kNoField;
}

struct Key {
  std::string id;
  std::size_t node = kNoField;  // the field the key fills on a node
  std::size_t edge = kNoField;  // ... and on an edge
  std::string_view default_value;  // raw content of its <default>
};

// True when an element's name is `local`, with or without a namespace prefix.
// A template on the literal so the comparison inlines: it runs for every tag.
template <std::size_t N>
bool is(std::string_view name, const char (&local)[N]) {
  constexpr std::size_t n = N - 1;
  if (name.size() < n || std::memcmp(name.data() + name.size() - n, local, n) != 0) return false;
  return name.size() == n || name[name.size() - n - 1] == ':';
}

class RecordScanner {
 public:
  // A whole document.
  RecordScanner(std::string_view text, const std::string& name, GraphmlSink& sink)
      : xml_(text, name, XmlScanner::Text::kElementsOnly), sink_(sink) {}

  // The rest of a document from `begin`, an element boundary inside the
  // <graph> whose element names (root and graph) are `open`, with the keys
  // declared before it.
  RecordScanner(std::string_view text, const std::string& name, GraphmlSink& sink, std::size_t begin,
                std::vector<std::string_view> open, std::vector<Key> keys)
      : xml_(text, name, XmlScanner::Text::kElementsOnly, begin, std::move(open)),
        sink_(sink),
        keys_(std::move(keys)),
        graphs_(1) {}

  // Reads up to and including the <graph> start tag; false when the
  // document ends without one.
  bool scan_header() {
    if (!xml_.next() || xml_.event() != XmlScanner::kStart || !is(xml_.name(), "graphml")) {
      xml_.fail("the root element is <" + std::string(xml_.name()) + ">, not <graphml>");
    }
    while (xml_.next()) {
      if (xml_.event() != XmlScanner::kStart) continue;
      if (is(xml_.name(), "key")) {
        read_key();
      } else if (is(xml_.name(), "graph")) {
        ++graphs_;
        return true;
      } else {
        xml_.skip_element();  // <desc>, graph-level <data>, other tools' extensions
      }
    }
    return false;
  }

  // Reads the rest of the document. With a `stop`, returns true as soon as the
  // next element of the graph starts exactly at byte `stop` (and no key was
  // declared on the way, which a scanner starting there would miss); false
  // once it has read to the end instead.
  static constexpr std::size_t kNoStop = ~std::size_t{0};
  bool scan_body(std::size_t stop = kNoStop, std::stop_token cancel = {}) {
    for (;;) {
      if (stop != kNoStop && xml_.depth() == 2) {
        const std::size_t next = xml_.next_markup();
        if (next == stop && !keys_changed_) return true;
        if (next > stop) stop = kNoStop;
      }
      if (cancel.stop_requested() || !xml_.next()) return false;
      if (xml_.event() != XmlScanner::kStart) continue;
      const std::string_view tag = xml_.name();
      if (is(tag, "node") && xml_.depth() == 3) {
        if (!xml_.has_attribute("id")) xml_.fail("a <node> without an id");
        read_element(true);
      } else if (is(tag, "edge") && xml_.depth() == 3) {
        read_element(false);
      } else if (is(tag, "key")) {
        read_key();
        keys_changed_ = true;
      } else if (is(tag, "graph")) {
        xml_.fail(xml_.depth() == 2 ? "a second <graph>: one graph per file is supported"
                                    : "a graph nested inside a node or edge is not supported");
      } else {
        xml_.skip_element();  // hyperedges, graph-level data, other tools' extensions
      }
    }
  }

  const std::vector<std::string_view>& open_elements() const { return xml_.open_elements(); }
  std::size_t position() const { return xml_.position(); }
  const std::vector<Key>& keys() const { return keys_; }

 private:
  // The raw content of the element just started, up to its end tag.
  std::string_view raw_content() {
    const std::size_t start = xml_.position();
    xml_.skip_element();
    return text_of(start, xml_.event_offset());
  }

  std::string_view text_of(std::size_t begin, std::size_t end) const { return text_.substr(begin, end - begin); }

  void read_key() {
    Key key;
    key.id = xml_.attribute("id");
    const std::string domain = xml_.attribute("for");
    const std::string name = xml_.attribute("attr.name");
    if (domain == "node" || domain == "all") key.node = node_field(name);
    if (domain == "edge" || domain == "all") key.edge = edge_field(name);
    const std::size_t depth = xml_.depth();
    while (xml_.next() && !(xml_.event() == XmlScanner::kEnd && xml_.depth() == depth - 1)) {
      if (xml_.event() == XmlScanner::kStart && is(xml_.name(), "default")) key.default_value = raw_content();
    }
    keys_.push_back(std::move(key));
  }

  // The key a <data> names. Lookups start after the last hit, since <data>
  // usually follow the order of the <key>s.
  const Key* find_key(std::string_view id) {
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      const std::size_t k = (hint_ + i) % keys_.size();
      const std::string& key = keys_[k].id;
      // Length and last byte first: ids like k_label, k_type differ there, and memcmp is a call.
      if (key.size() == id.size() && (id.empty() || key.back() == id.back()) && key == id) {
        hint_ = k + 1;
        return &keys_[k];
      }
    }
    return nullptr;
  }

  void read_element(bool is_node) {
    GraphmlRecord record;
    record.offset = xml_.event_offset();
    record.id = xml_.raw_attribute("id");
    if (!is_node) {
      record.source = xml_.raw_attribute("source");
      record.target = xml_.raw_attribute("target");
      if (record.source.empty() || record.target.empty()) xml_.fail("an <edge> without source or target");
    }
    const std::size_t depth = xml_.depth();
    while (xml_.next()) {
      if (xml_.event() == XmlScanner::kEnd && xml_.depth() == depth - 1) break;
      if (xml_.event() != XmlScanner::kStart) continue;
      if (is(xml_.name(), "graph")) xml_.fail("a graph nested inside a node or edge is not supported");
      if (!is(xml_.name(), "data")) {
        xml_.skip_element();
        continue;
      }
      const std::string_view id = xml_.raw_attribute("key");
      const Key* key = find_key(id);
      if (!key) xml_.fail("<data key=\"" + std::string(id) + "\"> has no <key> declared before it");
      const std::size_t field = is_node ? key->node : key->edge;
      if (field == kNoField) {
        xml_.skip_element();
      } else {
        record.fields[field] = raw_content();
      }
    }
    for (const Key& key : keys_) {
      const std::size_t field = is_node ? key.node : key.edge;
      if (field != kNoField && record.fields[field].empty()) record.fields[field] = key.default_value;
    }
    if (is_node) {
      sink_.node(record);
    } else {
      sink_.edge(record);
    }
  }

  XmlScanner xml_;
  GraphmlSink& sink_;
  std::string_view text_ = xml_.document();
  std::vector<Key> keys_;
  std::size_t hint_ = 0;
  int graphs_ = 0;
  bool keys_changed_ = false;
};

// Where to cut the body of a graph for a second thread: the first line, from
// about the middle on, that starts (after indentation) with <node or <edge. Only a
// guess: the first thread confirms it by arriving there between elements.
std::optional<std::size_t> split_point(std::string_view text, std::size_t body) {
  // A little before the middle: the first thread has the merging to do after.
  std::size_t at = text.find('\n', body + (text.size() - body) * 9 / 20);
  while (at != std::string_view::npos && at + 1 < text.size()) {
    std::size_t q = at + 1;
    while (q < text.size() && (text[q] == ' ' || text[q] == '\t')) ++q;
    const std::string_view rest = text.substr(q);
    if ((rest.starts_with("<edge") || rest.starts_with("<node")) && rest.size() > 5 &&
        (rest[5] == ' ' || rest[5] == '\t' || rest[5] == '\n' || rest[5] == '\r' || rest[5] == '>' || rest[5] == '/')) {
      return q;
    }
    at = text.find('\n', q);
  }
  return std::nullopt;
}

}  // namespace

std::size_t scan_graphml(std::string_view text, const std::string& name, std::span<GraphmlSink* const> sinks) {
  RecordScanner first(text, name, *sinks[0]);
  if (!first.scan_header()) return 1;
  std::optional<std::size_t> split;
  if (sinks.size() > 1 && text.size() >= kParallelFrom) split = split_point(text, first.position());
  if (!split) {
    first.scan_body();
    return 1;
  }
  // The second half on its own thread, from the guessed boundary; the first
  // thread reads up to it and so confirms it (or reads on to the end).
  std::exception_ptr second_failure;
  std::jthread second([&, open = first.open_elements(), keys = first.keys()](std::stop_token cancel) {
    try {
      RecordScanner(text, name, *sinks[1], *split, open, keys).scan_body(RecordScanner::kNoStop, cancel);
    } catch (...) {
      second_failure = std::current_exception();
    }
  });
  bool confirmed = false;
  try {
    confirmed = first.scan_body(*split);
  } catch (...) {
    second.request_stop();
    throw;
  }
  if (!confirmed) {
    second.request_stop();
    return 1;
  }
  second.join();
  if (second_failure) std::rethrow_exception(second_failure);
  return 2;
}

void scan_graphml(std::string_view text, const std::string& name, GraphmlSink& sink) {
  GraphmlSink* const sinks[] = {&sink};
  scan_graphml(text, name, sinks);
}

bool parse_graph_list(std::string_view text, std::vector<std::string>& items) {
  items.clear();
  if (text.empty()) return true;
  if (text.front() != '[') {
    std::size_t begin = 0;
    while (begin <= text.size()) {
      const std::size_t end = std::min(text.find(';', begin), text.size());
      if (end > begin) items.emplace_back(text.substr(begin, end - begin));
      begin = end + 1;
    }
    return true;
  }
  if (text.find('\\') == std::string_view::npos) {
    // Fast path for the common case, a list without escapes: ["a","b"].
    std::size_t i = 1;
    auto skip_spaces = [&] {
      while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    };
    auto at_end = [&] { return text.find_first_not_of(" \n\t\r", i + 1) == std::string_view::npos; };
    skip_spaces();
    if (i < text.size() && text[i] == ']') return at_end();
    for (;;) {
      skip_spaces();
      if (i >= text.size() || text[i] != '"') return false;
      const std::size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) return false;
      items.emplace_back(text.substr(i + 1, close - i - 1));
      i = close + 1;
      skip_spaces();
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      return i < text.size() && text[i] == ']' && at_end();
    }
  }
  rapidjson::Document json;
  json.Parse(text.data(), text.size());
  if (json.HasParseError() || !json.IsArray()) return false;
  for (const auto& item : json.GetArray()) {
    if (!item.IsString()) return false;
    items.emplace_back(item.GetString(), item.GetStringLength());
  }
  return true;
}

bool GraphmlNodeIds::is_sequential(std::string_view id, std::size_t index) {
  char buffer[24] = "n";
  const auto [end, ec] = std::to_chars(buffer + 1, buffer + sizeof buffer, index);
  return ec == std::errc() && id == std::string_view(buffer, static_cast<std::size_t>(end - buffer));
}

bool GraphmlNodeIds::add(std::string_view id, std::size_t index) {
  if (map_.empty() && index == sequential_ && is_sequential(id, index)) {
    ++sequential_;
    return true;
  }
  if (map_.empty()) {
    // Leave the fast path: the map takes over what it held.
    for (std::size_t n = 0; n < sequential_; ++n) map_.emplace("n" + std::to_string(n), n);
  }
  return map_.emplace(std::string(id), index).second;
}

std::optional<std::size_t> GraphmlNodeIds::sequential_index(std::string_view id) {
  std::size_t n = 0;
  if (id.size() < 2 || id[0] != 'n' || (id[1] == '0' && id.size() > 2)) return std::nullopt;
  const auto [end, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), n);
  if (ec != std::errc() || end != id.data() + id.size()) return std::nullopt;
  return n;
}

std::optional<std::size_t> GraphmlNodeIds::find(std::string_view id) const {
  if (map_.empty()) {
    const auto n = sequential_index(id);
    if (!n || *n >= sequential_) return std::nullopt;
    return n;
  }
  const auto it = map_.find(id);
  if (it == map_.end()) return std::nullopt;
  return it->second;
}

}  // namespace relgraph
