#include "extract/entity_resolver.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "extract/names.h"

namespace relgraph {

namespace {

// Whether an entity named `full_name` is the one a reference points to: a
// person by surname, an organisation by the word its name ends with.
bool named_by(EntityType type, const std::string& full_name, const std::string& reference) {
  if (full_name.size() <= reference.size()) return false;
  if (type == EntityType::kOrg) return full_name.ends_with(reference);  // 동맹 for K-AI 인프라 동맹
  const auto space = full_name.rfind(' ');
  if (space != std::string::npos) return full_name.substr(space + 1) == reference;  // 피차이 for 순다르 피차이
  return full_name.starts_with(reference);                                            // 황 for 황현식
}

}  // namespace

std::vector<bool> EntityResolver::resolve(std::vector<EntityMention>& mentions) const {
  const Gazetteer& gazetteer = rules_->gazetteer();
  auto known = [&](const std::string& name, EntityType type) -> const GazetteerEntry* {
    const GazetteerEntry* entry = gazetteer.lookup(name);
    return entry && entry->type == type ? entry : nullptr;
  };

  // The names the document itself writes, so that a known entity is named
  // by a form the article uses ("Cisco" stays "Cisco" in an article that
  // never writes 시스코); the gazetteer's name is then kept as an alias, so
  // the graph still merges the two.
  std::set<std::pair<EntityType, std::string>> written;
  for (const EntityMention& m : mentions) {
    written.insert({m.type, name_key(m.name)});
    for (const std::string& alias : m.aliases) written.insert({m.type, name_key(alias)});
  }

  // Pass 1: known names, and the document's own alias pairs.
  std::vector<bool> settled(mentions.size(), false);
  std::map<std::pair<EntityType, std::string>, std::string> document_aliases;  // (type, key) -> canonical
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    EntityMention& m = mentions[i];
    const GazetteerEntry* entry = known(m.name, m.type);
    for (std::size_t a = 0; !entry && a < m.aliases.size(); ++a) entry = known(m.aliases[a], m.type);
    if (entry) {
      if (written.count({m.type, name_key(entry->name)})) {
        m.name = entry->name;
      } else if (std::find(m.aliases.begin(), m.aliases.end(), entry->name) == m.aliases.end()) {
        m.aliases.push_back(entry->name);
      }
      settled[i] = true;
    }
    if (m.aliases.empty()) continue;
    document_aliases.emplace(std::make_pair(m.type, name_key(m.name)), m.name);
    for (const std::string& alias : m.aliases) document_aliases.emplace(std::make_pair(m.type, name_key(alias)), m.name);
  }

  // Pass 2: other mentions of a name the document paired with another.
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    if (settled[i] || mentions[i].reference) continue;
    EntityMention& m = mentions[i];
    const auto it = document_aliases.find({m.type, name_key(m.name)});
    if (it != document_aliases.end()) m.name = it->second;
  }

  // Pass 3: references, to the nearest entity of their type named before them.
  std::vector<bool> keep(mentions.size(), true);
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    if (!mentions[i].reference) continue;
    keep[i] = false;
    for (std::size_t j = i; j-- > 0;) {
      const EntityMention& earlier = mentions[j];
      if (earlier.type == mentions[i].type && !earlier.reference &&
          named_by(earlier.type, earlier.name, mentions[i].name)) {
        mentions[i].name = earlier.name;
        keep[i] = true;
        break;
      }
    }
  }
  return keep;
}

}  // namespace relgraph
