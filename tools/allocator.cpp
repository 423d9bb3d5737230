#include "tools/allocator.h"

#include <cstdlib>

#ifdef RELGRAPH_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace relgraph {

std::string allocator_in_use() {
#ifdef RELGRAPH_WITH_MIMALLOC
  void* probe = std::calloc(1, 64);  // calloc: GCC reads mi_is_in_heap_region as reading the block
  const bool from_mimalloc = mi_is_in_heap_region(probe);
  std::free(probe);
  if (!from_mimalloc) return "system malloc (mimalloc linked but not in use)";
  const int version = mi_version();  // 209 for 2.0.9
  return "mimalloc " + std::to_string(version / 100) + "." + std::to_string(version / 10 % 10) + "." +
         std::to_string(version % 10) + (mi_option_is_enabled(mi_option_large_os_pages) ? ", large OS pages" : "");
#else
  return "system malloc";
#endif
}

void prefer_large_pages() {
#ifdef RELGRAPH_WITH_MIMALLOC
  // A default, not a setting: mimalloc reads MIMALLOC_LARGE_OS_PAGES when
  // it first looks at the option, and the environment then wins.
  mi_option_set_enabled_default(mi_option_large_os_pages, true);
#endif
}

}  // namespace relgraph
