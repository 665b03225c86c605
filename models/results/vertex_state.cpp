// Lookups over the time-ordered, non-overlapping intervals of one vertex.
#include "models/results/vertex_state.hpp"

#include <algorithm>
#include <span>

namespace outagesim::models {

State state_at(const RunResult& result, ComponentId id, sim::Time t) {
  return worst_state_in(result, id, t, t + sim::Time::ms(1));
}

State worst_state_in(const RunResult& result, ComponentId id, sim::Time from, sim::Time to) {
  State worst = State::kUp;
  if (id >= result.intervals.size() || from >= to) return worst;
  const std::span<const Interval> intervals = result.intervals[id];
  // The first interval that ends after `from`; intervals are in time order and do not overlap.
  auto it = std::upper_bound(intervals.begin(), intervals.end(), from,
                             [](sim::Time t, const Interval& i) { return t < i.end; });
  for (; it != intervals.end() && it->start < to; ++it) {
    if (it->end > it->start) worst = worse(worst, it->state);
  }
  return worst;
}

State worst_state(const RunResult& result, ComponentId id) {
  State worst = State::kUp;
  if (id >= result.intervals.size()) return worst;
  for (const Interval& i : result.intervals[id]) {
    if (i.end > i.start) worst = worse(worst, i.state);
  }
  return worst;
}

}  // namespace outagesim::models
