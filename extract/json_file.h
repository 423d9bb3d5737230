// A JSON file parsed with the line of every object in it, so that errors
// about a rule can name "file:line". Parse errors throw Error(kRules) with
// the line and column and RapidJSON's reason.
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <memory>
#include <unordered_map>

namespace relgraph {

class JsonFile {
 public:
  static JsonFile load(const std::string& path);
  static JsonFile parse(const std::string& content, const std::string& path);

  const rapidjson::Document& root() const { return *root_; }
  const std::string& path() const { return path_; }
  // The line where `object` (a value inside root()) starts; 0 when unknown.
  std::size_t line_of(const rapidjson::Value& object) const;
  // "path:line" of `object`.
  std::string where(const rapidjson::Value& object) const;

 private:
  std::string path_;
  std::unique_ptr<rapidjson::Document> root_;  // heap-held so value addresses survive moves
  std::unordered_map<const rapidjson::Value*, std::size_t> lines_;
};

}  // namespace relgraph
