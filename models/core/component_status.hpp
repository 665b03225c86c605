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
  // The share of its normal capacity the component serves now, in [0, 1]. Components that lose part of
  // themselves (a host pool with damaged hosts, storage missing nodes) publish it with
  // ModelContext::set_capacity; the rest stay at 1 whatever their state.
  double capacity = 1.0;
  // Degraded for more than a lost share (data still to rebuild, say), even while part of the share is
  // also lost: what uses it may not count it up by a share threshold (Verdict::degraded_whole).
  bool degraded_beyond_share = false;
  // The share of its units whose data is gone (hosts damaged or failed), for a component that knows:
  // units only off (tripped, shed, restarting) come back with their data. Negative: not known, and every
  // share missing from `capacity` counts as lost (storage rebuilds it: Service).
  double data_lost = -1.0;
  // The share of its units destroyed (replaced, if ever, empty): their data is gone for good, where a
  // failed unit that is repaired comes back with it. Negative: not known (data_lost stands for it).
  double data_destroyed = -1.0;
};

}  // namespace outagesim::models
