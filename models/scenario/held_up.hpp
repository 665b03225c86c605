// The "held up" what-if: the spec changed so that one component never fails, whatever its dependencies
// do. Unlike removing its scripted faults (without_faults_on), this also cuts what would bring it down
// through what it needs, so a what-if run asks "what if this one thing had stood?" of every component.
#pragma once

#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

// The spec with `component` held up: every injection on it (faults and operator actions) and its place in
// random failure processes removed, and, by kind:
// - generic services: no needs; databases: a primary that needs nothing, no standby, no proxy; control
//   planes: nodes that need nothing and no extra demand;
// - cooling plants: no power or control needs, no derating by outside air;
// - rooms: no power needs, no sprinklers, and temporary cooling equal to their design cooling from the
//   start, so they hold their setpoint whatever their plant gives;
// - host pools: no heat shutdown and no heat damage. A host pool still stops when its room loses power:
//   that is physics, not a dependency the spec can cut (hold the room up for that).
// Other components are untouched: a dependent of the held component sees it up throughout.
// REQUIRES: component < spec.components.size().
ScenarioSpec held_up(const ScenarioSpec& spec, ComponentId component);

}  // namespace outagesim::models
