// Scorer: predicted facts against gold facts, exactly as RELATIONS.md scores.
//
// A fact is (doc, subject, relation, object). Names are mapped through the
// aliases file, then compared with case and inner spaces ignored; symmetric
// relations compare unordered; each distinct fact counts once per document.
// A predicted relation outside the thirteen counts as wrong.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace relgraph {

struct ScoredFact {
  std::string doc;
  std::string relation;
  std::string subject;
  std::string object;
  std::string evidence;
  std::string rule;  // predictions only
};

// Maps every name of an entity to one key: aliases file lines
// {"name", "type", "aliases": [...]}.
class AliasTable {
 public:
  AliasTable() = default;
  // Throws Error(kInput) when the file cannot be read or a line is not JSON.
  static AliasTable load(const std::string& path);
  void add(const std::string& name, const std::vector<std::string>& aliases);
  // The comparison key of a name: its entity's canonical name, case and spaces ignored.
  std::string key(const std::string& name) const;

 private:
  std::unordered_map<std::string, std::string> canonical_;  // name_key(any form) -> name_key(canonical)
};

struct Score {
  std::size_t gold = 0;
  std::size_t predicted = 0;
  std::size_t correct = 0;

  // Undefined (NaN) when there is nothing to divide by.
  double precision() const;
  double recall() const;
  double f1() const;
};

struct EvalReport {
  std::map<std::string, Score> by_relation;  // every relation of RELATIONS.md, plus any wrong one predicted
  Score overall;
  std::vector<ScoredFact> false_positives;  // in prediction order, one per distinct fact
  std::vector<ScoredFact> misses;           // in gold order
};

EvalReport score_facts(const std::vector<ScoredFact>& gold, const std::vector<ScoredFact>& predicted,
                       const AliasTable& aliases);

// Reads a gold file (JSON Lines, RELATIONS.md "Gold file"). Throws Error(kInput) naming file:line.
std::vector<ScoredFact> load_gold(const std::string& path);

}  // namespace relgraph
