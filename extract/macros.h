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

// Escapes words for RE2 and joins them into one group that, where several
// words match at the same place, matches the longest: what
// (?:word1|word2|...) sorted longest first matches, with the same
// preferences, inside (?i) too. Written as a trie ("대표(?:이사)?" for 대표
// and 대표이사): RE2 merges a common prefix only between neighbouring
// alternatives, and longest-first order seldom makes them neighbours. The
// smaller program has fewer threads alive at each byte, which is what its
// DFA states are made of and what its NFA steps through. Words that differ
// only in case at the same place keep the sorted list (under (?i) the
// trie's order between them would decide instead of their length).
std::string alternation(std::vector<std::string> words);

}  // namespace relgraph
