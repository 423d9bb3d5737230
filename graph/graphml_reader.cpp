#include "graph/graphml_reader.h"

#include <libxml/xmlreader.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "extract/error.h"

namespace relgraph {

namespace {

// A <node> or <edge> as read, its <data> values keyed by attr.name.
struct RawElement {
  int line = 0;
  std::string id, source, target;
  std::map<std::string, std::string> data;
};

struct KeyInfo {
  std::string domain;  // "node", "edge", "all", "graph", ...
  std::string name;
};

// The first error libxml2 reports, with its position.
struct ParseFailure {
  std::string message;
  int line = 0;
};

void on_xml_error(void* arg, xmlErrorPtr error) {
  auto* failure = static_cast<ParseFailure*>(arg);
  if (!failure->message.empty() || error == nullptr || error->level < XML_ERR_ERROR) return;
  failure->message = error->message ? error->message : "XML error";
  while (!failure->message.empty() && failure->message.back() == '\n') failure->message.pop_back();
  if (error->int2 > 0) failure->message += " (column " + std::to_string(error->int2) + ")";
  failure->line = error->line;
}

std::string take(xmlChar* text) {
  if (text == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(text));
  xmlFree(text);
  return out;
}

// Streams the XML and collects keys, nodes and edges; checks nothing about their meaning.
class GraphmlScanner {
 public:
  GraphmlScanner(xmlTextReaderPtr reader, std::string name) : reader_(reader), name_(std::move(name)) {
    xmlTextReaderSetStructuredErrorHandler(reader_, on_xml_error, &failure_);
  }

  void scan() {
    bool saw_root = false;
    int status;
    while ((status = xmlTextReaderRead(reader_)) == 1) {
      const int type = xmlTextReaderNodeType(reader_);
      if (type == XML_READER_TYPE_ELEMENT) {
        const std::string tag = local_name();
        if (!saw_root && tag != "graphml") fail("the root element is <" + tag + ">, not <graphml>");
        saw_root = true;
        start(tag);
      } else if (type == XML_READER_TYPE_END_ELEMENT) {
        end(local_name());
      }
    }
    if (status < 0 || !failure_.message.empty()) {
      throw Error(Error::Kind::kInput, name_ + ":" + std::to_string(failure_.line),
                  "not well-formed XML: " + (failure_.message.empty() ? "parse error" : failure_.message));
    }
    if (!saw_root) fail("no <graphml> element");
  }

  std::unordered_map<std::string, KeyInfo> keys;
  std::vector<RawElement> nodes, edges;

  [[noreturn]] void fail(const std::string& reason, int line = 0) const {
    if (line == 0) line = current_line();
    throw Error(Error::Kind::kInput, name_ + ":" + std::to_string(line), reason);
  }

 private:
  enum class Inside { kNothing, kNode, kEdge };

  // The line of the element being read (the parser itself may be further on).
  int current_line() const {
    const xmlNodePtr node = xmlTextReaderCurrentNode(reader_);
    const long line = node ? xmlGetLineNo(node) : -1;
    return line > 0 ? static_cast<int>(line) : xmlTextReaderGetParserLineNumber(reader_);
  }

  std::string local_name() const {
    const xmlChar* name = xmlTextReaderConstLocalName(reader_);
    return name ? reinterpret_cast<const char*>(name) : "";
  }
  std::string attribute(const char* name) const {
    return take(xmlTextReaderGetAttribute(reader_, reinterpret_cast<const xmlChar*>(name)));
  }
  bool has_attribute(const char* name) const {
    xmlChar* value = xmlTextReaderGetAttribute(reader_, reinterpret_cast<const xmlChar*>(name));
    xmlFree(value);
    return value != nullptr;
  }

  void start(const std::string& tag) {
    const bool empty = xmlTextReaderIsEmptyElement(reader_) == 1;
    const int line = current_line();
    if (tag == "key") {
      keys[attribute("id")] = {attribute("for"), attribute("attr.name")};
    } else if (tag == "graph") {
      if (inside_ != Inside::kNothing || ++graphs_ > 1) fail("nested or repeated <graph> elements are not supported");
    } else if (tag == "node" || tag == "edge") {
      if (inside_ != Inside::kNothing) fail("<" + tag + "> inside another node or edge");
      current_ = RawElement{};
      current_.line = line;
      current_.id = attribute("id");
      if (tag == "node") {
        if (!has_attribute("id")) fail("a <node> without an id");
      } else {
        current_.source = attribute("source");
        current_.target = attribute("target");
        if (current_.source.empty() || current_.target.empty()) fail("an <edge> without source or target");
      }
      inside_ = tag == "node" ? Inside::kNode : Inside::kEdge;
      if (empty) end(tag);
    } else if (tag == "data" && inside_ != Inside::kNothing) {
      const std::string key = attribute("key");
      const auto it = keys.find(key);
      if (it == keys.end()) fail("<data key=\"" + key + "\"> has no <key> declared before it");
      current_.data[it->second.name] = empty ? "" : take(xmlTextReaderReadString(reader_));
    }
  }

  void end(const std::string& tag) {
    if (tag == "node" && inside_ == Inside::kNode) {
      nodes.push_back(std::move(current_));
      inside_ = Inside::kNothing;
    } else if (tag == "edge" && inside_ == Inside::kEdge) {
      edges.push_back(std::move(current_));
      inside_ = Inside::kNothing;
    }
  }

  xmlTextReaderPtr reader_;
  std::string name_;
  ParseFailure failure_;
  Inside inside_ = Inside::kNothing;
  RawElement current_;
  int graphs_ = 0;
};

std::vector<std::string> parse_list(const std::string& text, const std::function<void(const std::string&)>& fail) {
  std::vector<std::string> items;
  if (text.empty()) return items;
  if (text.front() == '[') {
    rapidjson::Document json;
    json.Parse(text.data(), text.size());
    if (json.HasParseError() || !json.IsArray()) fail("not a JSON array of strings: " + text);
    for (const auto& item : json.GetArray()) {
      if (!item.IsString()) fail("not a JSON array of strings: " + text);
      items.emplace_back(item.GetString(), item.GetStringLength());
    }
    return items;
  }
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t end = std::min(text.find(';', begin), text.size());
    if (end > begin) items.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return items;
}

std::uint64_t parse_count(const std::string& text, const std::function<void(const std::string&)>& fail) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) fail("mentions is not a whole number: \"" + text + "\"");
  return value;
}

std::string value_of(const RawElement& e, const char* name) {
  const auto it = e.data.find(name);
  return it == e.data.end() ? "" : it->second;
}

void widen(std::string& first, std::string& last, const std::string& from, const std::string& to) {
  if (!from.empty() && (first.empty() || from < first)) first = from;
  if (!to.empty() && (last.empty() || to > last)) last = to;
}

KnowledgeGraph assemble(const GraphmlScanner& scan) {
  Graph g;
  std::unordered_map<std::string, Node> by_id;
  for (const RawElement& raw : scan.nodes) {
    auto fail = [&](const std::string& reason) { scan.fail("node \"" + raw.id + "\": " + reason, raw.line); };
    if (by_id.count(raw.id)) fail("a second node with this id");
    NodeProperties p;
    p.label = value_of(raw, "label");
    if (p.label.empty()) p.label = raw.id;
    const auto type = parse_entity_type(value_of(raw, "type"));
    if (!type) fail("type must be ORG, PERSON or PRODUCT, not \"" + value_of(raw, "type") + "\"");
    p.type = *type;
    p.aliases = parse_list(value_of(raw, "aliases"), fail);
    if (const std::string mentions = value_of(raw, "mentions"); !mentions.empty()) p.mentions = parse_count(mentions, fail);
    p.first_seen = value_of(raw, "first_seen");
    p.last_seen = value_of(raw, "last_seen");
    by_id[raw.id] = boost::add_vertex(std::move(p), g);
  }

  std::map<std::tuple<Relation, Node, Node>, Edge> by_fact;
  for (const RawElement& raw : scan.edges) {
    auto fail = [&](const std::string& reason) {
      scan.fail("edge " + (raw.id.empty() ? "" : "\"" + raw.id + "\" ") + "from \"" + raw.source + "\" to \"" +
                    raw.target + "\": " + reason,
                raw.line);
    };
    const auto source = by_id.find(raw.source), target = by_id.find(raw.target);
    if (source == by_id.end() || target == by_id.end()) fail("no node has that id");
    const auto relation = parse_relation(value_of(raw, "relation"));
    if (!relation) fail("relation \"" + value_of(raw, "relation") + "\" is not one of the thirteen");
    EdgeProperties p;
    p.relation = *relation;
    p.docs = parse_list(value_of(raw, "docs"), fail);
    std::sort(p.docs.begin(), p.docs.end());
    p.docs.erase(std::unique(p.docs.begin(), p.docs.end()), p.docs.end());
    if (const std::string mentions = value_of(raw, "mentions"); !mentions.empty()) p.mentions = parse_count(mentions, fail);
    p.evidence = value_of(raw, "evidence");
    p.rule = value_of(raw, "rule");
    p.first_seen = value_of(raw, "first_seen");
    p.last_seen = value_of(raw, "last_seen");

    Node s = source->second, t = target->second;
    const auto key = is_symmetric(p.relation) ? std::tuple(p.relation, std::min(s, t), std::max(s, t))
                                              : std::tuple(p.relation, s, t);
    if (const auto seen = by_fact.find(key); seen != by_fact.end()) {
      EdgeProperties& kept = g[seen->second];
      std::vector<std::string> docs;
      std::set_union(kept.docs.begin(), kept.docs.end(), p.docs.begin(), p.docs.end(), std::back_inserter(docs));
      kept.docs = std::move(docs);
      kept.mentions += p.mentions;
      widen(kept.first_seen, kept.last_seen, p.first_seen, p.last_seen);
      continue;
    }
    by_fact[key] = boost::add_edge(s, t, std::move(p), g).first;
  }
  return KnowledgeGraph(std::move(g));
}

using ReaderPtr = std::unique_ptr<xmlTextReader, decltype(&xmlFreeTextReader)>;

KnowledgeGraph read(ReaderPtr reader, const std::string& name) {
  if (!reader) throw Error(Error::Kind::kInput, name, "cannot open for reading");
  GraphmlScanner scanner(reader.get(), name);
  scanner.scan();
  return assemble(scanner);
}

// No network, no entity expansion from a DTD; libxml2's limits stay on.
// XML_PARSE_BIG_LINES: line numbers past 65535 in errors stay right.
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;

}  // namespace

KnowledgeGraph read_graphml_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw Error(Error::Kind::kInput, path, "no such file");
  return read(ReaderPtr(xmlReaderForFile(path.c_str(), nullptr, kParseOptions), &xmlFreeTextReader), path);
}

KnowledgeGraph read_graphml_text(std::string_view xml, const std::string& name) {
  if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw Error(Error::Kind::kInput, name, "larger than 2 GiB; read it from a file instead");
  }
  return read(ReaderPtr(xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), name.c_str(), nullptr,
                                           kParseOptions),
                        &xmlFreeTextReader),
              name);
}

}  // namespace relgraph
