// One step of work after a failure is over (integrity checks, reconciliation): a typed duration, or data
// through a throughput.
#pragma once

#include <optional>
#include <string>

#include "models/services/work.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

struct RecoveryStep {
  std::string name;
  sim::Time duration;                                 // >= 0; used when `work` is absent
  std::optional<ThroughputWork> work = std::nullopt;  // the step checks this much data at this throughput

  sim::Time time() const { return work ? work->duration() : duration; }
};

}  // namespace outagesim::models
