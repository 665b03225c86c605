// What the region knows of each component at the current instant: kept in one flat table, indexed by
// ComponentId, so requirement evaluation reads contiguous memory.
#pragma once

#include "models/core/state.hpp"
#include "models/core/state_change.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

struct ComponentStatus {
  State state = State::kUp;
  ChangeId last_change = kNoChange;  // kNoChange: never changed since the start
  sim::Time last_change_time;
};

}  // namespace outagesim::models
