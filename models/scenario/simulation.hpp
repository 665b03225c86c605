// One run of a scenario: a pure function of (spec, seed). Builds the region, schedules the scripted
// injections, runs the engine to the horizon and returns what the observers recorded.
#pragma once

#include <cstdint>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

// The step of the temperature samples in RunResult::rooms (crossings and peaks are exact, not sampled).
inline constexpr sim::Time kTraceSampleEvery = sim::Time::minutes(5);

// REQUIRES: a spec the loader validated (references resolved, no dependency cycle).
RunResult simulate(const ScenarioSpec& spec, std::uint64_t seed);
inline RunResult simulate(const ScenarioSpec& spec) {
  return simulate(spec, spec.seed);
}

}  // namespace outagesim::models
