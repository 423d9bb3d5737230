// Gazetteer: names relgraph knows in advance, with their aliases.
//
// Files gazetteer/*.tsv, one entity a line, tab-separated:
//   TYPE <tab> canonical name <tab> alias|alias|...      (aliases optional)
//   ORG	마이크로소프트	MS|Microsoft
// A known name found in text becomes a mention named by its canonical name.
// It matches only as a whole word: preceded by a non-name character and
// followed by a particle or a non-name character ("LG" does not match in
// "LG전자"). Recognition must never depend on the gazetteer alone; it only
// adds certainty for well-known names.
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/lexicon.h"
#include "extract/schema.h"
#include "extract/submatch_cache.h"

namespace relgraph {

class Particles;

struct GazetteerEntry {
  EntityType type;
  std::string name;
  std::vector<std::string> aliases;
  std::string where;  // "file:line"
};

class Gazetteer {
 public:
  struct Hit {
    std::size_t begin;  // byte span of the name (no particle) in the searched text
    std::size_t end;
    const GazetteerEntry* entry;
  };

  Gazetteer() = default;
  Gazetteer(Gazetteer&&) = default;
  Gazetteer& operator=(Gazetteer&&) = default;

  bool empty() const { return entries_.empty(); }
  // Reads every *.tsv file in dir (if dir exists). Throws Error(kRules).
  static Gazetteer load(const std::string& dir, const Particles& particles);
  // A gazetteer of the given entries (e.g. the names one document has introduced).
  static Gazetteer of(std::vector<GazetteerEntry> entries, const Particles& particles);

  // All whole-word occurrences of known names, left to right, longest first.
  // With a `cache`, the name inside each match is looked up there first (see
  // submatch_cache.h): the gazetteer's program is far past BitState's limit,
  // so each name found otherwise costs a run of RE2's NFA, and news repeats
  // its names. Only for a gazetteer that outlives the cache: entries are
  // keyed by the regex's address, which a later gazetteer may reuse. The
  // regex is tried only at word boundaries where a name may begin (starts_).
  std::vector<Hit> find(std::string_view text, SubmatchCache* cache = nullptr) const;

  // The entry whose name or alias has the same name_key, or nullptr.
  const GazetteerEntry* lookup(std::string_view name) const;

  const std::vector<std::unique_ptr<GazetteerEntry>>& entries() const { return entries_; }
  // The one regex find() runs, or null when there are no names.
  const RE2* regex() const { return regex_.get(); }

 private:
  void add(std::unique_ptr<GazetteerEntry> entry);
  void compile(const Particles& particles);

  std::vector<std::unique_ptr<GazetteerEntry>> entries_;
  WordMap<const GazetteerEntry*> by_surface_;  // exact names and aliases
  std::unordered_map<std::string, const GazetteerEntry*> by_key_;      // name_key of the same
  std::unique_ptr<RE2> regex_;
  // Where a known name may begin: a bit per hash of the first two characters
  // of every name (of the one character of a one-character name). find()
  // tries its regex only where one is set, right after a word boundary,
  // instead of scanning every sentence with the regex of every name: most
  // sentences hold none. Empty when a name is empty: then find() scans.
  std::vector<std::uint64_t> starts_;
  bool one_character_names_ = false;
  bool may_start_name(std::string_view text, std::size_t at) const;
  // Where the regex may find a match at or after pos: the word boundary in
  // front of a possible name (or 0 before a name at the start); npos if none.
  std::size_t next_start(std::string_view text, std::size_t pos) const;
};

}  // namespace relgraph
