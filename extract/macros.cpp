#include "extract/macros.h"

#include <re2/re2.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "extract/error.h"
#include "extract/placeholder.h"
#include "extract/utf8.h"

namespace relgraph {

namespace {

using Resolver = std::function<std::string(const std::string& name)>;

bool is_name_start(char c) { return c >= 'A' && c <= 'Z'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '_'; }
bool is_group_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// Expands {NAME} and {NAME:group} in pattern using resolve(NAME).
std::string expand_impl(std::string_view pattern, const Resolver& resolve) {
  std::string out;
  out.reserve(pattern.size());
  std::size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out.append(pattern.substr(i, 2));
      i += 2;
      continue;
    }
    if (c != '{' || i + 1 >= pattern.size() || !is_name_start(pattern[i + 1])) {
      out += c;
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < pattern.size() && is_name_char(pattern[j])) ++j;
    const std::string name(pattern.substr(i + 1, j - i - 1));
    std::string group;
    if (j < pattern.size() && pattern[j] == ':') {
      std::size_t k = j + 1;
      while (k < pattern.size() && is_group_char(pattern[k])) ++k;
      group = std::string(pattern.substr(j + 1, k - j - 1));
      j = k;
    }
    if (j >= pattern.size() || pattern[j] != '}') {  // not a macro, e.g. "{A" in a literal
      out += c;
      ++i;
      continue;
    }
    const std::string body = resolve(name);
    out += group.empty() ? "(?:" : "(?P<" + group + ">";
    out += body;
    out += ')';
    i = j + 1;
  }
  return out;
}

std::string builtin(const std::string& name, const Resolver& resolve) {
  static constexpr struct {
    const char* single;
    const char* plural;
    int type;  // index into kEntityTypes, -1 = any
  } kBuiltins[] = {{"ORG", "ORGS", 0}, {"PERSON", "PERSONS", 1}, {"PRODUCT", "PRODUCTS", 2}, {"ENTITY", "ENTITIES", -1}};
  for (const auto& b : kBuiltins) {
    const std::string one = b.type < 0 ? any_placeholder_pattern() : placeholder_pattern(kEntityTypes[b.type]);
    if (name == b.single) return one;
    if (name == b.plural) return one + "(?:(?:" + resolve("LIST_SEP") + ")" + one + ")*";
  }
  return {};
}

}  // namespace

Macros::Macros(std::map<std::string, Definition> definitions) {
  std::map<std::string, int> state;  // 1 = being expanded, 2 = done
  std::function<std::string(const std::string&, const std::string&)> lookup =
      [&](const std::string& name, const std::string& where) -> std::string {
    const Resolver resolve = [&](const std::string& inner) { return lookup(inner, where); };
    if (std::string b = builtin(name, resolve); !b.empty()) return b;
    const auto def = definitions.find(name);
    if (def == definitions.end()) throw Error(Error::Kind::kRules, where, "unknown macro {" + name + "}");
    if (state[name] == 2) return expanded_[name];
    if (state[name] == 1) throw Error(Error::Kind::kRules, def->second.where, "macro {" + name + "} uses itself");
    state[name] = 1;
    const Resolver resolve_inner = [&](const std::string& inner) { return lookup(inner, def->second.where); };
    expanded_[name] = expand_impl(def->second.pattern, resolve_inner);
    state[name] = 2;
    return expanded_[name];
  };
  for (const auto& [name, def] : definitions) lookup(name, def.where);
}

std::string Macros::expand(std::string_view pattern, const std::string& where) const {
  std::function<std::string(const std::string&)> resolve = [&](const std::string& name) -> std::string {
    if (std::string b = builtin(name, resolve); !b.empty()) return b;
    const auto it = expanded_.find(name);
    if (it == expanded_.end()) throw Error(Error::Kind::kRules, where, "unknown macro {" + name + "}");
    return it->second;
  };
  return expand_impl(pattern, resolve);
}

namespace {

// Words sorted longest first, each escaped: (?:word1|word2|...). Leftmost-first
// matching then takes, of the words that match at one place, the longest.
std::string flat_alternation(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string out = "(?:";
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += '|';
    out += RE2::QuoteMeta(words[i]);
  }
  out += ')';
  return out;
}

// Longer words keep the sorted list: the trie is checked, written and freed
// recursively, one level per character, and no name or cue word comes near.
constexpr std::size_t kMaxTrieWordBytes = 1024;

// The words as a trie of code points: a node's children are keyed by the
// UTF-8 bytes of their first character.
struct TrieNode {
  bool is_word = false;  // a word ends here
  std::map<std::string, TrieNode> children;
};

// Whether any node has two children whose characters are equal under case
// folding: inside (?i) both could match the same text, and the trie's order
// of them would then decide where the flat list's length did.
bool has_case_twins(const TrieNode& node) {
  std::set<UChar32> folded;
  for (const auto& [character, child] : node.children) {
    std::size_t at = 0;
    if (!folded.insert(u_foldCase(static_cast<UChar32>(utf8::next(character, at)), U_FOLD_CASE_DEFAULT)).second ||
        has_case_twins(child)) {
      return true;
    }
  }
  return false;
}

// The alternatives below `node`: one per child, its chain of single children
// written as one literal, and a node where a word ends and more follow as
// "word(?:longer)?" (greedy: the longer words first).
std::string trie_alternatives(const TrieNode& node) {
  std::string out;
  for (const auto& [character, first] : node.children) {
    if (!out.empty()) out += '|';
    out += RE2::QuoteMeta(character);
    const TrieNode* at = &first;
    while (!at->is_word && at->children.size() == 1) {
      out += RE2::QuoteMeta(at->children.begin()->first);
      at = &at->children.begin()->second;
    }
    if (at->children.empty()) continue;
    out += "(?:" + trie_alternatives(*at) + ")";
    if (at->is_word) out += '?';
  }
  return out;
}

}  // namespace

std::string alternation(std::vector<std::string> words) {
  if (std::any_of(words.begin(), words.end(), [](const std::string& w) { return w.size() > kMaxTrieWordBytes; })) {
    return flat_alternation(std::move(words));
  }
  TrieNode root;
  for (const std::string& word : words) {
    TrieNode* node = &root;
    for (int32_t at = 0; at < static_cast<int32_t>(word.size());) {
      const int32_t begin = at;
      UChar32 c = 0;
      U8_NEXT(word.data(), at, static_cast<int32_t>(word.size()), c);
      if (c < 0) return flat_alternation(std::move(words));  // ill-formed: RE2 reports it as before
      node = &node->children[word.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(at - begin))];
    }
    node->is_word = true;
  }
  if (has_case_twins(root)) return flat_alternation(std::move(words));
  if (root.children.empty()) return "(?:)";  // no words, or only the empty one
  const std::string body = trie_alternatives(root);
  return root.is_word ? "(?:(?:" + body + ")?)" : "(?:" + body + ")";
}

}  // namespace relgraph
