// The single-point-of-failure sweep: each component failed alone at the start of an otherwise quiet
// scenario, for a given time, and the tenant functions that go down because of it. It answers "what in
// this region can take us down on its own?" without a particular incident.
#pragma once

#include <cstdint>
#include <vector>

#include "models/scenario/scenario_spec.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

struct FunctionHit {
  std::uint32_t tenant = 0;       // index into spec.tenants
  std::uint32_t function = 0;     // index into that tenant's functions
  ComponentId id = kNoComponent;  // the function's vertex
  // Its down time in the run with the lone failure, less that in the quiet run (the time the failure
  // cost, its own recovery steps after the repair included).
  sim::Time downtime;
  // Still down at the end although the component was repaired: nothing in a sweep restarts what the failure
  // left stopped (chillers tripped with no automatic restart, a hall shed), so `downtime` runs to the end.
  bool not_back = false;
};

struct LoneFailure {
  ComponentId component = kNoComponent;
  std::vector<FunctionHit> down;  // tenant functions it took down, in spec order
  sim::Time downtime;             // their down time together
};

struct SinglePointSweep {
  sim::Time duration;  // how long each component stayed failed
  // All tenant functions' down time in the quiet run: no scripted faults, operator actions, repairs or
  // random failures (0 unless the region fails by itself, from its weather say).
  sim::Time quiet_downtime;
  // One per component: those that take the most functions down first, then the most time, then in
  // component order.
  std::vector<LoneFailure> failures;
};

// The spec with nothing happening to it: its injections, repairs and random failure processes removed,
// and its uncertain inputs fixed at their nominal values.
ScenarioSpec quiet(const ScenarioSpec& spec);
// quiet(spec) with `component` failed at the start and repaired `duration` later (never, when that is at
// or past the horizon).
ScenarioSpec with_lone_failure(const ScenarioSpec& spec, ComponentId component, sim::Time duration);

// Runs the quiet scenario once and once per component.
// REQUIRES: a spec the loader validated; duration > 0.
SinglePointSweep sweep_single_points(const ScenarioSpec& spec, std::uint64_t seed, sim::Time duration);

}  // namespace outagesim::models
