// Name keys: two names that differ only in letter case or spaces are the
// same name ("Open AI", "OpenAI", "openai"), as the scorer compares them.
#pragma once

#include <string>
#include <string_view>

namespace relgraph {

// ASCII lower case, spaces removed.
std::string name_key(std::string_view name);

}  // namespace relgraph
