// Many replications of one scenario: replication r draws its uncertain inputs and its model streams from
// (seed, r), so its outcome is the same whichever thread, shard or MPI rank runs it.
#pragma once

#include <cstdint>
#include <vector>

#include "models/results/replication_outcome.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "sim/replication_runner.hpp"

namespace outagesim::models {

struct ReplicationRun {
  std::uint64_t begin = 0;
  std::vector<ReplicationOutcome> outcomes;  // replications begin, begin + 1, ... in order
  bool stopped = false;                      // cut short by the control's stop flag
};

// Replications [begin, end) on `threads` threads (0: one per hardware thread).
ReplicationRun run_replications(const ScenarioSpec& spec, std::uint64_t seed, std::uint64_t begin,
                                std::uint64_t end, unsigned threads, const sim::RunControl& control = {});

}  // namespace outagesim::models
