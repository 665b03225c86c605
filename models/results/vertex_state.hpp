// A vertex's state read back from a run's intervals: at one instant, or the worst over a stretch of time.
// Drawings (the dependency graph, the terminal timeline) colour by these.
#pragma once

#include "models/results/run_result.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

// The state of `id` at `t`: that of the interval holding t (start <= t < end), up outside every interval.
State state_at(const RunResult& result, ComponentId id, sim::Time t);
// The worst state of `id` at any instant of [from, to); up for an empty stretch.
State worst_state_in(const RunResult& result, ComponentId id, sim::Time from, sim::Time to);
// The worst state of `id` over the whole run.
State worst_state(const RunResult& result, ComponentId id);

}  // namespace outagesim::models
