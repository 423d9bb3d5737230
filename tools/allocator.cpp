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
         std::to_string(version % 10);
#else
  return "system malloc";
#endif
}

}  // namespace relgraph
