#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using outagesim::models::State;

TEST_CASE("standby chillers on their own loop take over after the switch time") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 4, standby_chillers: 4, chiller_kw: 100, standby_switch: 10m}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 2}
)"));
  CHECK(run.intervals("plant", State::kDegraded) == "01:00-01:10");
  CHECK(run.intervals("plant", State::kDown).empty());
}

TEST_CASE("an air-locked shared loop stops every chiller and the standby switch fails") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 4, standby_chillers: 4, chiller_kw: 100, shared_loop: true}
faults:
  - {at: "01:00", target: plant, action: loop_airlock}
operator_actions:
  - {at: "01:10", target: plant, action: switch_to_standby}
  - {at: "05:00", target: plant, action: restore_chillers, count: 2}
  - {at: "07:00", target: plant, action: restore_chillers, count: 2}
)"));
  CHECK(run.intervals("plant", State::kDown) == "01:00-05:00");
  CHECK(run.intervals("plant", State::kDegraded) == "05:00-07:00");
  CHECK(run.result.injection_had_effect == std::vector<bool>{true, false, true, true});
}

TEST_CASE("an air lock on a separate loop leaves the standby chillers to take over") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, standby_chillers: 2, chiller_kw: 100, standby_switch: 5m}
faults:
  - {at: "01:00", target: plant, action: loop_airlock}
)"));
  CHECK(run.intervals("plant", State::kDown) == "01:00-01:05");
}

TEST_CASE("restoring every chiller cancels a pending standby switch") {
  // Regression: the switch timer still fired and journalled a spurious capacity note.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 4, standby_chillers: 4, chiller_kw: 100, standby_switch: 10m}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 2}
operator_actions:
  - {at: "01:05", target: plant, action: restore_chillers, count: 2}
)"));
  CHECK(run.intervals("plant", State::kDegraded) == "01:00-01:05");
  for (const auto& c : run.result.journal) CHECK(c.time <= outagesim::sim::Time::minutes(65));
}

TEST_CASE("a standby switch written as never leaves the standby set to the operators") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 4, standby_chillers: 4, chiller_kw: 100, standby_switch: never}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 2}
operator_actions:
  - {at: "03:00", target: plant, action: switch_to_standby}
)"));
  CHECK(run.intervals("plant", State::kDegraded) == "01:00-03:00");
}
