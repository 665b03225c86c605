// Attribution from the base run's segments; savings from what-if runs: one per faulted component without
// its faults, one per component held up.
#include "models/scenario/component_ranking.hpp"

#include <algorithm>

#include "models/results/cause_chain.hpp"
#include "models/results/downtime_segments.hpp"
#include "models/scenario/held_up.hpp"
#include "models/scenario/simulation.hpp"

namespace outagesim::models {

namespace {

// In whole seconds as the run's reports count each function's downtime (RunResult::whole_seconds_in), so the
// total is the sum of the downtimes `run` prints and a saving is the difference of two such sums.
// With `not_up`, the degraded time too.
sim::Time function_downtime(const ScenarioSpec& spec, const RunResult& result, bool not_up) {
  std::int64_t total_s = 0;
  for (const TenantSpec& t : spec.tenants) {
    for (const TenantFunctionSpec& f : t.functions) {
      total_s += result.whole_seconds_in(f.id, State::kDown);
      if (not_up) total_s += result.whole_seconds_in(f.id, State::kDegraded);
    }
  }
  return sim::Time::seconds(total_s);
}

void touch(ComponentRank& rank, std::uint32_t tenant) {
  if (rank.tenants.empty() || rank.tenants.back() != tenant) rank.tenants.push_back(tenant);
}

}  // namespace

ScenarioSpec without_faults_on(const ScenarioSpec& spec, ComponentId component) {
  ScenarioSpec out = spec;
  std::erase_if(out.injections,
                [component](const InjectionSpec& i) { return i.is_fault && i.target == component; });
  return out;
}

ComponentRanking rank_components(const ScenarioSpec& spec, std::uint64_t seed, bool not_up) {
  const RunResult base = simulate(spec, seed);
  std::vector<ComponentRank> ranks(spec.components.size());
  for (ComponentId c = 0; c < ranks.size(); ++c) ranks[c].component = c;

  DowntimeSegmenter segmenter(spec, base);
  for (std::uint32_t t = 0; t < spec.tenants.size(); ++t) {
    for (const TenantFunctionSpec& f : spec.tenants[t].functions) {
      for (const Interval& interval : base.intervals[f.id]) {
        if (interval.state != State::kDown && !(not_up && interval.state == State::kDegraded)) continue;
        for (const DowntimeSegment& s : segmenter.segments(f.id, interval)) {
          // In whole seconds as the total counts them: floored ends, which telescope over an interval's
          // segments, so the held and root times of all components add up to the total less the tenants'
          // own time, to the second.
          const sim::Time length = sim::Time::seconds(s.end.floor_seconds() - s.start.floor_seconds());
          if (s.holder < ranks.size()) {
            ranks[s.holder].attributed += length;
            touch(ranks[s.holder], t);
          }
          if (s.via < ranks.size()) touch(ranks[s.via], t);
          if (s.time_of == TimeOf::kProvider) {
            // A holder that was up (a strategy's wait on a stock-out or a throttle) has no chain: nothing
            // failed behind it, and it is its own root.
            const auto chain = cause_chain(base, s.cause_change);
            const ComponentId root = chain.empty() ? s.holder : base.journal[chain.back()].component;
            if (root < ranks.size()) ranks[root].rooted += length;
          }
        }
      }
    }
  }

  ComponentRanking out;
  out.not_up = not_up;
  out.total = function_downtime(spec, base, not_up);
  // The what-if runs are read for their downtimes and repairs only.
  constexpr RecordOptions kCounts{.temperature_traces = false, .strategy_holds = false};
  for (ComponentRank& rank : ranks) {
    const bool faulted =
        std::any_of(spec.injections.begin(), spec.injections.end(),
                    [&](const InjectionSpec& i) { return i.is_fault && i.target == rank.component; });
    if (faulted)
      rank.saved =
          out.total - function_downtime(
                          spec, simulate(without_faults_on(spec, rank.component), seed, 0, kCounts), not_up);
    ScenarioSpec held_spec = held_up(spec, rank.component, base);
    RunResult held = simulate(held_spec, seed, 0, kCounts);
    // Each round releases a stage or takes a release back; a stage released, taken back and released
    // again could go round for ever, so the rounds stop at twice the waits.
    std::size_t waits = 0;
    for (const RepairSpec& repair : held_spec.repairs) {
      for (const StageSpec& stage : repair.stages) waits += stage.wait_for.size();
    }
    for (std::size_t round = 0; round < 2 * waits && release_waits_never_met(held_spec, base, held); ++round)
      held = simulate(held_spec, seed, 0, kCounts);
    rank.held_up_saved = out.total - function_downtime(spec, held, not_up);
    for (std::uint32_t r = 0; r < base.repairs.size(); ++r) {
      if (!base.repairs[r].started.is_never() && held.repairs[r].started.is_never())
        rank.held_up_silenced.push_back(r);
    }
    if (rank.attributed == sim::Time() && rank.rooted == sim::Time() && !rank.saved && rank.tenants.empty() &&
        rank.held_up_saved == sim::Time())
      continue;
    out.ranks.push_back(std::move(rank));
  }
  std::stable_sort(out.ranks.begin(), out.ranks.end(), [](const ComponentRank& a, const ComponentRank& b) {
    if (a.attributed != b.attributed) return a.attributed > b.attributed;
    return a.saved.value_or(sim::Time()) > b.saved.value_or(sim::Time());
  });
  return out;
}

}  // namespace outagesim::models
