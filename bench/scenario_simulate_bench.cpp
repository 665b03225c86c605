// Measures the simulation alone of any scenario, loaded once: the phase a big region's `run --timings`
// calls "simulate", without the load and the report around it, and with the memory of the previous
// iteration reused (so the kernel's page zeroing, a large and noisy part of one whole run, stays out).
//   OUTAGESIM_BENCH_SCENARIO=/tmp/scale/bigp.yaml build/release/bench/scenario_simulate_bench
// Without the variable it simulates the flagship scenario (HK 2022).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "loader/scenario_loader.hpp"
#include "models/scenario/simulation.hpp"

namespace {

std::string scenario_path() {
  const char* path = std::getenv("OUTAGESIM_BENCH_SCENARIO");
  return path != nullptr ? std::string(path)
                         : std::string(OUTAGESIM_SOURCE_DIR) + "/scenarios/hk-2022-zone-c.yaml";
}

void BM_SimulateScenario(benchmark::State& state) {
  const auto loaded = outagesim::loader::load_scenario_file(scenario_path());
  if (!loaded.ok()) {
    state.SkipWithError("the scenario does not load: check OUTAGESIM_BENCH_SCENARIO");
    return;
  }
  std::uint64_t events = 0;
  std::uint64_t evaluations = 0;
  for (auto _ : state) {
    const auto result = outagesim::models::simulate(*loaded.spec);
    events = result.events;
    evaluations = result.evaluations;
    benchmark::DoNotOptimize(result);
  }
  state.counters["events"] = static_cast<double>(events);
  state.counters["evaluations"] = static_cast<double>(evaluations);
}

}  // namespace

BENCHMARK(BM_SimulateScenario)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
