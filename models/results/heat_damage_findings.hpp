// The hardware damage a run found, read from its journal: each finding of damaged hosts in a pool, by heat
// or destroyed by a damage_hosts action (journalled once, as a note), and when the pool was whole again.
// For the reports' damage sections.
#pragma once

#include <cstdint>
#include <vector>

#include "models/core/state_change.hpp"
#include "models/results/run_result.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

struct HeatDamageFinding {
  ComponentId pool = kNoComponent;
  std::uint32_t hosts = 0;  // damaged hosts found
  // The damage_hosts action that destroyed them (a surge, lightning); kNoInjection: heat.
  InjectionId destroyed_by = kNoInjection;
  sim::Time found;  // when they were found
  // When a replacement next brought the pool back to all its hosts serving; never() if none did by the
  // end (also when the last damaged host is replaced while other hosts are out for another reason).
  sim::Time whole_again = sim::Time::never();
};

// In journal order (time order). One pass over the journal.
std::vector<HeatDamageFinding> heat_damage_findings(const RunResult& result);

}  // namespace outagesim::models
