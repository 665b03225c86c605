// Queries on a run's intervals.
#include "models/results/run_result.hpp"

#include <algorithm>

namespace outagesim::models {

const StrategyResult& RunResult::strategy(ComponentId id) const {
  static const StrategyResult kNothing;
  const auto it = std::lower_bound(strategies.begin(), strategies.end(), id,
                                   [](const auto& entry, ComponentId key) { return entry.first < key; });
  return it != strategies.end() && it->first == id ? it->second : kNothing;
}

sim::Time RunResult::time_in(ComponentId id, State state) const {
  sim::Time total;
  for (const Interval& interval : intervals[id]) {
    if (interval.state == state) total += interval.end - interval.start;
  }
  return total;
}

std::int64_t RunResult::whole_seconds_in(ComponentId id, State state) const {
  std::int64_t total = 0;
  for (const Interval& interval : intervals[id]) {
    if (interval.state == state) total += interval.end.floor_seconds() - interval.start.floor_seconds();
  }
  return total;
}

std::size_t RunResult::state_changes() const {
  std::size_t n = 0;
  for (const StateChange& c : journal) n += c.changes_state();
  return n;
}

}  // namespace outagesim::models
