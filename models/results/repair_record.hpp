// What one repair process did: when it started, and for each stage when it was ready to start, when its
// people were there (so the wait for them shows), and when it ended. never() marks what did not happen
// within the horizon.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/time.hpp"

namespace outagesim::models {

struct StageRecord {
  sim::Time ready = sim::Time::never();  // the previous stage was done; waits and people may follow
  sim::Time began = sim::Time::never();  // its conditions held and its people were there
  sim::Time ended = sim::Time::never();
  std::uint32_t people = 0;  // who did it: fewer than asked for when a `work` stage started short-handed
  std::uint32_t fewest = 0;  // the fewest people it worked with at any time (0: it never began)
  // Times a fire-suppression discharge in its room stopped it (its people left; it went on after re-entry).
  std::uint32_t interruptions = 0;
};

struct RepairRecord {
  sim::Time started = sim::Time::never();
  sim::Time ended = sim::Time::never();
  // Called off by one of its `cancel_when` triggers (the index of that trigger), before it started or
  // during a stage; never() when it was not.
  sim::Time cancelled = sim::Time::never();
  std::uint32_t cancelled_by = 0;
  std::vector<StageRecord> stages;  // one per stage of the spec
};

}  // namespace outagesim::models
