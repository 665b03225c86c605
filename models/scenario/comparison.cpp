// Running variants and reading each function's outcome off its run.
#include "models/scenario/comparison.hpp"

#include <algorithm>
#include <cassert>

#include "models/results/downtime_segments.hpp"
#include "models/scenario/simulation.hpp"

namespace outagesim::models {

std::vector<std::uint32_t> functions_with_variants(const ScenarioSpec& spec, std::uint32_t tenant) {
  std::vector<std::uint32_t> functions;
  for (const VariantSpec& v : spec.variants) {
    if (v.tenant != tenant) continue;
    for (const auto& [f, strategy] : v.strategies) {
      if (std::find(functions.begin(), functions.end(), f) == functions.end()) functions.push_back(f);
    }
  }
  std::sort(functions.begin(), functions.end());
  return functions;
}

ScenarioSpec apply_variant(const ScenarioSpec& spec, const VariantSpec& variant) {
  ScenarioSpec out = spec;
  TenantSpec& tenant = out.tenants[variant.tenant];
  out.replaced_strategies.clear();
  for (const auto& [function, strategy] : variant.strategies) {
    out.replaced_strategies.push_back(std::move(tenant.functions[function].strategy));
    tenant.functions[function].strategy = strategy;
  }
  assert(&variant >= spec.variants.data() && &variant < spec.variants.data() + spec.variants.size());
  out.applied_variant = static_cast<std::uint32_t>(&variant - spec.variants.data());
  return out;
}

namespace {

ComparisonRow row_for(const ScenarioSpec& spec, const RunResult& result, std::uint32_t t, std::uint32_t f,
                      std::string variant, bool baseline) {
  const TenantSpec& tenant = spec.tenants[t];
  const TenantFunctionSpec& function = tenant.functions[f];
  ComparisonRow row;
  row.tenant = t;
  row.function = f;
  row.variant = std::move(variant);
  row.baseline = baseline;
  row.strategy_kind = strategy_kind_name(function.strategy.get());
  // Whole seconds, as reports list the intervals: totals and differences then add up exactly.
  row.downtime = sim::Time::seconds(result.whole_seconds_in(function.id, State::kDown));
  row.degraded = sim::Time::seconds(result.whole_seconds_in(function.id, State::kDegraded));
  row.strategy = result.strategy(function.id);
  row.data_loss = row.strategy.data_loss;
  if (tenant.sla) row.sla = sla_credit(spec.slas[*tenant.sla], row.downtime);

  // The first outage: its first down interval, and those that go on from it at the very instant it ends
  // (a return undone in its instant, by an action triggered on it, served nothing: cross-command trial).
  const auto intervals = result.intervals[function.id];
  const Interval* first = nullptr;
  const Interval* last = nullptr;
  for (std::size_t i = 0; i < intervals.size() && last == nullptr; ++i) {
    if (intervals[i].state != State::kDown) continue;
    first = last = &intervals[i];
    while (last + 1 != intervals.data() + intervals.size() && (last + 1)->state == State::kDown &&
           (last + 1)->start == last->end)
      ++last;
  }
  if (first != nullptr) {
    row.first_down = first->start;
    // In whole seconds from the whole-second instants the interval is listed with, as the downtime is:
    // one outage's length then equals its downtime (session 17: 3599 s beside a downtime of 3600 s).
    row.time_to_recover = sim::Time::seconds(last->end.floor_seconds() - first->start.floor_seconds());
    row.still_down_at_horizon = last->ended == kNoChange;
    if (!row.still_down_at_horizon) row.recovered_at = last->end;
  }

  // What limited it: the strategy's own account when its site served, else what the function last waited
  // for (the dependency whose return ended the outage, or the one still down at the horizon).
  if (row.strategy.served_by_alternative || row.strategy.limitation != Wait::kNothing) {
    row.limited_by = row.strategy.limited_by;
    row.limitation = row.strategy.limitation;
    row.step = row.strategy.step;
    row.limited_for = row.strategy.limited_for;
  }
  if (!row.strategy.served_by_alternative && last != nullptr) {
    // What its last segments waited for, as explain tells it: the need that held it as the outage ended
    // (not the last need back to up, which may never have been down: user trial), or still held it at
    // the horizon (not what began the outage, which may be back for hours: cross-command trial).
    DowntimeSegmenter segmenter(spec, result);
    const std::vector<DowntimeSegment> segments = segmenter.segments(function.id, *last);
    ComponentId via = kNoComponent;
    if (!segments.empty() && segments.back().via != function.id && !segments.back().strategy_held)
      via = segments.back().via;
    const bool open = last->ended == kNoChange;
    if (via == kNoComponent && !open) via = result.journal[last->ended].cause.blamed;
    if (via != kNoComponent) {
      row.limited_by = via;
      row.limitation = open ? Wait::kStillDown : Wait::kDependency;
      row.step.clear();
      if (open) {
        auto from = segments.end();
        while (from != segments.begin() && std::prev(from)->via == via) --from;
        const sim::Time began = from == segments.begin() ? first->start : from->start;
        row.limited_for = sim::Time::seconds(last->end.floor_seconds() - began.floor_seconds());
      } else {
        row.limited_for = row.time_to_recover.value_or(sim::Time());
      }
    }
  }
  return row;
}

}  // namespace

Comparison compare_variants(const ScenarioSpec& spec, std::uint64_t seed,
                            std::optional<std::uint32_t> tenant) {
  Comparison comparison;
  const RunResult baseline = simulate(spec, seed);
  for (std::uint32_t t = 0; t < spec.tenants.size(); ++t) {
    if (tenant && *tenant != t) continue;
    const std::vector<std::uint32_t> functions = functions_with_variants(spec, t);
    if (functions.empty()) continue;
    std::vector<sim::Time> baseline_downtime;
    for (const std::uint32_t f : functions) {
      comparison.rows.push_back(row_for(spec, baseline, t, f, std::string(), true));
      baseline_downtime.push_back(comparison.rows.back().downtime);
    }
    for (const VariantSpec& v : spec.variants) {
      if (v.tenant != t) continue;
      const ScenarioSpec variant_spec = apply_variant(spec, v);
      const RunResult result = simulate(variant_spec, seed);
      for (std::size_t i = 0; i < functions.size(); ++i) {
        ComparisonRow row = row_for(variant_spec, result, t, functions[i], v.name, false);
        row.delta = row.downtime - baseline_downtime[i];
        comparison.rows.push_back(std::move(row));
      }
    }
  }
  return comparison;
}

}  // namespace outagesim::models
