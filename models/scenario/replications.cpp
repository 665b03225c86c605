// Replications on the generic runner.
#include "models/scenario/replications.hpp"

#include "models/scenario/simulation.hpp"

namespace outagesim::models {

ReplicationRun run_replications(const ScenarioSpec& spec, std::uint64_t seed, std::uint64_t begin,
                                std::uint64_t end, unsigned threads, const sim::RunControl& control) {
  auto done = sim::run_replications(
      begin, end, threads,
      [&spec, seed](std::uint64_t r) {
        std::vector<double> inputs;
        const RunResult result = simulate_replication(spec, seed, r, &inputs,
                                                      {.temperature_traces = false, .strategy_holds = false});
        return outcome_of(spec, result, r, std::move(inputs));
      },
      control);
  return ReplicationRun{done.begin, std::move(done.results), done.stopped};
}

}  // namespace outagesim::models
