// The "held up" what-if: the spec changed so that one component never fails, whatever its dependencies
// do. Unlike removing its scripted faults (without_faults_on), this also cuts what would bring it down
// through what it needs, so a what-if run asks "what if this one thing had stood?" of every component.
#pragma once

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

// The spec with `component` held up: every injection on it (faults and operator actions) and its place in
// random failure processes removed, and, by kind:
// - generic services: no needs; databases: a primary that needs nothing, no standby, no proxy; control
//   planes: nodes that need nothing and no extra demand;
// - cooling plants: no power or control needs, no derating or high-ambient trip by outside air;
// - rooms: no power needs, no sprinklers, and temporary cooling equal to their design cooling from the
//   start, so they hold their setpoint whatever their plant gives;
// - host pools: no heat shutdown and no heat damage. A host pool still stops when its room loses power:
//   that is physics, not a dependency the spec can cut (hold the room up for that).
// Other components are untouched: a dependent of the held component sees it up throughout.
// The operators still act on a cause the held component only passed on: a repair or an operator action
// triggered by the held component's failing (enters_down, enters_degraded, leaves_up), whose trigger fired
// in `base` (the run of `spec` as written) on a cause chain starting elsewhere, starts 1 ms after the time
// it started in `base` (after its cause has settled, as a triggered one is). Without this,
// holding up the hall whose first shutdown started Tokyo 2019's cooling repair left the whole plant
// unrepaired. A chain that starts at the held component (its own fault, which holding it up removes) is
// not replayed, nor a trigger on another component: those fire or not in the held run, as HK's shedding
// does not happen when its plant is held up. So holding up what stands between a cause and a trigger
// (Tokyo's hall room-a1, upstream of the watched pool) can still silence the trigger. A repair's stage
// that waits for the held component to return (returns_up, recovers) goes ahead (it never left), except
// for a host pool whose room went down in `base`: held up, it still stops with its room's power, and its
// return is waited for as written; so is the wait of a stage that in `base` was ready while the
// component stood and never went ahead (it waited in vain, held up or not).
// A stage that waits for a component downstream of the held one to come back (a pool in a held-up room)
// is left as written: whether that component still leaves up shows only in the held run, and
// release_waits_never_met() then lets such a wait go ahead.
// Limits: a trigger fires once, so only its first firing is replayed; a stage that waits for the held
// component to fail (enters_down, enters_degraded, leaves_up) still waits for ever, and what waits for that
// repair with it.
// REQUIRES: component < spec.components.size(); base is a run of spec.
ScenarioSpec held_up(const ScenarioSpec& spec, ComponentId component, const RunResult& base);

// After `run`, a run of `held` (a held_up() spec of the run `base`): a stage that in `run` still waits at
// the end for a component to come back (returns_up, recovers) that has stood since the stage was ready,
// having waited in `base` on an outage of it (it went ahead there, or the component was out when it was
// ready), waits for something that cannot happen; its waits on such components are marked met while the
// component is up, one stage at a time (the first ready), since what it then does may make another stage's
// wait real. A wait marked so whose component does leave up after its stage was ready is unmarked first.
// Returns whether anything changed, in which case `held` is to be run again and passed here again
// (component_ranking.cpp bounds the rounds; in practice they end within a few).
bool release_waits_never_met(ScenarioSpec& held, const RunResult& base, const RunResult& run);

}  // namespace outagesim::models
