// A repair process: a chain of stages, each of which may wait for something to happen, then needs
// people of one crew for a duration (or for an amount of work shared among them). The repair starts when
// its trigger fires. What a stage achieves (a chiller running again, a room cleared) is an operator
// action triggered by the stage's end, so repairs act on the region only through actions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/operations/trigger.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

struct StageSpec {
  std::string name;
  // Either a duration (the people are held for all of it)...
  sim::Time duration;
  // ...or work in person-time, shared by the people: duration = work / people.
  std::optional<sim::Time> work;
  std::optional<std::uint32_t> crew;  // index into ScenarioSpec::crews; none: no people needed
  std::uint32_t people = 0;           // > 0 when `crew` is set; at most the crew's max_headcount()
  std::int32_t priority = 0;          // lower is served first when requests for a crew compete
  // Each must happen at or after the repair starts, except the states (a room cool or open to people, a
  // repair or stage done), which need only hold.
  std::vector<TriggerSpec> wait_for;

  // How long the stage takes once its people are there: all of them, or `with` of them for work.
  sim::Time elapsed() const { return elapsed_with(people); }
  sim::Time elapsed_with(std::uint32_t with) const;
};

struct RepairSpec {
  std::string name;
  std::vector<TriggerSpec> when;  // the first of these to fire starts it; empty: starts at `at`
  sim::Time at;                   // with no trigger
  sim::Time delay;                // after the trigger
  // Any of these happening after it was triggered (or, with `at`, after the start) and before it ends
  // calls it off: a stage in progress stops, its people leave and no later stage runs. Empty: nothing does.
  std::vector<TriggerSpec> cancel_when;
  std::vector<StageSpec> stages;  // not empty
  std::string note;
};

}  // namespace outagesim::models
