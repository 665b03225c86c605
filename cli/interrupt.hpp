// Ctrl-C during a long run: the first SIGINT asks the run to stop cleanly (the replications running now
// finish and what finished is reported); a second one kills the process as usual.
#pragma once

#include <atomic>

namespace outagesim::cli {

// While an InterruptHandler lives, the first SIGINT sets flag() and the default action comes back, so a
// second SIGINT terminates. Destroying it restores the action that was there before. One at a time.
class InterruptHandler {
 public:
  InterruptHandler();
  ~InterruptHandler();
  InterruptHandler(const InterruptHandler&) = delete;
  InterruptHandler& operator=(const InterruptHandler&) = delete;

  // For RunControl::stop. Lock-free, so the signal handler may set it.
  const std::atomic<bool>& flag() const;
  bool interrupted() const { return flag().load(std::memory_order_relaxed); }
};

}  // namespace outagesim::cli
