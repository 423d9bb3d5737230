#include "tools/scorer.h"

#include <rapidjson/document.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <set>
#include <tuple>

#include "extract/error.h"
#include "extract/names.h"
#include "extract/schema.h"

namespace relgraph {

namespace {

using Key = std::tuple<std::string, std::string, std::string, std::string>;  // doc, relation, subject, object

template <typename Visit>
void for_each_json_line(const std::string& path, Visit visit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Error::Kind::kInput, path, "cannot open for reading");
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    rapidjson::Document json;
    json.Parse(line.c_str(), line.size());
    const std::string where = path + ":" + std::to_string(number);
    if (json.HasParseError() || !json.IsObject()) throw Error(Error::Kind::kInput, where, "not a JSON object");
    visit(json, where);
  }
}

std::string string_at(const rapidjson::Value& object, const char* key, const char* inner, const std::string& where) {
  const auto it = object.FindMember(key);
  if (it == object.MemberEnd()) throw Error(Error::Kind::kInput, where, std::string("no \"") + key + "\"");
  const rapidjson::Value* v = &it->value;
  if (inner) {
    if (!v->IsObject() || !v->HasMember(inner)) {
      throw Error(Error::Kind::kInput, where, std::string("no \"") + key + "." + inner + "\"");
    }
    v = &(*v)[inner];
  }
  if (!v->IsString()) throw Error(Error::Kind::kInput, where, std::string("\"") + key + "\" is not a string");
  return {v->GetString(), v->GetStringLength()};
}

}  // namespace

AliasTable AliasTable::load(const std::string& path) {
  AliasTable table;
  for_each_json_line(path, [&](const rapidjson::Value& line, const std::string& where) {
    std::vector<std::string> aliases;
    if (line.HasMember("aliases") && line["aliases"].IsArray()) {
      for (const auto& a : line["aliases"].GetArray()) {
        if (a.IsString()) aliases.emplace_back(a.GetString());
      }
    }
    table.add(string_at(line, "name", nullptr, where), aliases);
  });
  return table;
}

void AliasTable::add(const std::string& name, const std::vector<std::string>& aliases) {
  const std::string canonical = name_key(name);
  canonical_[canonical] = canonical;
  for (const std::string& alias : aliases) canonical_.emplace(name_key(alias), canonical);
}

std::string AliasTable::key(const std::string& name) const {
  std::string k = name_key(name);
  const auto it = canonical_.find(k);
  return it == canonical_.end() ? k : it->second;
}

double Score::precision() const {
  return predicted ? static_cast<double>(correct) / static_cast<double>(predicted)
                   : std::numeric_limits<double>::quiet_NaN();
}

double Score::recall() const {
  return gold ? static_cast<double>(correct) / static_cast<double>(gold) : std::numeric_limits<double>::quiet_NaN();
}

double Score::f1() const {
  // The harmonic mean of precision and recall, written so that it is 0 rather
  // than undefined when one of them is undefined and the other side is not empty.
  if (gold + predicted == 0) return std::numeric_limits<double>::quiet_NaN();
  return 2.0 * static_cast<double>(correct) / static_cast<double>(gold + predicted);
}

EvalReport score_facts(const std::vector<ScoredFact>& gold, const std::vector<ScoredFact>& predicted,
                       const AliasTable& aliases) {
  auto key_of = [&](const ScoredFact& f) {
    std::string subject = aliases.key(f.subject);
    std::string object = aliases.key(f.object);
    const auto relation = parse_relation(f.relation);
    if (relation && is_symmetric(*relation) && object < subject) std::swap(subject, object);
    return Key{f.doc, f.relation, subject, object};
  };

  EvalReport report;
  for (const RelationSpec& s : relation_specs()) report.by_relation[std::string(s.name)];

  std::set<Key> gold_keys;
  for (const ScoredFact& f : gold) {
    if (gold_keys.insert(key_of(f)).second) ++report.by_relation[f.relation].gold;
  }
  std::set<Key> predicted_keys;
  for (const ScoredFact& f : predicted) {
    const Key key = key_of(f);
    if (!predicted_keys.insert(key).second) continue;
    Score& s = report.by_relation[f.relation];
    ++s.predicted;
    if (parse_relation(f.relation) && gold_keys.count(key)) {
      ++s.correct;
    } else {
      report.false_positives.push_back(f);
    }
  }
  std::set<Key> missed;
  for (const ScoredFact& f : gold) {
    const Key key = key_of(f);
    if (!predicted_keys.count(key) && missed.insert(key).second) report.misses.push_back(f);
  }
  for (const auto& [relation, s] : report.by_relation) {
    report.overall.gold += s.gold;
    report.overall.predicted += s.predicted;
    report.overall.correct += s.correct;
  }
  return report;
}

std::vector<ScoredFact> load_gold(const std::string& path) {
  std::vector<ScoredFact> facts;
  for_each_json_line(path, [&](const rapidjson::Value& line, const std::string& where) {
    ScoredFact f;
    f.doc = string_at(line, "doc", nullptr, where);
    f.relation = string_at(line, "relation", nullptr, where);
    f.subject = string_at(line, "subject", "name", where);
    f.object = string_at(line, "object", "name", where);
    if (line.HasMember("evidence") && line["evidence"].IsString()) f.evidence = line["evidence"].GetString();
    facts.push_back(std::move(f));
  });
  return facts;
}

}  // namespace relgraph
