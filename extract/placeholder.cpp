#include "extract/placeholder.h"

namespace relgraph {

std::string placeholder(EntityType type, std::size_t index) {
  std::string out(kPlaceholderOpen);
  out += name(type);
  out += '#';
  out += std::to_string(index);
  out += kPlaceholderClose;
  return out;
}

std::string placeholder_pattern(EntityType type) {
  return std::string(kPlaceholderOpen) + std::string(name(type)) + "#[0-9]+" + std::string(kPlaceholderClose);
}

std::string any_placeholder_pattern() {
  return std::string(kPlaceholderOpen) + "(?:ORG|PERSON|PRODUCT)#[0-9]+" + std::string(kPlaceholderClose);
}

std::vector<PlaceholderRef> find_placeholders(std::string_view text) {
  std::vector<PlaceholderRef> refs;
  std::size_t pos = 0;
  while ((pos = text.find(kPlaceholderOpen, pos)) != std::string_view::npos) {
    const std::size_t close = text.find(kPlaceholderClose, pos);
    if (close == std::string_view::npos) break;
    const std::string_view body = text.substr(pos + kPlaceholderOpen.size(), close - pos - kPlaceholderOpen.size());
    const std::size_t hash = body.find('#');
    const auto type = hash == std::string_view::npos ? std::nullopt : parse_entity_type(body.substr(0, hash));
    const std::size_t end = close + kPlaceholderClose.size();
    if (type) {
      std::size_t index = 0;
      bool digits = hash + 1 < body.size();
      for (const char c : body.substr(hash + 1)) {
        if (c < '0' || c > '9') {
          digits = false;
          break;
        }
        index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      if (digits) refs.push_back({*type, index, pos, end});
    }
    pos = end;
  }
  return refs;
}

}  // namespace relgraph
