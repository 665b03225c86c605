// The terminal side of a batch of replications: the first Ctrl-C stops it, a progress bar follows it.
// One object for what compare, report, run --runs and sensitivity each set up the same way.
#pragma once

#include <cstdint>

#include "cli/interrupt.hpp"
#include "cli/progress_bar.hpp"
#include "sim/replication_runner.hpp"

namespace outagesim::cli {

class ReplicationWatch {
 public:
  // `total` replications; no bar when `quiet` (or stderr is no terminal).
  ReplicationWatch(std::uint64_t total, bool quiet);
  ReplicationWatch(const ReplicationWatch&) = delete;
  ReplicationWatch& operator=(const ReplicationWatch&) = delete;

  // For the replication runner: stops on Ctrl-C, reports progress to the bar.
  const sim::RunControl& control() const { return control_; }
  // Ends the bar's line.
  void finish() { bar_.finish(); }

 private:
  InterruptHandler interrupt_;
  ProgressBar bar_;
  sim::RunControl control_;
};

}  // namespace outagesim::cli
