// Macros: named pattern fragments that rule patterns write as {NAME}.
//
//   {NAME}          the fragment, in a non-capturing group
//   {NAME:group}    the fragment captured as the named group `group`
//
// Built in: {ORG}, {PERSON}, {PRODUCT}, {ENTITY} (one placeholder of that
// type, see placeholder.h) and {ORGS}, {PERSONS}, {PRODUCTS}, {ENTITIES}
// (one or more, joined by the user macro {LIST_SEP}). Other names come from
// macros.json; a macro may use other macros. Anything else in braces, such as
// the repetition {1,3}, is left alone; a backslash escapes a brace.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace relgraph {

class Macros {
 public:
  struct Definition {
    std::string pattern;  // may use other macros
    std::string where;    // "file:line" for errors
  };

  Macros() = default;
  // Expands every definition; throws Error(kRules) on an unknown name or a cycle.
  explicit Macros(std::map<std::string, Definition> definitions);

  // Throws Error(kRules) at `where` when pattern uses an unknown macro.
  std::string expand(std::string_view pattern, const std::string& where) const;

  bool has(const std::string& name) const { return expanded_.count(name) > 0; }

 private:
  std::map<std::string, std::string> expanded_;
};

// Escapes words for RE2 and joins them longest first: (?:word1|word2|...).
std::string alternation(std::vector<std::string> words);

}  // namespace relgraph
