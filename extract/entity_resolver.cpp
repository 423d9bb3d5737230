#include "extract/entity_resolver.h"

#include <map>
#include <utility>

#include "extract/names.h"

namespace relgraph {

void EntityResolver::resolve(std::vector<EntityMention>& mentions) const {
  const Gazetteer& gazetteer = rules_->gazetteer();
  auto known = [&](const std::string& name, EntityType type) -> const GazetteerEntry* {
    const GazetteerEntry* entry = gazetteer.lookup(name);
    return entry && entry->type == type ? entry : nullptr;
  };

  // Pass 1: known names, and the document's own alias pairs.
  std::vector<bool> settled(mentions.size(), false);
  std::map<std::pair<EntityType, std::string>, std::string> document_aliases;  // (type, key) -> canonical
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    EntityMention& m = mentions[i];
    const GazetteerEntry* entry = known(m.name, m.type);
    for (std::size_t a = 0; !entry && a < m.aliases.size(); ++a) entry = known(m.aliases[a], m.type);
    if (entry) {
      m.name = entry->name;
      settled[i] = true;
    }
    if (m.aliases.empty()) continue;
    document_aliases.emplace(std::make_pair(m.type, name_key(m.name)), m.name);
    for (const std::string& alias : m.aliases) document_aliases.emplace(std::make_pair(m.type, name_key(alias)), m.name);
  }

  // Pass 2: other mentions of a name the document paired with another.
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    if (settled[i]) continue;
    EntityMention& m = mentions[i];
    const auto it = document_aliases.find({m.type, name_key(m.name)});
    if (it != document_aliases.end()) m.name = it->second;
  }
}

}  // namespace relgraph
