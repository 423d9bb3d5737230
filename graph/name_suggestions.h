// Close names, for the answer to a name that is not in the graph: "no entity
// named 엘리스그릅; close names: 엘리스그룹, ...".
//
// Names are compared as Hangul jamo (ICU's NFD splits 릅 into ㄹ ㅡ ㅂ, so a
// slip of one letter costs one, not a whole syllable), ignoring case and
// spaces. A name that contains the one asked for comes first (엘리스 ->
// 엘리스그룹), the closest in length first; then names within an edit
// distance of about a third of the name's length, closest first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relgraph {

struct CloseName {
  std::string name;    // the label or alias that came close
  std::uint32_t node;  // whose it is
};

// At most `limit` names, one per node.
std::vector<CloseName> close_names(std::string_view wanted,
                                   const std::vector<std::pair<std::string_view, std::uint32_t>>& names,
                                   std::size_t limit = 5);

}  // namespace relgraph
