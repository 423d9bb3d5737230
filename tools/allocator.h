// allocator_in_use: which malloc the relgraph command runs on, as
// `relgraph --version` reports it.
//
// Built with RELGRAPH_WITH_MIMALLOC, relgraph links mimalloc, whose malloc
// and free replace glibc's only if the dynamic linker finds them first; this
// asks mimalloc whether a block from malloc() is its own, so the report is
// what happens, not what was intended.
#pragma once

#include <string>

namespace relgraph {

// "mimalloc 2.0.9", "system malloc", or "system malloc (mimalloc linked but not in use)".
std::string allocator_in_use();

}  // namespace relgraph
