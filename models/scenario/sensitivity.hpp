// Which uncertain inputs drive one tenant's (or one tenant function's) downtime: a tornado that moves one
// input at a time to its p10 and p90 with the others at their nominal values, and Spearman's rank
// correlation between each input's draws and the downtime over many replications. Pure computation over
// a loaded spec; the reports format it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "sim/replication_runner.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

// Whose downtime: the tenant's own vertex (down when the tenant as a whole is), or one of its functions.
struct SensitivityTarget {
  std::uint32_t tenant = 0;               // index into ScenarioSpec::tenants
  std::optional<std::uint32_t> function;  // index into that tenant's functions
  // Measure the time not up (down or degraded) instead of the downtime alone: an outage of partial
  // capacity (a derated hall, a throttled API) is mostly degraded.
  bool not_up = false;
};

// The vertex whose downtime a target measures (see number_tenants()).
ComponentId target_vertex(const ScenarioSpec& spec, const SensitivityTarget& target);
// What the target measures in one run: its downtime, or its time not up.
sim::Time target_time(const RunResult& result, ComponentId vertex, const SensitivityTarget& target);

// The quantiles the tornado moves each input to.
inline constexpr double kTornadoLowP = 0.1;
inline constexpr double kTornadoHighP = 0.9;

struct TornadoBar {
  std::uint32_t input = 0;  // index into ScenarioSpec::inputs
  double low = 0;           // its p10 and p90, rounded for its unit and kept in [lowest, highest]
  double high = 0;
  sim::Time downtime_low;   // of the target with the input at `low`, every other input nominal
  sim::Time downtime_high;  // ... at `high`
  // Signed: positive when a higher value of the input means more downtime.
  sim::Time swing() const { return downtime_high - downtime_low; }
};

struct Tornado {
  sim::Time base_downtime;       // every input at its nominal value: the plain run
  std::vector<TornadoBar> bars;  // one per input, by decreasing |swing|; ties in scenario order
};

// 1 + 2 * inputs runs, each with the model streams of (seed, replication 0), so only the input differs
// between them; spread over `threads` threads (0: one per hardware thread). Deterministic.
Tornado tornado(const ScenarioSpec& spec, std::uint64_t seed, const SensitivityTarget& target,
                unsigned threads = 1);

// One replication reduced to what the correlations need.
struct SensitivitySample {
  std::vector<double> inputs;  // the draws, one per ScenarioSpec::inputs
  sim::Time downtime;          // of the target
};

struct SensitivitySamples {
  std::vector<SensitivitySample> samples;  // replications 0, 1, ... in order
  bool stopped = false;                    // cut short by the control's stop flag
};

// Replications [0, runs) exactly as models::run_replications runs them (same draws, same streams).
SensitivitySamples sensitivity_samples(const ScenarioSpec& spec, std::uint64_t seed,
                                       const SensitivityTarget& target, std::uint64_t runs, unsigned threads,
                                       const sim::RunControl& control = {});

struct InputCorrelation {
  std::uint32_t input = 0;       // index into ScenarioSpec::inputs
  double rho = 0;                // Spearman's rank correlation of its draws with the downtime
  bool distinguishable = false;  // |rho| >= RankCorrelations::threshold
  // False when its draws or the downtime never varied over the replications: then no correlation exists
  // (rho is left 0, and reports print none rather than a 0 that reads as "measured, no effect").
  bool defined = true;
};

struct RankCorrelations {
  std::size_t runs = 0;
  // 1.96 / sqrt(runs - 1): under no association rho is roughly normal with that standard error times
  // 1.96, so a smaller |rho| cannot be told from 0 at about 95 %. Rough (ties and small samples bend it);
  // infinite with fewer than 3 runs.
  double threshold = 0;
  std::vector<InputCorrelation> inputs;  // by decreasing |rho|; ties in scenario order
};

RankCorrelations rank_correlations(const ScenarioSpec& spec, std::span<const SensitivitySample> samples);

}  // namespace outagesim::models
