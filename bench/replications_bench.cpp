// Replications of the flagship scenario (HK 2022, Zone C): the baseline alone, and the baseline with every
// strategy variant on common random numbers, on 1 and 2 threads. Items per second are replications (of
// the scenario, or of the whole comparison); the goal is 10,000 replications x every variant in under
// 10 s on a 2-core machine.
//   build/release/bench/replications_bench
#include <benchmark/benchmark.h>

#include "loader/scenario_loader.hpp"
#include "models/scenario/replications.hpp"
#include "models/scenario/uncertain_comparison.hpp"

namespace {

const std::string kScenario = std::string(OUTAGESIM_SOURCE_DIR) + "/scenarios/hk-2022-zone-c.yaml";
constexpr std::uint64_t kBatch = 200;

void BM_Replications(benchmark::State& state) {
  const auto loaded = outagesim::loader::load_scenario_file(kScenario);
  if (!loaded.ok()) {
    state.SkipWithError("scenario does not load");
    return;
  }
  const auto threads = static_cast<unsigned>(state.range(0));
  std::uint64_t begin = 0;
  for (auto _ : state) {
    auto run = outagesim::models::run_replications(*loaded.spec, 1, begin, begin + kBatch, threads);
    benchmark::DoNotOptimize(run);
    begin += kBatch;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kBatch));
}

void BM_CompareReplications(benchmark::State& state) {
  const auto loaded = outagesim::loader::load_scenario_file(kScenario);
  if (!loaded.ok()) {
    state.SkipWithError("scenario does not load");
    return;
  }
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto c = outagesim::models::compare_variants_uncertain(*loaded.spec, 1, kBatch, threads, {});
    benchmark::DoNotOptimize(c);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kBatch));
  state.counters["variants"] = static_cast<double>(loaded.spec->variants.size());
}

}  // namespace

BENCHMARK(BM_Replications)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CompareReplications)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
