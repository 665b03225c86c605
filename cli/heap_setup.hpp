// The outagesim process's heap, set up before any work.
#pragma once

namespace outagesim::cli {

// With mimalloc linked (OUTAGESIM_MIMALLOC), gives it one large range of address space advised for
// transparent huge pages, so that fresh memory arrives 2 MiB at a time. A region of a million tenants
// spent more time faulting in 4 KiB pages than simulating (docs/performance.md). It also keeps freed
// memory for reuse instead of handing it back to the kernel to be zeroed again. Without mimalloc, or
// where the range cannot be had, it does nothing and the allocator fetches memory as usual.
// Either way an allocation that is refused says "out of memory" and exits 3: mimalloc, with no new
// handler, aborts the process without a word (`--runs 100000000` under a memory limit did).
void set_up_heap();

}  // namespace outagesim::cli
