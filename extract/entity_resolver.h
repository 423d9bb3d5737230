// EntityResolver: gives every entity mention of one document its canonical
// name, so that all mentions of one entity carry the same name.
//
//   * a known name or alias (gazetteer) -> its canonical name:   MS -> 마이크로소프트,
//     when the document writes that name somewhere; otherwise the name
//     stays as written and the canonical name becomes an alias
//     (an article that only writes "Cisco" says "Cisco")
//   * a name the document gives in parentheses after another     엔트로픽(Anthropic) ... Anthropic
//     -> the name it follows:                                    -> 엔트로픽
//   * a surname reference ("황" in "황 대표는") -> the nearest person named
//     before it whose name starts with that surname (Korean) or ends with
//     it (a foreign name's family name): 황현식
//   * an organisation reference ("동맹" in "동맹에는") -> the nearest
//     organisation named before it whose name ends with that word
//   * anything else keeps the name as written
// Names are compared by name_key (case and spaces ignored).
#pragma once

#include <memory>
#include <vector>

#include "extract/mentions.h"
#include "extract/rules.h"

namespace relgraph {

class EntityResolver {
 public:
  explicit EntityResolver(std::shared_ptr<const Rules> rules) : rules_(std::move(rules)) {}

  // Returns, for each mention, whether it stays: a surname reference with no
  // person named before it is dropped.
  std::vector<bool> resolve(std::vector<EntityMention>& mentions) const;

 private:
  std::shared_ptr<const Rules> rules_;
};

}  // namespace relgraph
