// Measures one replay of the flagship scenario (HK 2022, Zone C): loading and validating the YAML, and
// the simulation alone. The goal is "well under 50 ms" for the whole.
//   build/release/bench/hk_replay_bench
#include <benchmark/benchmark.h>

#include "loader/scenario_loader.hpp"
#include "models/scenario/simulation.hpp"

namespace {

const std::string kScenario = std::string(OUTAGESIM_SOURCE_DIR) + "/scenarios/hk-2022-zone-c.yaml";

void BM_LoadScenario(benchmark::State& state) {
  for (auto _ : state) {
    auto loaded = outagesim::loader::load_scenario_file(kScenario);
    if (!loaded.ok()) state.SkipWithError("scenario does not load");
    benchmark::DoNotOptimize(loaded);
  }
}

void BM_SimulateReplay(benchmark::State& state) {
  const auto loaded = outagesim::loader::load_scenario_file(kScenario);
  if (!loaded.ok()) {
    state.SkipWithError("scenario does not load");
    return;
  }
  std::uint64_t events = 0;
  for (auto _ : state) {
    const auto result = outagesim::models::simulate(*loaded.spec);
    events = result.events;
    benchmark::DoNotOptimize(result);
  }
  state.counters["events"] = static_cast<double>(events);
}

}  // namespace

BENCHMARK(BM_LoadScenario)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SimulateReplay)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
