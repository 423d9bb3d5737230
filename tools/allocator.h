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

// "mimalloc 2.0.9", "mimalloc 2.0.9, large OS pages" (when the option is on
// and the kernel was asked for 2 MiB pages where a fresh block lies, both on
// the calling thread and on a new one), "system malloc", or
// "system malloc (mimalloc linked but not in use)".
std::string allocator_in_use();

// With mimalloc: asks it to back the memory it maps from now on with 2 MiB
// pages (Linux's transparent huge pages, by madvise), unless the user's
// MIMALLOC_LARGE_OS_PAGES says otherwise; asks the kernel the same for the
// memory mimalloc mapped before main(); and has mimalloc commit each new
// thread's first segment as it maps it, which its default leaves uncommitted
// and so on small pages (MIMALLOC_EAGER_COMMIT_DELAY overrides). Call it
// first thing in main().
// Why: extraction walks RE2's DFAs, tens of megabytes of states, one
// dependent load per byte of text; with 4 KiB pages many of those loads
// also miss the TLB. Without mimalloc it does nothing. Pages touched before
// the call keep small pages.
void prefer_large_pages();

}  // namespace relgraph
