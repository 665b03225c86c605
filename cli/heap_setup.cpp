// An arena for mimalloc, advised for transparent huge pages.
#include "cli/heap_setup.hpp"

#include <cstdio>
#include <cstdlib>
#include <new>

#if defined(OUTAGESIM_MIMALLOC)
#include <mimalloc.h>
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#endif

namespace outagesim::cli {

namespace {

// Says so and ends the process: it cannot throw, since mimalloc calls it from its no-throw operator new too
// (noexcept: a throw there would terminate), and std::stable_sort's nothrow buffer would reach it.
[[noreturn]] void out_of_memory() {
  std::fputs(
      "outagesim: out of memory: this machine (or its limit) cannot hold what the run needs; with --runs, "
      "fewer replications need less\n",
      stderr);
  std::_Exit(3);
}

}  // namespace

#if defined(OUTAGESIM_MIMALLOC)

void set_up_heap() {
  std::set_new_handler(out_of_memory);
  // Memory freed is kept for the next allocation instead of handed back to the kernel after 25 ms (the
  // default): a run frees its input's text and the loader's scratch, then allocates as much again, and
  // each page handed back would be faulted in and zeroed a second time. MIMALLOC_ALLOW_DECOMMIT=1 in the
  // environment still turns it back on (mimalloc has read its options by now, so that is checked here).
  if (std::getenv("MIMALLOC_ALLOW_DECOMMIT") == nullptr) mi_option_disable(mi_option_allow_decommit);
  // Address space only: MAP_NORESERVE commits nothing, and a page costs memory once it is touched.
  constexpr std::size_t kArenaBytes = std::size_t{64} << 30;
  // mimalloc takes arenas aligned to its segments (at most 64 MiB).
  constexpr std::size_t kAlignment = std::size_t{64} << 20;
  void* mapped = mmap(nullptr, kArenaBytes + kAlignment, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mapped == MAP_FAILED) return;  // strict overcommit, say: mimalloc maps memory as it needs it
  const auto address = reinterpret_cast<std::uintptr_t>(mapped);
  auto* start = reinterpret_cast<void*>((address + kAlignment - 1) & ~(kAlignment - 1));
  // Only advice: where transparent huge pages are off, pages stay 4 KiB and nothing else changes.
  madvise(start, kArenaBytes, MADV_HUGEPAGE);
  if (!mi_manage_os_memory(start, kArenaBytes, /*is_committed=*/true, /*is_large=*/false, /*is_zero=*/true,
                           /*numa_node=*/-1)) {
    munmap(mapped, kArenaBytes + kAlignment);
  }
}

#else

void set_up_heap() {
  std::set_new_handler(out_of_memory);
}

#endif

}  // namespace outagesim::cli
