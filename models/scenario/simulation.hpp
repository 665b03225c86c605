// One run of a scenario: a pure function of (spec, seed). Builds the region, schedules the scripted
// injections and the random fault processes, runs the engine to the horizon and returns what the
// observers recorded.
#pragma once

#include <cstdint>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

// The step of the temperature samples in RunResult::rooms (crossings and peaks are exact, not sampled).
inline constexpr sim::Time kTraceSampleEvery = sim::Time::minutes(5);

// What a run records beyond states and causes.
struct RecordOptions {
  // Rooms' temperature traces (RunResult::rooms): what reports of one run show; replications, which keep
  // only downtimes and milestone times, leave them out.
  bool temperature_traces = true;
  // The strategies' waits (StrategyResult::holds), which the segments of one run read (explain, rank, the
  // JSON segments, the report); replications leave them out.
  bool strategy_holds = true;
  // A budget of dispatched events; 0: none. A run that uses it up stops at the time of its last event,
  // and its result covers only [0, that time): RunResult::horizon says so. For inputs of unknown cost
  // (the fuzzer's); a scenario run by the CLI has no budget.
  std::uint64_t max_events = 0;
};

// The spec as it stands (uncertain inputs at whatever values its fields hold), with the model streams of
// replication `replication`.
// REQUIRES: a spec the loader validated (references resolved, no dependency cycle).
RunResult simulate(const ScenarioSpec& spec, std::uint64_t seed, std::uint64_t replication = 0,
                   const RecordOptions& record = {});
inline RunResult simulate(const ScenarioSpec& spec) {
  return simulate(spec, spec.seed);
}

// Replication `replication`: a copy of the spec with every uncertain input drawn from its stream of that
// replication, run with that replication's model streams. `inputs`, when given, receives the draws.
RunResult simulate_replication(const ScenarioSpec& spec, std::uint64_t seed, std::uint64_t replication,
                               std::vector<double>* inputs = nullptr, const RecordOptions& record = {});

}  // namespace outagesim::models
