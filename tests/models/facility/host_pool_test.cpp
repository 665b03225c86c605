#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using outagesim::models::State;

namespace {
constexpr const char* kTwoRooms = R"(
crews: [{name: ops, headcount: 1}]
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: room-a, kind: room, cooling: plant, design_cooling_kw: 500, thermal_mass_kj_per_c: 60000, base_load_kw: 0}
  - {name: room-b, kind: room, cooling: plant, design_cooling_kw: 500, thermal_mass_kj_per_c: 60000, base_load_kw: 0}
  - {name: a, kind: host_pool, room: room-a, hosts: 10, kw_per_host: 10, power_on: 10m, checks: 30m, crew: ops, restart_priority: 2}
  - {name: b, kind: host_pool, room: room-b, hosts: 10, kw_per_host: 10, power_on: 10m, checks: 30m, crew: ops, restart_priority: 1}
)";
}  // namespace

TEST_CASE("a crew powers pools on one at a time, most urgent first; checks run in parallel") {
  const Run run = run_yaml(scenario_yaml(std::string(kTwoRooms) + R"(
operator_actions:
  - {at: "01:00", target: a, action: shed_load}
  - {at: "01:00", target: b, action: shed_load}
)"));
  // Shed with cooling at hand, both may restart at once: b (priority 1) powers on 01:00-01:10, a then
  // 01:10-01:20; each checks for 30 minutes after.
  CHECK(run.intervals("b") == "01:00-01:40");
  CHECK(run.intervals("a") == "01:00-01:50");
}

TEST_CASE("a failed pool restarts through its crew after repair") {
  const Run run = run_yaml(scenario_yaml(std::string(kTwoRooms) + R"(
faults:
  - {at: "01:00", target: a, action: fail}
  - {at: "03:00", target: a, action: repair}
)"));
  CHECK(run.intervals("a") == "01:00-03:40");
  CHECK(run.intervals("b").empty());
}

TEST_CASE("shedding a pool that is already off has no effect") {
  const Run run = run_yaml(scenario_yaml(std::string(kTwoRooms) + R"(
faults:
  - {at: "01:00", target: a, action: fail}
operator_actions:
  - {at: "01:30", target: a, action: shed_load}
)"));
  CHECK(run.result.injection_had_effect == std::vector<bool>{true, false});
}
