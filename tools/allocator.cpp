#include "tools/allocator.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#ifdef RELGRAPH_WITH_MIMALLOC
#include <mimalloc.h>
#include <sys/mman.h>
#endif

namespace relgraph {

namespace {

#ifdef RELGRAPH_WITH_MIMALLOC
// The mapping of this process's memory that holds an address.
struct Mapping {
  std::uintptr_t begin = 0;
  std::uintptr_t end = 0;
  bool advised_huge = false;  // VmFlags "hg": madvise(MADV_HUGEPAGE) was asked for it
};

// Read from /proc/self/smaps when the flags are wanted, else from
// /proc/self/maps, which lists the same mappings without the page counts
// the kernel walks every mapping to compute (a fifth of the time to read).
// Null when /proc is not there or lists no mapping holding `address`.
std::optional<Mapping> mapping_of(const void* address, bool with_flags) {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream listing(with_flags ? "/proc/self/smaps" : "/proc/self/maps");
  std::optional<Mapping> found;
  std::string line;
  while (std::getline(listing, line)) {
    if (line.starts_with("VmFlags:")) {
      if (found) {
        std::istringstream flags(line.substr(8));
        for (std::string flag; flags >> flag;) found->advised_huge |= flag == "hg";
        return found;
      }
      continue;
    }
    if (found) continue;  // smaps: the found mapping's counts, until its VmFlags
    // A mapping's first line: "begin-end perms offset dev inode [path]", in hex.
    std::istringstream fields(line);
    Mapping m;
    char dash = 0;
    if (fields >> std::hex >> m.begin >> dash >> m.end && dash == '-' && m.begin <= at && at < m.end) {
      found = m;
      if (!with_flags) return found;
    }
  }
  return found;
}

// Where a fresh small block from malloc() lies.
struct HeapProbe {
  bool from_mimalloc = false;
  std::optional<Mapping> mapping;
};

HeapProbe probe_heap(bool with_flags) {
  void* block = std::calloc(1, 64);  // calloc: GCC reads mi_is_in_heap_region as reading the block
  HeapProbe probe{mi_is_in_heap_region(block), mapping_of(block, with_flags)};
  std::free(block);
  return probe;
}
#endif

}  // namespace

std::string allocator_in_use() {
#ifdef RELGRAPH_WITH_MIMALLOC
  const HeapProbe probe = probe_heap(true);
  if (!probe.from_mimalloc) return "system malloc (mimalloc linked but not in use)";
  HeapProbe on_new_thread;  // as a worker's first blocks: mimalloc maps every thread its own first segment
  std::thread([&on_new_thread] { on_new_thread = probe_heap(true); }).join();
  const int version = mi_version();  // 209 for 2.0.9
  auto advised = [](const HeapProbe& p) { return p.from_mimalloc && p.mapping && p.mapping->advised_huge; };
  const bool large = mi_option_is_enabled(mi_option_large_os_pages) && advised(probe) && advised(on_new_thread);
  return "mimalloc " + std::to_string(version / 100) + "." + std::to_string(version / 10 % 10) + "." +
         std::to_string(version % 10) + (large ? ", large OS pages" : "");
#else
  return "system malloc";
#endif
}

void prefer_large_pages() {
#ifdef RELGRAPH_WITH_MIMALLOC
  // A default, not a setting: mimalloc reads MIMALLOC_LARGE_OS_PAGES when
  // it first looks at the option, and the environment then wins.
  mi_option_set_enabled_default(mi_option_large_os_pages, true);
  if (!mi_option_is_enabled(mi_option_large_os_pages)) return;
  // mimalloc maps each thread's first segment uncommitted (option
  // eager_commit_delay, 1 by default) and asks for large pages only for
  // memory it commits as it maps it: every worker thread's first 32 MiB,
  // most of what a worker allocates, came on 4 KiB pages. With no delay,
  // two threads on 20 MB made 880 page faults instead of 15,200 and ran
  // 8 % faster (BENCHMARKS.md). Also a default the environment overrides.
  mi_option_set_default(mi_option_eager_commit_delay, 0);
  // The option covers what mimalloc maps from now on. What it mapped before
  // main() (with the option unread: small pages) is where it keeps carving
  // memory from, for the main thread and for the threads started later, so
  // the kernel is asked for 2 MiB pages there too: the mapping holding a
  // fresh small block. Pages already touched stay small. Why: without this
  // a 20 MB run still faulted in 25 MB of 4 KiB pages (6,400 faults; 760
  // with it) and ran 3 % slower (BENCHMARKS.md).
  const HeapProbe probe = probe_heap(false);
  if (probe.from_mimalloc && probe.mapping) {
    madvise(reinterpret_cast<void*>(probe.mapping->begin), probe.mapping->end - probe.mapping->begin,
            MADV_HUGEPAGE);
  }
#endif
}

}  // namespace relgraph
