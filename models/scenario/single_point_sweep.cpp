// One quiet run and one run per component, compared function by function.
#include "models/scenario/single_point_sweep.hpp"

#include <algorithm>
#include <cassert>

#include "models/scenario/simulation.hpp"

namespace outagesim::models {

ScenarioSpec quiet(const ScenarioSpec& spec) {
  ScenarioSpec out = spec;
  // Repairs and triggered actions refer to each other and to injections only: they all go together.
  out.injections.clear();
  out.repairs.clear();
  out.failures.clear();
  // The nominal values are already in the fields; a draw's setter may point into a removed injection.
  out.inputs.clear();
  return out;
}

ScenarioSpec with_lone_failure(const ScenarioSpec& spec, ComponentId component, sim::Time duration) {
  assert(component < spec.components.size());
  ScenarioSpec out = quiet(spec);
  InjectionSpec fail;
  fail.at = sim::Time();
  fail.target = component;
  fail.action = Action::kFail;
  fail.note = "single-point-of-failure sweep";
  out.injections.push_back(fail);
  if (duration < out.horizon) {
    InjectionSpec repair = fail;
    repair.at = duration;
    repair.action = Action::kRepair;
    out.injections.push_back(repair);
  }
  return out;
}

SinglePointSweep sweep_single_points(const ScenarioSpec& spec, std::uint64_t seed, sim::Time duration) {
  assert(duration > sim::Time());
  SinglePointSweep out;
  out.duration = duration;
  const RunResult base = simulate(quiet(spec), seed);
  for (const TenantSpec& t : spec.tenants) {
    for (const TenantFunctionSpec& f : t.functions)
      out.quiet_downtime += sim::Time::seconds(base.whole_seconds_in(f.id, State::kDown));
  }
  for (ComponentId c = 0; c < spec.components.size(); ++c) {
    const RunResult run = simulate(with_lone_failure(spec, c, duration), seed, 0,
                                   {.temperature_traces = false, .strategy_holds = false});
    LoneFailure failure{.component = c, .down = {}, .downtime = {}};
    for (std::uint32_t t = 0; t < spec.tenants.size(); ++t) {
      const auto& functions = spec.tenants[t].functions;
      for (std::uint32_t f = 0; f < functions.size(); ++f) {
        const ComponentId id = functions[f].id;
        // Whole seconds, as the reports list the intervals: a component's total is its functions' sum.
        const sim::Time extra = sim::Time::seconds(run.whole_seconds_in(id, State::kDown) -
                                                   base.whole_seconds_in(id, State::kDown));
        if (extra <= sim::Time()) continue;
        const auto intervals = run.intervals[id];
        const bool open_at_end = !intervals.empty() && intervals.back().ended == kNoChange &&
                                 intervals.back().state == State::kDown;
        failure.down.push_back({.tenant = t,
                                .function = f,
                                .id = id,
                                .downtime = extra,
                                .not_back = open_at_end && duration < spec.horizon});
        failure.downtime += extra;
      }
    }
    out.failures.push_back(std::move(failure));
  }
  std::stable_sort(out.failures.begin(), out.failures.end(), [](const LoneFailure& a, const LoneFailure& b) {
    if (a.down.size() != b.down.size()) return a.down.size() > b.down.size();
    return a.downtime > b.downtime;
  });
  return out;
}

}  // namespace outagesim::models
