// Placeholders: how relation rules see entity mentions.
//
// Before relation rules run, each entity mention in a sentence is replaced by
// ⟦TYPE#N⟧ (N = the mention's index in the sentence) and its particle stays
// behind it: "엘리스그룹은 남건우를 영입했다" becomes "⟦ORG#0⟧은 ⟦PERSON#1⟧를 영입했다".
// Rules write {ORG}, {PERSON:object} ... and never the brackets themselves.
// The brackets U+27E6/U+27E7 do not occur in news text; the encoder replaces
// any that do.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/schema.h"

namespace relgraph {

inline constexpr std::string_view kPlaceholderOpen = "⟦";
inline constexpr std::string_view kPlaceholderClose = "⟧";

std::string placeholder(EntityType type, std::size_t index);

// A regular expression matching one placeholder of `type`.
std::string placeholder_pattern(EntityType type);
// A regular expression matching a placeholder of any type.
std::string any_placeholder_pattern();

struct PlaceholderRef {
  EntityType type;
  std::size_t index;
  std::size_t begin;  // byte offsets of the placeholder in the scanned text
  std::size_t end;
};

// Every placeholder in text, left to right.
std::vector<PlaceholderRef> find_placeholders(std::string_view text);

// Whether text holds either bracket. One search: both are E2 9F then A6 or
// A7 in UTF-8 (it runs on every sentence, once per layer).
inline bool contains_placeholder(std::string_view text) {
  static_assert(kPlaceholderOpen.substr(0, 2) == kPlaceholderClose.substr(0, 2));
  constexpr std::string_view kCommon = kPlaceholderOpen.substr(0, 2);
  for (std::size_t at = text.find(kCommon); at != std::string_view::npos; at = text.find(kCommon, at + 1)) {
    if (at + 2 < text.size() && (text[at + 2] == kPlaceholderOpen[2] || text[at + 2] == kPlaceholderClose[2])) {
      return true;
    }
  }
  return false;
}

}  // namespace relgraph
