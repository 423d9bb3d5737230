#include "extract/rules.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "extract/error.h"
#include "extract/json_file.h"
#include "extract/lexicon.h"
#include "extract/parallel_for.h"
#include "extract/placeholder.h"
#include "extract/set_matches.h"
#include "extract/trigger_pattern.h"
#include "extract/utf8.h"

namespace relgraph {

namespace fs = std::filesystem;

namespace {

RE2::Options rule_options() {
  RE2::Options options;
  options.set_log_errors(false);  // errors are reported with file, line and rule id instead
  options.set_max_mem(64 << 20);
  return options;
}

std::vector<fs::path> json_files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& item : fs::directory_iterator(dir)) {
    if (item.path().extension() == ".json") files.push_back(item.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Field access with errors that name the rule.
class RuleObject {
 public:
  RuleObject(const JsonFile& file, const rapidjson::Value& value, std::set<std::string> allowed)
      : file_(file), value_(value) {
    if (!value.IsObject()) throw Error(Error::Kind::kRules, file.where(value), "a rule must be a JSON object");
    id_ = optional_string("id");
    if (id_.empty()) throw error("rule has no \"id\"");
    allowed.insert("id");
    for (const auto& member : value.GetObject()) {
      const std::string key = member.name.GetString();
      if (!allowed.count(key)) throw error("unknown field \"" + key + "\"");
    }
  }

  const std::string& id() const { return id_; }
  std::string where() const { return file_.where(value_); }

  Error error(const std::string& reason) const {
    return Error(Error::Kind::kRules, where(), (id_.empty() ? "" : "rule " + id_ + ": ") + reason);
  }

  const rapidjson::Value* get(const char* key) const {
    const auto it = value_.FindMember(key);
    return it == value_.MemberEnd() ? nullptr : &it->value;
  }

  std::string optional_string(const char* key) const {
    const rapidjson::Value* v = get(key);
    if (!v) return {};
    if (!v->IsString()) throw error(std::string("\"") + key + "\" must be a string");
    return {v->GetString(), v->GetStringLength()};
  }

  std::string pattern() const {
    const rapidjson::Value* v = get("pattern");
    if (!v) throw error("no \"pattern\"");
    return pattern_in(*v, "\"pattern\"");
  }

  // A pattern is a string or an array of strings joined together (for long
  // patterns); `what` names the field in errors.
  std::string pattern_in(const rapidjson::Value& v, const std::string& what) const {
    if (v.IsString()) return {v.GetString(), v.GetStringLength()};
    if (v.IsArray()) {
      std::string joined;
      for (const auto& part : v.GetArray()) {
        if (!part.IsString()) throw error(what + " array must hold strings");
        joined.append(part.GetString(), part.GetStringLength());
      }
      return joined;
    }
    throw error(what + " must be a string or an array of strings");
  }

  bool optional_bool(const char* key, bool fallback) const {
    const rapidjson::Value* v = get(key);
    if (!v) return fallback;
    if (!v->IsBool()) throw error(std::string("\"") + key + "\" must be true or false");
    return v->GetBool();
  }

  int optional_int(const char* key, int fallback) const {
    const rapidjson::Value* v = get(key);
    if (!v) return fallback;
    if (!v->IsInt()) throw error(std::string("\"") + key + "\" must be an integer");
    return v->GetInt();
  }

  std::vector<RuleExample> examples() const {
    std::vector<RuleExample> out;
    const rapidjson::Value* v = get("examples");
    if (!v) return out;
    if (!v->IsArray()) throw error("\"examples\" must be an array");
    for (const auto& item : v->GetArray()) {
      if (!item.IsObject() || !item.HasMember("text") || !item["text"].IsString()) {
        throw error("each example needs a \"text\" string");
      }
      RuleExample example;
      example.text = item["text"].GetString();
      for (const auto& [key, list] : {std::pair{"expect", &example.expect}, std::pair{"not", &example.not_expected}}) {
        if (!item.HasMember(key)) continue;
        if (!item[key].IsArray()) throw error(std::string("\"") + key + "\" must be an array of strings");
        for (const auto& e : item[key].GetArray()) {
          if (!e.IsString()) throw error(std::string("\"") + key + "\" must be an array of strings");
          list->emplace_back(e.GetString());
        }
      }
      out.push_back(std::move(example));
    }
    return out;
  }

  std::vector<std::string> counter_examples() const { return string_list("counter_examples"); }

  std::vector<std::string> string_list(const char* key) const {
    std::vector<std::string> out;
    const rapidjson::Value* v = get(key);
    if (!v) return out;
    if (!v->IsArray()) throw error(std::string("\"") + key + "\" must be an array of strings");
    for (const auto& item : v->GetArray()) {
      if (!item.IsString()) throw error(std::string("\"") + key + "\" must be an array of strings");
      out.emplace_back(item.GetString());
    }
    return out;
  }

 private:
  const JsonFile& file_;
  const rapidjson::Value& value_;
  std::string id_;
};

const rapidjson::Value& rules_array(const JsonFile& file) {
  const auto& root = file.root();
  if (!root.IsObject() || !root.HasMember("rules") || !root["rules"].IsArray()) {
    throw Error(Error::Kind::kRules, file.path(), "expected {\"rules\": [ ... ]}");
  }
  return root["rules"];
}

// A set over `patterns` (already loosened, trigger_pattern.h); null with the
// reason in `error` when a pattern cannot join it or it does not compile.
std::unique_ptr<RE2::Set> compile_set(const std::vector<std::string>& patterns, std::string& error) {
  auto set = std::make_unique<RE2::Set>(rule_options(), RE2::UNANCHORED);
  for (const std::string& pattern : patterns) {
    if (set->Add(pattern, &error) < 0) {
      error = "cannot add a pattern to the rule set: " + error;
      return nullptr;
    }
  }
  if (!set->Compile()) {
    error = "the rule set is too large to compile";
    return nullptr;
  }
  return set;
}

// A rule's pattern as the sets hold it: loosened (trigger_pattern.h).
std::string set_pattern(const RE2& regex) { return trigger_pattern(regex.pattern()); }

// The regex of each rule of `rules`, in order.
template <typename Container, typename RegexOf>
std::vector<const RE2*> regexes_of(const Container& rules, RegexOf regex_of) {
  std::vector<const RE2*> regexes;
  for (const auto& rule : rules) regexes.push_back(regex_of(rule));
  return regexes;
}

// The loosened patterns of the sets the rules form, by set name ("entity
// layer 1", "relation", "boilerplate"), each in rule order.
using SetPatterns = std::map<std::string, std::vector<std::string>>;

// The rule patterns and the sets they form, compiled ahead on several
// threads in one queue, dearest first (compiling is most of start-up). The
// patterns are handed out one by one as Rules::load reads the rules in the
// same order; a set is handed out when the rules read form exactly it.
class Precompiled {
 public:
  Precompiled(std::vector<std::string> patterns, SetPatterns sets, unsigned threads)
      : patterns_(std::move(patterns)), regexes_(patterns_.size()) {
    for (auto& [name, members] : sets) sets_.push_back({name, std::move(members), nullptr});
    // Jobs [0, sets) compile a set, the rest a pattern. Pattern length stands
    // in for compile time; longest first keeps a long job from ending last.
    auto cost = [&](std::size_t job) {
      if (job >= sets_.size()) return patterns_[job - sets_.size()].size();
      std::size_t total = 0;
      for (const std::string& pattern : sets_[job].patterns) total += pattern.size();
      return total;
    };
    std::vector<std::size_t> order(sets_.size() + patterns_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost(a) > cost(b); });
    parallel_for(order.size(), threads, [&](std::size_t i) {
      const std::size_t job = order[i];
      if (job < sets_.size()) {
        std::string error;  // reported by make_set if the set is wanted
        sets_[job].set = compile_set(sets_[job].patterns, error);
      } else {
        regexes_[job - sets_.size()] = std::make_unique<RE2>(patterns_[job - sets_.size()], rule_options());
      }
    });
  }

  // The regex of `pattern`: the next one compiled ahead when it is that
  // pattern, else compiled now.
  std::unique_ptr<RE2> take(const std::string& pattern) {
    if (next_ < patterns_.size() && patterns_[next_] == pattern) return std::move(regexes_[next_++]);
    return std::make_unique<RE2>(pattern, rule_options());
  }

  // The regex of a groups pattern's check: one per distinct check, shared
  // by every rule that checks a group against it ({TITLE_PHRASE} serves
  // six), so its DFA is compiled and warmed once. rule_patterns() queues
  // each distinct check once, at its first use, as this takes it.
  std::shared_ptr<const RE2> take_check(const std::string& pattern) {
    std::shared_ptr<const RE2>& shared = checks_[pattern];
    if (!shared) shared = take(pattern);
    return shared;
  }

  // The set compiled ahead as `name` when it holds exactly `patterns`, else null.
  std::unique_ptr<RE2::Set> take_set(const std::string& name, const std::vector<std::string>& patterns) {
    for (PlannedSet& planned : sets_) {
      if (planned.name == name && planned.patterns == patterns) return std::move(planned.set);
    }
    return nullptr;
  }

 private:
  struct PlannedSet {
    std::string name;
    std::vector<std::string> patterns;
    std::unique_ptr<RE2::Set> set;
  };
  std::vector<std::string> patterns_;
  std::vector<std::unique_ptr<RE2>> regexes_;
  std::size_t next_ = 0;
  std::vector<PlannedSet> sets_;
  std::map<std::string, std::shared_ptr<const RE2>> checks_;
};

std::unique_ptr<RE2> compile(const RuleObject& rule, const std::string& pattern, Precompiled& precompiled) {
  auto regex = precompiled.take(pattern);
  if (!regex->ok()) throw rule.error("pattern does not compile: " + regex->error());
  return regex;
}

// A set over the patterns; throws Error(kRules) naming `what` when it cannot be built.
std::unique_ptr<RE2::Set> make_set(const std::vector<std::string>& patterns, const std::string& what) {
  std::string error;
  auto set = compile_set(patterns, error);
  if (!set) throw Error(Error::Kind::kRules, what, error);
  return set;
}

// Calls each(group, pattern) for the rule's "groups" pattern, with group
// "", and then for each of its checks, with the checked group's name:
// patterns expanded, in file order. Does nothing for a rule without "groups".
template <typename Each>
void for_each_groups_pattern(const RuleObject& object, const Macros& macros, Each each) {
  const rapidjson::Value* v = object.get("groups");
  if (!v) return;
  const char* shape = "\"groups\" must be {\"pattern\": ..., \"check\": {\"GROUP\": pattern}}";
  if (!v->IsObject() || !v->HasMember("pattern")) throw object.error(shape);
  for (const auto& member : v->GetObject()) {
    const std::string key = member.name.GetString();
    if (key != "pattern" && key != "check") throw object.error("unknown field \"" + key + "\" in \"groups\"");
  }
  auto expand = [&](const rapidjson::Value& pattern, const std::string& what) {
    return macros.expand(object.pattern_in(pattern, what), object.where());
  };
  each("", expand((*v)["pattern"], "\"groups\" \"pattern\""));
  if (!v->HasMember("check")) return;
  const rapidjson::Value& check = (*v)["check"];
  if (!check.IsObject()) throw object.error(shape);
  for (const auto& member : check.GetObject()) {
    const std::string group = member.name.GetString();
    each(group, expand(member.value, "the check of " + group));
  }
}

// The rule's "groups": {"pattern": ..., "check": {"GROUP": pattern, ...}}
// (groups_pattern.h), or null when it has none or they are ignored.
std::unique_ptr<GroupsPattern> read_groups_pattern(const RuleObject& object, const RE2& rule, const Macros& macros,
                                                   Precompiled& precompiled, GroupsPatterns use) {
  std::unique_ptr<RE2> regex;
  std::vector<GroupsPattern::Check> checks;
  for_each_groups_pattern(object, macros, [&](const std::string& group, const std::string& pattern) {
    if (group.empty()) {
      regex = precompiled.take(pattern);
    } else {
      checks.push_back({group, precompiled.take_check(pattern)});
    }
  });
  if (!regex) return nullptr;
  try {
    auto groups = std::make_unique<GroupsPattern>(rule, std::move(regex), std::move(checks));
    return use == GroupsPatterns::kUse ? std::move(groups) : nullptr;
  } catch (const std::invalid_argument& e) {
    throw object.error(std::string("\"groups\": ") + e.what());
  }
}

int named_group(const RE2& regex, const RuleObject& rule, const std::string& name) {
  const auto& groups = regex.NamedCapturingGroups();
  const auto it = groups.find(name);
  if (it == groups.end()) throw rule.error("the pattern has no group named \"" + name + "\"");
  return it->second;
}

std::vector<std::string> macro_words(const rapidjson::Value& source, const fs::path& root, const std::string& where) {
  std::vector<std::string> words;
  if (source.IsString()) {
    for (const auto& entry : load_lexicon((root / source.GetString()).string())) words.push_back(entry.word);
  } else if (source.IsArray()) {
    for (const auto& w : source.GetArray()) {
      if (!w.IsString()) throw Error(Error::Kind::kRules, where, "\"words\" must hold strings");
      words.emplace_back(w.GetString());
    }
  } else {
    throw Error(Error::Kind::kRules, where, "\"words\" must be a file name or an array of strings");
  }
  if (words.empty()) throw Error(Error::Kind::kRules, where, "the word list is empty");
  return words;
}

// JOSA (every particle) is predefined; macros.json may add and override.
Macros read_macros(const fs::path& root, const Particles& particles, const std::string& particles_path) {
  std::map<std::string, Macros::Definition> definitions;
  std::vector<std::string> particle_words;
  for (const auto& p : particles.list()) particle_words.push_back(p.text);
  definitions["JOSA"] = {alternation(particle_words), particles_path};
  if (!fs::exists(root / "macros.json")) return Macros(std::move(definitions));

  const JsonFile file = JsonFile::load((root / "macros.json").string());
  const auto& json = file.root();
  if (!json.IsObject() || !json.HasMember("macros") || !json["macros"].IsObject()) {
    throw Error(Error::Kind::kRules, file.path(), "expected {\"macros\": { ... }}");
  }
  const auto& macros = json["macros"];
  for (const auto& member : macros.GetObject()) {
    const std::string name = member.name.GetString();
    const std::string where = file.where(macros) + " (macro " + name + ")";
    const auto& value = member.value;
    if (value.IsString()) {
      definitions[name] = {value.GetString(), where};
    } else if (value.IsObject() && value.HasMember("words")) {
      definitions[name] = {alternation(macro_words(value["words"], root, where)), where};
    } else {
      throw Error(Error::Kind::kRules, where, "a macro is a pattern string or {\"words\": ...}");
    }
  }
  return Macros(std::move(definitions));
}

EntityRule read_entity_rule(const RuleObject& object, const Macros& macros, Precompiled& precompiled,
                            GroupsPatterns groups_patterns) {
  EntityRule rule;
  rule.id = object.id();
  rule.where = object.where();
  rule.note = object.optional_string("note");
  rule.layer = object.optional_int("layer", 1);
  if (rule.layer < 1) throw object.error("\"layer\" must be 1 or more (the gazetteer is layer 0)");
  rule.strip_particle = object.optional_bool("strip_particle", false);
  rule.absorb = object.optional_bool("absorb", false);
  rule.regex = compile(object, macros.expand(object.pattern(), object.where()), precompiled);
  rule.groups_pattern = read_groups_pattern(object, *rule.regex, macros, precompiled, groups_patterns);
  rule.starts_at_placeholder = pattern_begins_with(rule.regex->pattern(), kPlaceholderOpen);
  for (const auto& [group_name, index] : rule.regex->NamedCapturingGroups()) {
    if (group_name == "PERSON_REF" || group_name == "ORG_REF") {
      rule.groups.push_back({index, group_name == "ORG_REF" ? EntityType::kOrg : EntityType::kPerson, true});
      continue;
    }
    const std::string type_name = group_name.substr(0, group_name.find('_'));
    if (const auto type = parse_entity_type(type_name)) {
      rule.groups.push_back({index, *type});
    } else if (group_name[0] >= 'A' && group_name[0] <= 'Z') {
      // Capitalised groups name entity types; lower-case ones are the rule's own helpers.
      throw object.error("group " + group_name + ": " + type_name +
                         " is not an entity type of RELATIONS.md (ORG, PERSON, PRODUCT)");
    }
  }
  if (rule.groups.empty()) throw object.error("the pattern needs a group named ORG, PERSON, PRODUCT, PERSON_REF or ORG_REF");
  rule.examples = object.examples();
  rule.counter_examples = object.counter_examples();
  return rule;
}

RelationRule::Emit read_emit(const RuleObject& object, const RE2& regex, const rapidjson::Value& e) {
  if (!e.IsObject() || !e.HasMember("relation") || !e["relation"].IsString()) {
    throw object.error("each \"emit\" entry needs a \"relation\"");
  }
  for (const auto& member : e.GetObject()) {
    const std::string key = member.name.GetString();
    if (key != "relation" && key != "subject" && key != "object" && key != "parties" && key != "role") {
      throw object.error("unknown field \"" + key + "\" in \"emit\"");
    }
  }
  const std::string relation_name = e["relation"].GetString();
  const auto relation = parse_relation(relation_name);
  if (!relation) throw object.error("unknown relation \"" + relation_name + "\" (see RELATIONS.md)");
  const bool role_after_person = e.HasMember("role") && e["role"].IsString() && std::string(e["role"].GetString()) == "@title";
  auto group_of = [&](const char* key) {
    if (!e.HasMember(key)) return 0;
    if (role_after_person && std::string(key) == "role") return 0;
    if (!e[key].IsString()) throw object.error(std::string("\"") + key + "\" must name a group");
    return named_group(regex, object, e[key].GetString());
  };
  RelationRule::Emit emit{*relation};
  emit.subject = group_of("subject");
  emit.object = group_of("object");
  emit.parties = group_of("parties");
  emit.role = group_of("role");
  emit.role_after_person = role_after_person;
  if (emit.parties) {
    if (!is_symmetric(*relation)) throw object.error("\"parties\" is only for symmetric relations");
  } else if (!emit.subject || !emit.object) {
    throw object.error("\"emit\" needs \"subject\" and \"object\" (or \"parties\")");
  }
  return emit;
}

RelationRule read_relation_rule(const RuleObject& object, const Macros& macros, Precompiled& precompiled,
                                GroupsPatterns groups_patterns) {
  RelationRule rule;
  rule.id = object.id();
  rule.where = object.where();
  rule.note = object.optional_string("note");
  rule.regex = compile(object, macros.expand(object.pattern(), object.where()), precompiled);
  const rapidjson::Value* emits = object.get("emit");
  if (!emits || !emits->IsArray() || emits->Empty()) {
    throw object.error("\"emit\" must list the relations, e.g. [{\"relation\": \"hires\", \"subject\": "
                       "\"org\", \"object\": \"person\"}]");
  }
  for (const auto& e : emits->GetArray()) rule.emits.push_back(read_emit(object, *rule.regex, e));
  rule.groups_pattern = read_groups_pattern(object, *rule.regex, macros, precompiled, groups_patterns);
  rule.starts_at_placeholder = pattern_begins_with(rule.regex->pattern(), kPlaceholderOpen);
  if (const std::string unless = object.optional_string("unless"); !unless.empty()) {
    rule.unless = compile(object, macros.expand(unless, object.where()), precompiled);
  }
  rule.examples = object.examples();
  rule.counter_examples = object.counter_examples();
  return rule;
}

BoilerplateRule read_boilerplate_rule(const RuleObject& object, const Macros& macros, Precompiled& precompiled) {
  BoilerplateRule rule;
  rule.id = object.id();
  rule.where = object.where();
  rule.note = object.optional_string("note");
  rule.regex = compile(object, macros.expand(object.pattern(), object.where()), precompiled);
  rule.examples = object.string_list("examples");
  rule.counter_examples = object.counter_examples();
  return rule;
}

// The macro `name` compiled on its own, or null when macros.json does not define it.
std::unique_ptr<RE2> compile_macro(const Macros& macros, const std::string& name, const char* required_group) {
  if (!macros.has(name)) return nullptr;
  const std::string where = "macros.json (macro " + name + ")";
  auto regex = std::make_unique<RE2>(macros.expand("{" + name + "}", where), rule_options());
  if (!regex->ok()) throw Error(Error::Kind::kRules, where, "pattern does not compile: " + regex->error());
  if (required_group && !regex->NamedCapturingGroups().count(required_group)) {
    throw Error(Error::Kind::kRules, where, std::string("needs a group named ") + required_group);
  }
  return regex;
}

enum class RuleKind { kEntity, kRelation, kBoilerplate };

// Calls read(kind, object) for every rule object: entities/*.json,
// relations/*.json, then boilerplate.json, each in file order.
template <typename Read>
void for_each_rule(const fs::path& root, Read read) {
  std::set<std::string> ids;
  auto rules_in = [&](const fs::path& path, RuleKind kind, const std::set<std::string>& fields) {
    const JsonFile file = JsonFile::load(path.string());
    for (const auto& value : rules_array(file).GetArray()) {
      const RuleObject object(file, value, fields);
      if (!ids.insert(object.id()).second) throw object.error("another rule has the same id");
      read(kind, object);
    }
  };
  for (const fs::path& path : json_files_in(root / "entities")) {
    rules_in(path, RuleKind::kEntity,
             {"pattern", "groups", "layer", "strip_particle", "absorb", "note", "examples", "counter_examples"});
  }
  for (const fs::path& path : json_files_in(root / "relations")) {
    rules_in(path, RuleKind::kRelation,
             {"pattern", "groups", "emit", "unless", "note", "examples", "counter_examples"});
  }
  if (fs::exists(root / "boilerplate.json")) {
    rules_in(root / "boilerplate.json", RuleKind::kBoilerplate, {"pattern", "note", "examples", "counter_examples"});
  }
}

// The name of the set an entity rule of `layer` joins (see Rules::load).
std::string entity_set_name(int layer) { return "entity layer " + std::to_string(layer); }

// Every pattern reading the rules will compile, in that order, and the sets
// they will form. Stops at the first mistake, which the reading then reports
// where it is.
std::pair<std::vector<std::string>, SetPatterns> rule_patterns(const fs::path& root, const Macros& macros) {
  std::vector<std::string> patterns;
  SetPatterns sets;
  std::set<std::string> checks;
  try {
    for_each_rule(root, [&](RuleKind kind, const RuleObject& object) {
      patterns.push_back(macros.expand(object.pattern(), object.where()));
      const std::string set = kind == RuleKind::kEntity     ? entity_set_name(object.optional_int("layer", 1))
                              : kind == RuleKind::kRelation ? "relation"
                                                            : "boilerplate";
      sets[set].push_back(trigger_pattern(patterns.back()));
      if (kind == RuleKind::kBoilerplate) return;
      for_each_groups_pattern(object, macros, [&](const std::string& group, const std::string& pattern) {
        // A check is compiled once however many rules share it (Precompiled::take_check).
        if (group.empty() || checks.insert(pattern).second) patterns.push_back(pattern);
      });
      if (kind != RuleKind::kRelation) return;
      if (const std::string unless = object.optional_string("unless"); !unless.empty()) {
        patterns.push_back(macros.expand(unless, object.where()));
      }
    });
  } catch (const Error&) {
  }
  return {std::move(patterns), std::move(sets)};
}

}  // namespace

std::shared_ptr<const Rules> Rules::load(const std::string& dir, unsigned threads, GroupsPatterns groups_patterns) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error(Error::Kind::kRules, dir, "rules directory not found");
  std::shared_ptr<Rules> rules(new Rules());
  rules->dir_ = dir;
  const fs::path root(dir);

  const std::string particles_path = (root / "lexicon" / "particles.txt").string();
  rules->particles_ = Particles(load_lexicon(particles_path), particles_path);
  // Titles are never names either ("박사와" must not become a person).
  for (const char* list : {"stopwords.txt", "titles.txt"}) {
    if (!fs::exists(root / "lexicon" / list)) continue;
    for (const auto& entry : load_lexicon((root / "lexicon" / list).string())) rules->stopwords_.insert(entry.word);
  }
  for (const auto& [list, words] : {std::pair{"generic_heads.txt", &rules->generic_heads_},
                                     std::pair{"anaphoric_subjects.txt", &rules->anaphoric_subjects_},
                                     std::pair{"surnames.txt", &rules->surnames_},
                                     std::pair{"given_name_endings.txt", &rules->given_name_endings_}}) {
    if (!fs::exists(root / "lexicon" / list)) continue;
    for (const auto& entry : load_lexicon((root / "lexicon" / list).string())) words->insert(entry.word);
  }
  rules->macros_ = read_macros(root, rules->particles_, particles_path);
  rules->alias_regex_ = compile_macro(rules->macros_, "PAREN_ALIAS", "ALIAS");
  rules->has_subject_regex_ = compile_macro(rules->macros_, "HAS_SUBJECT", nullptr);
  rules->subject_regex_ = compile_macro(rules->macros_, "SUBJECT", "subject");
  rules->title_after_person_regex_ = compile_macro(rules->macros_, "TITLE_AFTER_PERSON", "TITLE");
  if (rules->alias_regex_) rules->alias_start_.emplace(*rules->alias_regex_);
  if (rules->title_after_person_regex_) rules->title_start_.emplace(*rules->title_after_person_regex_);

  rules->gazetteer_ = Gazetteer::load((root / "gazetteer").string(), rules->particles_);
  for (const auto& entry : rules->gazetteer_.entries()) {
    rules->known_names_.insert(entry->name);
    for (const auto& alias : entry->aliases) rules->known_names_.insert(alias);
  }

  auto [patterns, sets] = rule_patterns(root, rules->macros_);
  Precompiled precompiled(std::move(patterns), std::move(sets), threads);
  for_each_rule(root, [&](RuleKind kind, const RuleObject& object) {
    switch (kind) {
      case RuleKind::kEntity:
        rules->entity_rules_.push_back(read_entity_rule(object, rules->macros_, precompiled, groups_patterns));
        break;
      case RuleKind::kRelation:
        rules->relation_rules_.push_back(read_relation_rule(object, rules->macros_, precompiled, groups_patterns));
        break;
      case RuleKind::kBoilerplate:
        rules->boilerplate_rules_.push_back(read_boilerplate_rule(object, rules->macros_, precompiled));
        break;
    }
  });

  // One set per entity layer, one for all relation rules, one for boilerplate:
  // compiled ahead with the patterns, or here when reading changed what they hold.
  auto build_set = [&](const std::string& name, const std::string& what, const std::vector<const RE2*>& regexes) {
    std::vector<std::string> patterns;
    for (const RE2* regex : regexes) patterns.push_back(set_pattern(*regex));
    auto set = precompiled.take_set(name, patterns);
    return set ? std::move(set) : make_set(patterns, dir + " (" + what + ")");
  };
  std::map<int, EntityLayer> layers;
  for (const EntityRule& rule : rules->entity_rules_) {
    layers[rule.layer].layer = rule.layer;
    layers[rule.layer].rules.push_back(&rule);
  }
  for (auto& [number, layer] : layers) {
    const std::vector<const RE2*> regexes = regexes_of(layer.rules, [](const EntityRule* r) { return r->regex.get(); });
    layer.set = build_set(entity_set_name(number), "entity rules, layer " + std::to_string(number), regexes);
    rules->layers_.push_back(std::move(layer));
  }
  if (!rules->relation_rules_.empty()) {
    rules->relation_set_ = build_set(
        "relation", "relation rules",
        regexes_of(rules->relation_rules_, [](const RelationRule& r) { return r.regex.get(); }));
  }
  if (!rules->boilerplate_rules_.empty()) {
    rules->boilerplate_set_ = build_set(
        "boilerplate", "boilerplate",
        regexes_of(rules->boilerplate_rules_, [](const BoilerplateRule& r) { return r.regex.get(); }));
  }
  return rules;
}

bool Rules::is_name_with_particle_ending(std::string_view word) const {
  // The last two syllables are the given name; what is before them, one or two syllables, the surname.
  std::size_t last = word.size();
  if (last == 0 || !utf8::is_hangul_syllable(utf8::previous(word, last))) return false;
  std::size_t given = last;
  if (given == 0 || !utf8::is_hangul_syllable(utf8::previous(word, given))) return false;
  const std::string_view surname = word.substr(0, given);
  const std::size_t surname_syllables = utf8::count_code_points(surname);
  return (surname_syllables == 1 || surname_syllables == 2) && surnames_.count(surname) > 0 &&
         given_name_endings_.count(word.substr(last)) > 0;
}

std::vector<std::string> Rules::set_patterns() const {
  std::vector<std::string> patterns;
  for (const EntityRule& rule : entity_rules_) patterns.push_back(set_pattern(*rule.regex));
  for (const RelationRule& rule : relation_rules_) patterns.push_back(set_pattern(*rule.regex));
  for (const BoilerplateRule& rule : boilerplate_rules_) patterns.push_back(set_pattern(*rule.regex));
  return patterns;
}

std::vector<int> Rules::candidate_entity_rules(const EntityLayer& layer, std::string_view text) const {
  return set_matches(
      *layer.set, layer.rules.size(), [&](std::size_t i) -> const RE2& { return *layer.rules[i]->regex; }, text);
}

std::vector<int> Rules::candidate_relation_rules(std::string_view text) const {
  if (!relation_set_) return {};
  return set_matches(
      *relation_set_, relation_rules_.size(), [&](std::size_t i) -> const RE2& { return *relation_rules_[i].regex; },
      text);
}

const BoilerplateRule* Rules::boilerplate(std::string_view line) const {
  if (!boilerplate_set_) return nullptr;
  const auto hits = set_matches(
      *boilerplate_set_, boilerplate_rules_.size(),
      [&](std::size_t i) -> const RE2& { return *boilerplate_rules_[i].regex; }, line);
  const re2::StringPiece text(line.data(), line.size());
  for (const int hit : hits) {  // the set's patterns are loosened: the rule decides
    const BoilerplateRule& rule = boilerplate_rules_[static_cast<std::size_t>(hit)];
    if (RE2::PartialMatch(text, *rule.regex)) return &rule;
  }
  return nullptr;
}

}  // namespace relgraph
