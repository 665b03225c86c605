#include "models/results/temperature_trace.hpp"

#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using outagesim::sim::Time;

TEST_CASE("a room's trace gives its peak, 5-minute samples and every threshold crossing") {
  // Sealed room: 500 kW of heat, 1000 kW of cooling, 60000 kJ/°C. No cooling from 01:00 to 02:00: up
  // 0.5 °C/min to 54 °C, then down 0.5 °C/min.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 250}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000,
     base_load_kw: 50, alarm_c: 30, sprinkler_c: 60}
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, shutdown_c: 50}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 4}
operator_actions:
  - {at: "02:00", target: plant, action: restore_chillers, count: 4}
)"));
  REQUIRE(run.result.rooms.size() == 1);
  const auto& trace = run.result.rooms[0];
  CHECK(trace.room == run.id("room"));
  // The hosts shut down at 50 °C (01:52); the base load alone then adds 0.05 °C/min for 8 minutes.
  CHECK(trace.peak_c == Approx(50.4));
  CHECK(trace.peak_at == Time::hours(2));
  REQUIRE(trace.samples.size() == 24 * 12 + 1);
  CHECK(trace.samples[12].c == Approx(24));  // 01:00
  CHECK(trace.samples[18].c == Approx(39));  // 01:30
  CHECK(trace.samples.back().c == Approx(24));
  std::vector<std::string> crossings;
  for (const auto& x : trace.crossings) {
    crossings.push_back(trace.thresholds[x.threshold].name + (x.rising ? " up " : " down ") + clock(x.at));
  }
  // Falling with 50 kW of heat against 1000 kW of cooling, 0.95 °C/min, to the alarm threshold, where
  // the hosts restart: then 0.5 °C/min to the setpoint.
  CHECK(crossings == std::vector<std::string>{"alarm up 01:12", "shutdown hosts up 01:52",
                                              "shutdown hosts down 02:00:25", "alarm down 02:21:28",
                                              "setpoint down 02:33:28"});
}
