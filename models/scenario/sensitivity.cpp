// One-at-a-time tornado runs and rank correlations over replications.
#include "models/scenario/sensitivity.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "models/scenario/simulation.hpp"
#include "models/scenario/uncertain_input.hpp"
#include "sim/sample_statistics.hpp"

namespace outagesim::models {

namespace {

sim::Time abs_time(sim::Time t) {
  return t < sim::Time() ? sim::Time() - t : t;
}

// The input's p-quantile as a field would hold it.
double field_quantile(const UncertainInput& input, double p) {
  const double value = round_for_unit(input.distribution.quantile(p), input.unit);
  return std::clamp(value, input.lowest, input.highest);
}

}  // namespace

ComponentId target_vertex(const ScenarioSpec& spec, const SensitivityTarget& target) {
  assert(target.tenant < spec.tenants.size());
  const TenantSpec& tenant = spec.tenants[target.tenant];
  if (!target.function) return tenant.id;
  assert(*target.function < tenant.functions.size());
  return tenant.functions[*target.function].id;
}

sim::Time target_time(const RunResult& result, ComponentId vertex, const SensitivityTarget& target) {
  const sim::Time down = result.downtime(vertex);
  return target.not_up ? down + result.time_in(vertex, State::kDegraded) : down;
}

Tornado tornado(const ScenarioSpec& spec, std::uint64_t seed, const SensitivityTarget& target,
                unsigned threads) {
  const std::vector<double> nominal = nominal_inputs(spec);
  const ComponentId vertex = target_vertex(spec, target);
  std::vector<double> low, high;
  for (const UncertainInput& input : spec.inputs) {
    low.push_back(field_quantile(input, kTornadoLowP));
    high.push_back(field_quantile(input, kTornadoHighP));
  }
  // Run 0 is the base; run 1 + 2i sets input i to its low value, run 2 + 2i to its high one.
  const auto runs = sim::run_replications(0, 1 + 2 * spec.inputs.size(), threads, [&](std::uint64_t run) {
    std::vector<double> values = nominal;
    if (run > 0) {
      const std::size_t input = static_cast<std::size_t>((run - 1) / 2);
      values[input] = run % 2 == 1 ? low[input] : high[input];
    }
    ScenarioSpec copy = spec;
    apply_inputs(copy, values);
    return target_time(simulate(copy, seed, 0, {.temperature_traces = false, .strategy_holds = false}),
                       vertex, target);
  });
  assert(!runs.stopped && runs.results.size() == 1 + 2 * spec.inputs.size());

  Tornado out;
  out.base_downtime = runs.results[0];
  for (std::uint32_t i = 0; i < spec.inputs.size(); ++i) {
    TornadoBar bar;
    bar.input = i;
    bar.low = low[i];
    bar.high = high[i];
    bar.downtime_low = runs.results[1 + 2 * i];
    bar.downtime_high = runs.results[2 + 2 * i];
    out.bars.push_back(bar);
  }
  std::stable_sort(out.bars.begin(), out.bars.end(), [](const TornadoBar& a, const TornadoBar& b) {
    return abs_time(a.swing()) > abs_time(b.swing());
  });
  return out;
}

SensitivitySamples sensitivity_samples(const ScenarioSpec& spec, std::uint64_t seed,
                                       const SensitivityTarget& target, std::uint64_t runs, unsigned threads,
                                       const sim::RunControl& control) {
  const ComponentId vertex = target_vertex(spec, target);
  auto done = sim::run_replications(
      0, runs, threads,
      [&spec, seed, vertex, &target](std::uint64_t r) {
        SensitivitySample sample;
        sample.downtime =
            target_time(simulate_replication(spec, seed, r, &sample.inputs,
                                             {.temperature_traces = false, .strategy_holds = false}),
                        vertex, target);
        return sample;
      },
      control);
  return SensitivitySamples{std::move(done.results), done.stopped};
}

RankCorrelations rank_correlations(const ScenarioSpec& spec, std::span<const SensitivitySample> samples) {
  RankCorrelations out;
  out.runs = samples.size();
  out.threshold = samples.size() >= 3 ? 1.96 / std::sqrt(static_cast<double>(samples.size() - 1))
                                      : std::numeric_limits<double>::infinity();
  std::vector<double> downtime_s;
  downtime_s.reserve(samples.size());
  for (const SensitivitySample& s : samples) downtime_s.push_back(s.downtime.to_seconds());
  const auto varies = [](const std::vector<double>& v) {
    return std::any_of(v.begin(), v.end(), [&v](double x) { return x != v.front(); });
  };
  const bool downtime_varies = varies(downtime_s);
  std::vector<double> drawn(samples.size());
  for (std::uint32_t i = 0; i < spec.inputs.size(); ++i) {
    for (std::size_t k = 0; k < samples.size(); ++k) drawn[k] = samples[k].inputs[i];
    const bool defined = downtime_varies && varies(drawn);
    const double rho = defined ? sim::spearman_rank_correlation(drawn, downtime_s) : 0.0;
    out.inputs.push_back({i, rho, defined && std::abs(rho) >= out.threshold, defined});
  }
  std::stable_sort(
      out.inputs.begin(), out.inputs.end(),
      [](const InputCorrelation& a, const InputCorrelation& b) { return std::abs(a.rho) > std::abs(b.rho); });
  return out;
}

}  // namespace outagesim::models
