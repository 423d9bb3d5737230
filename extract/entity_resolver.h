// EntityResolver: gives every entity mention of one document its canonical
// name, so that all mentions of one entity carry the same name.
//
//   * a known name or alias (gazetteer) -> its canonical name:   MS -> 마이크로소프트
//   * a name the document gives in parentheses after another     엔트로픽(Anthropic) ... Anthropic
//     -> the name it follows:                                    -> 엔트로픽
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

  void resolve(std::vector<EntityMention>& mentions) const;

 private:
  std::shared_ptr<const Rules> rules_;
};

}  // namespace relgraph
