// What to fix first: for each component, the tenant-function downtime its state held in one run (from
// downtime segments), the downtime saved in a what-if run with its faults removed and in one with it held
// up, and the tenants it touched. Runs the scenario once, once per component with faults on it, and once
// per component held up.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "models/scenario/scenario_spec.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

struct ComponentRank {
  ComponentId component = kNoComponent;
  // Tenant-function down time in segments it held (the provider's time; the tenants' own steps count
  // for no component).
  sim::Time attributed;
  // The same time by where the segments' cause chains end: the component of the root change (a fault on
  // it, an operator action on it), which the held time passes over (a room shut by a plant's failure).
  sim::Time rooted;
  // All tenant functions' down time in the base run less that of the run without its faults; none when
  // no scripted fault targets it (a component that fails only through what it needs, or by its physics).
  std::optional<sim::Time> saved;
  // All tenant functions' down time in the base run less that of a run with the component held up, never
  // failing whatever its dependencies do (held_up.hpp); negative when holding it up costs time (a
  // failover it would have triggered).
  sim::Time held_up_saved;
  // Indices into spec.repairs of repairs that started in the base run and never in the held-up run: a
  // trigger on another component that holding this one up silenced (the repair is then missing from the
  // held-up run, and its saving reads a cost).
  std::vector<std::uint32_t> held_up_silenced;
  // Indices into spec.tenants of tenants with a function it held, or that waited on it directly.
  std::vector<std::uint32_t> tenants;
};

struct ComponentRanking {
  bool not_up = false;  // every time below counts the time not up (down or degraded), not the downtime
  sim::Time total;  // all tenant functions' down time in the base run, in whole seconds as `run` counts it
  std::vector<ComponentRank> ranks;  // components with any time, a saving or tenants; most held first
};

// The spec with every scripted fault on `component` removed (operator actions stay; they lift or shed,
// and a repair of a fault that never happened does nothing). Random failure processes stay as they are.
ScenarioSpec without_faults_on(const ScenarioSpec& spec, ComponentId component);

// REQUIRES: a spec the loader validated. `not_up`: count the tenant functions' degraded time too, in the
// held time, the root time and the savings alike.
ComponentRanking rank_components(const ScenarioSpec& spec, std::uint64_t seed, bool not_up = false);

}  // namespace outagesim::models
