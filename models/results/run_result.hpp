// Everything one run produced, as plain values: the journal of state changes, each vertex's intervals
// out of the up state, what each injection did, and what each strategy reports. Reports read only this
// (and the spec, for names and clock times).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "models/core/state_change.hpp"
#include "models/results/cancellation.hpp"
#include "models/results/interval_table.hpp"
#include "models/results/repair_record.hpp"
#include "models/results/temperature_trace.hpp"
#include "models/strategies/recovery_strategy.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

// How a crew was used over a run: whether people were ever what work waited for.
struct CrewUse {
  std::uint32_t most_at_work = 0;  // the most of its people at work at once
  sim::Time queued;                // how long some work waited for its people (busy, or not yet on site)
};

struct RunResult {
  sim::Time horizon;
  std::uint64_t seed = 0;
  std::vector<StateChange> journal;
  IntervalTable intervals;                      // per vertex: degraded and down intervals, in time order
  std::vector<bool> injection_had_effect;       // per injection
  std::vector<sim::Time> injection_applied_at;  // per injection; never() when it never happened
  // Per injection, every time it was applied, in order: one at most, unless it repeats (`each`).
  std::vector<std::vector<sim::Time>> injection_applications;
  // Per injection, every time its cancel_when called off what was pending, in order.
  std::vector<std::vector<Cancellation>> injection_cancellations;
  std::vector<RepairRecord> repairs;  // per repair of the spec
  // Per injection and per repair: the journal record that fired its trigger; kNoChange when it has none
  // or it never fired.
  std::vector<ChangeId> injection_fired_by;
  std::vector<ChangeId> repair_fired_by;
  // The strategies' results, by tenant function, sorted by id; a function whose strategy recorded
  // nothing (waiting for repair, most of a large region) is left out. Read with strategy().
  std::vector<std::pair<ComponentId, StrategyResult>> strategies;
  std::vector<RoomTrace> rooms;  // per room, in component order
  std::vector<CrewUse> crews;    // per crew of the spec
  std::uint64_t events = 0;
  std::uint64_t evaluations = 0;

  // Total time the vertex spent in `state` within the horizon.
  sim::Time time_in(ComponentId id, State state) const;
  sim::Time downtime(ComponentId id) const { return time_in(id, State::kDown); }
  // The same in whole seconds as reports print it: each interval's ends floored to the second, then
  // summed, so a total always equals the sum of the intervals listed with it.
  std::int64_t whole_seconds_in(ComponentId id, State state) const;
  // The result of tenant function `id`'s strategy; an empty one when it recorded nothing.
  const StrategyResult& strategy(ComponentId id) const;
  // Journal records that change a state (the others note quantity changes).
  std::size_t state_changes() const;
};

}  // namespace outagesim::models
