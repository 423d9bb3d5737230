// Helpers shared by the tests: where things are, temporary folders, running
// the real relgraph binary, reading JSON Lines back.
#pragma once

#include <rapidjson/document.h>
#include <unicode/unistr.h>
#include <sys/wait.h>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/rules.h"

namespace relgraph::testing {

inline std::filesystem::path source_dir() { return RELGRAPH_SOURCE_DIR; }
inline std::filesystem::path rules_dir() { return source_dir() / "rules"; }
inline std::filesystem::path samples_dir() { return source_dir() / "samples"; }
inline std::filesystem::path binary() { return RELGRAPH_BINARY; }
// The user's corpus, beside the project (as in CI); may be absent.
inline std::filesystem::path shared_dir() { return source_dir().parent_path() / "shared"; }

// The shipped rules, loaded once per test process.
inline std::shared_ptr<const Rules> shipped_rules() {
  static const std::shared_ptr<const Rules> rules = Rules::load(rules_dir().string());
  return rules;
}

inline DocumentResult extract_text(const std::string& text, const std::string& id = "test.txt") {
  Extractor extractor(shipped_rules());
  Document document;
  document.id = id;
  document.text = text;
  return extractor.extract(document);
}

// "relation(subject, object)" for each relation of a result, in order.
inline std::vector<std::string> facts_of(const DocumentResult& result) {
  std::vector<std::string> facts;
  for (const RelationMention& r : result.relations) {
    facts.push_back(std::string(name(r.relation)) + "(" + result.entities[r.subject].name + ", " +
                    result.entities[r.object].name + ")");
  }
  return facts;
}

// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("relgraph-test-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  std::filesystem::path write(const std::string& name, const std::string& content) const {
    const auto file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  std::filesystem::path path_;
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// `utf8` in the encoding ICU calls `charset` ("EUC-KR", "windows-949-2000",
// "UTF-16LE"), made by ICU itself: legacy-encoded input for the tests.
inline std::string encode(const std::string& utf8, const char* charset) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::string bytes(static_cast<std::size_t>(text.length()) * 4 + 4, '\0');
  bytes.resize(static_cast<std::size_t>(
      text.extract(0, text.length(), bytes.data(), static_cast<uint32_t>(bytes.size()), charset)));
  return bytes;
}

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs a shell command line, capturing stdout and stderr.
inline RunResult run_command(const std::string& command, const std::string& stdin_text = "") {
  TempDir io;
  const auto in = io.write("stdin", stdin_text);
  const std::string line = command + " <" + shell_quote(in.string()) + " >" + shell_quote((io / "stdout").string()) +
                           " 2>" + shell_quote((io / "stderr").string());
  const int raw = std::system(line.c_str());
  RunResult result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = read_file(io / "stdout");
  result.err = read_file(io / "stderr");
  return result;
}

// Runs build/relgraph with the given arguments (each shell-quoted).
inline RunResult run_relgraph(const std::vector<std::string>& args, const std::string& stdin_text = "") {
  std::string command = shell_quote(binary().string());
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  return run_command(command, stdin_text);
}

inline bool have_program(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

// A JSON string value as std::string.
inline std::string str(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

// Every line of JSON Lines text, parsed; a line that does not parse fails the caller's check.
inline std::vector<rapidjson::Document> parse_json_lines(const std::string& text, bool* all_parsed = nullptr) {
  std::vector<rapidjson::Document> lines;
  std::istringstream in(text);
  std::string line;
  if (all_parsed) *all_parsed = true;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    rapidjson::Document d;
    d.Parse(line.c_str());
    if (d.HasParseError() && all_parsed) *all_parsed = false;
    lines.push_back(std::move(d));
  }
  return lines;
}

// A GraphML file as a client sees it, parsed with a real XML parser
// (Boost.PropertyTree's) and with <data> values keyed by their key's
// attr.name, the way Gephi, NetworkX and igraph resolve them.
struct GraphmlFile {
  struct Element {
    std::string id, source, target;
    std::map<std::string, std::string> data;  // attr.name -> value
  };
  struct Key {
    std::string domain, name, type;
  };
  std::map<std::string, Key> keys;  // by key id
  std::string edgedefault;
  std::vector<Element> nodes;
  std::vector<Element> edges;

  const Element* node_labelled(const std::string& label) const {
    for (const Element& n : nodes) {
      if (n.data.count("label") && n.data.at("label") == label) return &n;
    }
    return nullptr;
  }
};

inline GraphmlFile read_graphml_text(const std::string& xml) {
  namespace pt = boost::property_tree;
  pt::ptree tree;
  std::istringstream in(xml);
  pt::read_xml(in, tree);  // throws on XML that is not well-formed
  GraphmlFile file;
  const pt::ptree& root = tree.get_child("graphml");
  auto read_data = [&](const pt::ptree& element, GraphmlFile::Element& out) {
    for (const auto& [tag, child] : element) {
      if (tag != "data") continue;
      const std::string key = child.get<std::string>("<xmlattr>.key");
      out.data[file.keys.at(key).name] = child.get_value<std::string>();
    }
  };
  for (const auto& [tag, child] : root) {
    if (tag != "key") continue;
    file.keys[child.get<std::string>("<xmlattr>.id")] = {child.get<std::string>("<xmlattr>.for"),
                                                         child.get<std::string>(pt::ptree::path_type("<xmlattr>/attr.name", '/')),
                                                         child.get<std::string>(pt::ptree::path_type("<xmlattr>/attr.type", '/'))};
  }
  const pt::ptree& graph = root.get_child("graph");
  file.edgedefault = graph.get<std::string>("<xmlattr>.edgedefault");
  for (const auto& [tag, child] : graph) {
    GraphmlFile::Element element;
    if (tag == "node") {
      element.id = child.get<std::string>("<xmlattr>.id");
      read_data(child, element);
      file.nodes.push_back(std::move(element));
    } else if (tag == "edge") {
      element.id = child.get<std::string>("<xmlattr>.id");
      element.source = child.get<std::string>("<xmlattr>.source");
      element.target = child.get<std::string>("<xmlattr>.target");
      read_data(child, element);
      file.edges.push_back(std::move(element));
    }
  }
  return file;
}

inline GraphmlFile read_graphml_file(const std::filesystem::path& path) { return read_graphml_text(read_file(path)); }

}  // namespace relgraph::testing
