// Replications of the baseline and every variant on shared draws.
#include "models/scenario/uncertain_comparison.hpp"

#include <algorithm>
#include <numeric>

#include "models/scenario/comparison.hpp"
#include "models/scenario/simulation.hpp"

namespace outagesim::models {

namespace {

struct RowKey {
  std::uint32_t tenant;
  std::uint32_t function;
  int variant;  // index into spec.variants; -1 for the baseline
};

std::vector<RowKey> row_keys(const ScenarioSpec& spec, std::optional<std::uint32_t> tenant) {
  std::vector<RowKey> keys;
  for (std::uint32_t t = 0; t < spec.tenants.size(); ++t) {
    if (tenant && *tenant != t) continue;
    const std::vector<std::uint32_t> functions = functions_with_variants(spec, t);
    for (const std::uint32_t f : functions) keys.push_back({t, f, -1});
    for (std::size_t v = 0; v < spec.variants.size(); ++v) {
      if (spec.variants[v].tenant != t) continue;
      for (const std::uint32_t f : functions) keys.push_back({t, f, static_cast<int>(v)});
    }
  }
  return keys;
}

}  // namespace

UncertainComparison compare_variants_uncertain(const ScenarioSpec& spec, std::uint64_t seed,
                                               std::uint64_t runs, unsigned threads,
                                               const sim::RunControl& control,
                                               std::optional<std::uint32_t> tenant) {
  const std::vector<RowKey> keys = row_keys(spec, tenant);
  std::vector<int> variants;  // the variants to run, in order
  for (const RowKey& k : keys) {
    if (k.variant >= 0 && std::find(variants.begin(), variants.end(), k.variant) == variants.end())
      variants.push_back(k.variant);
  }
  // One replication: the baseline and every variant on the same drawn spec and streams.
  const auto body = [&](std::uint64_t r) {
    ScenarioSpec drawn = spec;
    apply_inputs(drawn, draw_inputs(spec, seed, r));
    std::vector<RunResult> results;
    const RecordOptions record{.temperature_traces = false, .strategy_holds = false};
    results.push_back(simulate(drawn, seed, r, record));
    for (const int v : variants) {
      // The variant's strategies as drawn, put in place for one run and then taken out again: cheaper than
      // a copy of the whole spec per variant.
      const VariantSpec& variant = drawn.variants[static_cast<std::size_t>(v)];
      TenantSpec& t = drawn.tenants[variant.tenant];
      std::vector<BoxedStrategy> saved;
      for (const auto& [f, strategy] : variant.strategies) {
        saved.push_back(std::move(t.functions[f].strategy));
        t.functions[f].strategy = strategy;
      }
      results.push_back(simulate(drawn, seed, r, record));
      for (std::size_t i = 0; i < saved.size(); ++i)
        t.functions[variant.strategies[i].first].strategy = std::move(saved[i]);
    }
    // Per row its downtime, then per row 1 when it was still down at the horizon.
    std::vector<double> downtime_s;
    std::vector<double> cut;
    for (const RowKey& k : keys) {
      const std::size_t which =
          k.variant < 0 ? 0
                        : 1 + static_cast<std::size_t>(
                                  std::find(variants.begin(), variants.end(), k.variant) - variants.begin());
      const ComponentId id = spec.tenants[k.tenant].functions[k.function].id;
      downtime_s.push_back(static_cast<double>(results[which].downtime(id).count_ms()) / 1000.0);
      const auto& intervals = results[which].intervals[id];
      cut.push_back(!intervals.empty() && intervals.back().ended == kNoChange &&
                            intervals.back().state == State::kDown
                        ? 1.0
                        : 0.0);
    }
    downtime_s.insert(downtime_s.end(), cut.begin(), cut.end());
    return downtime_s;
  };
  auto done = sim::run_replications(0, runs, threads, body, control);

  UncertainComparison out;
  out.runs = done.results.size();
  out.stopped = done.stopped;
  const auto column = [&](std::size_t row) {
    std::vector<double> values;
    values.reserve(done.results.size());
    for (const auto& rep : done.results) values.push_back(rep[row]);
    return values;
  };
  std::vector<std::vector<double>> columns;
  for (std::size_t i = 0; i < keys.size(); ++i) columns.push_back(column(i));
  for (std::size_t i = 0; i < keys.size(); ++i) {
    UncertainComparisonRow row;
    row.tenant = keys[i].tenant;
    row.function = keys[i].function;
    if (keys[i].variant >= 0) row.variant = spec.variants[keys[i].variant].name;
    row.downtime_s = sim::summarize(columns[i]);
    for (const auto& rep : done.results) row.down_at_horizon += rep[keys.size() + i] > 0.5 ? 1 : 0;
    if (keys[i].variant >= 0) {
      for (std::size_t b = 0; b < keys.size(); ++b) {
        if (keys[b].variant < 0 && keys[b].tenant == keys[i].tenant && keys[b].function == keys[i].function)
          row.versus_baseline = sim::compare_paired(columns[i], columns[b]);
      }
    }
    out.rows.push_back(std::move(row));
  }
  // Rank the rows of each function by mean downtime (ties by scenario order) and pair each with the next.
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::vector<std::size_t> group;
    for (std::size_t j = 0; j < keys.size(); ++j) {
      if (keys[j].tenant == keys[i].tenant && keys[j].function == keys[i].function) group.push_back(j);
    }
    if (group.front() != i) continue;  // once per function
    std::stable_sort(group.begin(), group.end(), [&](std::size_t a, std::size_t b) {
      return out.rows[a].downtime_s.mean < out.rows[b].downtime_s.mean;
    });
    for (std::size_t k = 0; k < group.size(); ++k) {
      UncertainComparisonRow& row = out.rows[group[k]];
      row.rank = static_cast<std::uint32_t>(k);
      if (k + 1 < group.size() && !done.results.empty()) {
        const sim::PairedComparison p = sim::compare_paired(columns[group[k]], columns[group[k + 1]]);
        row.beats_next = p.p_a_less;
        row.ties_next = p.p_equal;
      }
    }
  }
  return out;
}

}  // namespace outagesim::models
