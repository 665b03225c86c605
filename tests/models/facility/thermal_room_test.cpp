#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "models/results/cause_chain.hpp"
#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using outagesim::models::ChangeId;
using outagesim::models::State;

namespace {
// A sealed room (no heat loss) rises linearly: (450 kW hosts + 50 kW base) / 60000 kJ/°C = 0.5 °C/min
// from 24 °C once its plant stops at 01:00. Unpowered and cooled at full plant capacity (1000 kW), it
// falls 1 °C/min.
constexpr const char* kRoom = R"(
crews: [{name: ops}]
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 250}
  - name: room
    kind: room
    cooling: plant
    design_cooling_kw: 1000
    thermal_mass_kj_per_c: 60000
    heat_loss_kw_per_c: 0
    base_load_kw: 50
    setpoint_c: 24
    alarm_c: 30
)";
}  // namespace

TEST_CASE("a room that loses cooling overheats and its hosts shut down at their threshold") {
  const Run run = run_yaml(scenario_yaml(std::string(kRoom) + R"(
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, shutdown_c: 40, crew: ops}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 4}
)"));
  CHECK(run.intervals("room", State::kDegraded) == "01:12-end");  // 6 °C at 0.5 °C/min
  CHECK(run.intervals("hosts") == "01:32-end");                   // 16 °C
}

TEST_CASE("sprinklers damage the room, it is repowered after checks once cooled, then hosts restart") {
  const Run run = run_yaml(scenario_yaml(std::string(kRoom) + R"(
    sprinkler_c: 45
    damage_checks: 1h
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, power_on: 10m, checks: 20m, crew: ops}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 4}
operator_actions:
  - {at: "03:00", target: plant, action: restore_chillers, count: 4}
)"));
  // 21 °C to the sprinklers at 0.5 °C/min; unpowered and sealed it stays at 45 °C until cooling returns at
  // 03:00, then falls 1 °C/min to the alarm threshold (15 min); checks take 1 h; hosts then take 30 min.
  CHECK(run.intervals("room", State::kDown) == "01:42-04:15");
  CHECK(run.intervals("hosts") == "01:42-04:45");
}

TEST_CASE("hosts restart only when the room's cooling can carry its full load") {
  const Run run = run_yaml(scenario_yaml(std::string(kRoom) + R"(
  - {name: hosts, kind: host_pool, room: room, hosts: 60, kw_per_host: 10, shutdown_c: 40, crew: ops}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 4}
operator_actions:
  - {at: "03:00", target: plant, action: restore_chillers, count: 2}
  - {at: "05:00", target: plant, action: restore_chillers, count: 1}
)"));
  // 650 kW heat 16 °C at 0.65 °C/min: shutdown 24 min 37 s after 01:00. Full load is 650 kW: two
  // chillers (500 kW) cool the room below alarm but cannot carry it; three (750 kW) can.
  CHECK(run.intervals("hosts") == "01:24:36-05:00");
}

TEST_CASE("a room rides through a power loss on its UPS, then goes dark until power returns") {
  // The first loss drains 5 of the 10 minutes; 55 minutes at 10 minutes an hour refill them.
  const Run run = run_yaml(scenario_yaml(std::string(kRoom) + R"(
    power: feed
    ups_ride_through: 10m
    ups_recharge: 1h
  - {name: feed, kind: power_feed}
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, shutdown_c: 40, power_on: 5m, crew: ops}
faults:
  - {at: "01:00", target: feed, action: fail}
  - {at: "01:05", target: feed, action: repair}
  - {at: "02:00", target: feed, action: fail}
  - {at: "03:00", target: feed, action: repair}
)"));
  CHECK(run.intervals("room") == "02:10-03:00");
  CHECK(run.intervals("hosts") == "02:10-03:05");
}

TEST_CASE("a UPS rides through only what it has recharged since the last loss") {
  // Blind trial K: the UPS was full again at every return of power, so three 8-minute losses 2 minutes
  // apart never darkened a hall on a 10-minute UPS. The default recharge takes 8 h from empty: after the
  // first loss 2 min are left, and 2 min of power add 2.5 s.
  const auto room_dark = [](const std::string& recharge) {
    return run_yaml(scenario_yaml(std::string(kRoom) + R"(
    power: feed
    ups_ride_through: 10m
)" + recharge + R"(
  - {name: feed, kind: power_feed}
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, shutdown_c: 40, power_on: 5m, crew: ops}
faults:
  - {at: "01:00", target: feed, action: fail}
  - {at: "01:08", target: feed, action: repair}
  - {at: "01:10", target: feed, action: fail}
  - {at: "01:18", target: feed, action: repair}
  - {at: "01:20", target: feed, action: fail}
  - {at: "01:28", target: feed, action: repair}
)"))
        .intervals("room");
  };
  CHECK(room_dark("") == "01:12:02-01:18, 01:20:02-01:28");
  // Recharged in 4 minutes, 2 minutes of power give 5 minutes back: 7 minutes then 5 are left.
  CHECK(room_dark("    ups_recharge: 4m") == "01:17-01:18, 01:25-01:28");
  CHECK(room_dark("    ups_recharge: 1m") == "");
}

TEST_CASE("power back and lost again at the same instant gives the UPS nothing back") {
  // Blind trial K: breakers found bad as the generators came back (a fault triggered on their return)
  // refilled the UPS in no time, and the hall read powered for 4 more minutes.
  const Run run = run_yaml(scenario_yaml(std::string(kRoom) + R"(
    power: breakers
    ups_ride_through: 4m
  - {name: generators, kind: power_feed}
  - {name: breakers, kind: power_feed, needs: generators}
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, shutdown_c: 40, power_on: 5m, crew: ops}
faults:
  - {at: "01:00", target: generators, action: fail}
  - {at: "02:00", target: generators, action: repair}
  - {when: {component: generators, event: returns_up}, target: breakers, action: fail}
  - {at: "04:00", target: breakers, action: repair}
)"));
  // Two intervals back to back, each with its own cause (the generators, then the breakers), as for any
  // return undone in its instant by what it triggered; never powered in between.
  CHECK(run.intervals("room") == "01:04-02:00, 02:00-04:00");
  CHECK(run.intervals("hosts") == "01:04-04:05");
}

TEST_CASE("a room cut to a share of its plant's cooling overheats alone, and owes it to that cut") {
  // Blind trial L: a chilled-water valve mis-set in one hall (Equinix Singapore 2023) could be written
  // only as the whole plant's fault, which took every hall.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 600}
  - {name: hall-a, kind: room, cooling: plant, design_cooling_kw: 600, thermal_mass_kj_per_c: 60000}
  - {name: hall-b, kind: room, cooling: plant, design_cooling_kw: 600, thermal_mass_kj_per_c: 60000}
  - {name: hosts-a, kind: host_pool, room: hall-a, hosts: 250, kw_per_host: 2, shutdown_c: 40}
  - {name: hosts-b, kind: host_pool, room: hall-b, hosts: 250, kw_per_host: 2, shutdown_c: 40}
faults:
  - {at: "02:00", target: hall-a, action: set_capacity, share: 0.5}
  - {at: "06:00", target: hall-a, action: set_capacity, share: 1}
)"));
  // 500 kW of hosts against 300 kW of cooling: +12 °C an hour, the alarm at 02:40.
  using outagesim::models::State;
  CHECK(run.intervals("hall-a", State::kDegraded) == "02:40-03:46:40");
  CHECK(run.intervals("hall-b", State::kDegraded).empty());
  CHECK(run.intervals("plant", State::kDegraded).empty());
  // Cooled below its alarm with its hosts off, the hall still cannot carry them: they wait for the air
  // handlers, as for a chiller to restore (review 10: they restarted in part at 03:46:40).
  CHECK(run.intervals("hosts-a") == "03:20-06:00");
  const auto& journal = run.result.journal;
  const auto overheated = std::find_if(journal.begin(), journal.end(), [&](const auto& c) {
    return c.component == run.id("hall-a") && c.cause.reason == outagesim::models::Reason::kOverheating;
  });
  REQUIRE(overheated != journal.end());
  REQUIRE(overheated->cause.trigger < journal.size());
  CHECK(journal[overheated->cause.trigger].cause.injection == 0);  // the set_capacity at 02:00
}

TEST_CASE(
    "a room's share cut, partly restored, owes its heat to the cut and its cool-down to what came back") {
  // Review 10: the partial restore was blamed for the overheating, and a cool-down brought by the plant's
  // repair was credited to an earlier share cut.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 600}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1200, thermal_mass_kj_per_c: 60000}
  - {name: hosts, kind: host_pool, room: hall, hosts: 500, kw_per_host: 2}
faults:
  - {at: "02:00", target: hall, action: set_capacity, share: 0.3}
  - {at: "02:10", target: hall, action: set_capacity, share: 0.5}
  - {at: "02:30", target: hall, action: set_capacity, share: 1}
  - {at: "07:00", target: hall, action: set_capacity, share: 0.95}
  - {at: "08:00", target: plant, action: fail}
  - {at: "08:15", target: plant, action: repair}
)"));
  using outagesim::models::Reason;
  const auto& journal = run.result.journal;
  std::vector<const outagesim::models::StateChange*> hall;
  for (const auto& c : journal) {
    if (c.component == run.id("hall") &&
        (c.cause.reason == Reason::kOverheating || c.cause.reason == Reason::kCooledDown))
      hall.push_back(&c);
  }
  REQUIRE(hall.size() == 4);
  // Overheated after 02:00: the cut to 30 %, not the partial restore to 50 % at 02:10 (injection 1).
  CHECK(journal[hall[0]->cause.trigger].cause.injection == 0);
  // Cooled after 02:30: the share back (injection 2).
  CHECK(journal[hall[1]->cause.trigger].cause.injection == 2);
  // Overheated after 08:00: the plant's fail (injection 4); cooled: its repair (injection 5), not the
  // harmless cut to 95 % at 07:00.
  CHECK(journal[hall[2]->cause.trigger].cause.injection == 4);
  CHECK(journal[hall[3]->cause.trigger].cause.injection == 5);
}

TEST_CASE("a feed a share of 0 took down comes back with a share of 1") {
  // Review 10: share 1 was refused on a feed a room draws on, and a repair had no effect: dark to the end.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: generators, kind: power_feed}
  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 1000}
  - {name: hall, kind: room, cooling: plant, power: generators, design_cooling_kw: 500, thermal_mass_kj_per_c: 60000}
faults:
  - {at: "01:00", target: generators, action: set_capacity, share: 0}
  - {at: "02:00", target: generators, action: set_capacity, share: 1}
)"));
  CHECK(run.intervals("hall") == "01:00-02:00");
}

TEST_CASE("a UPS that is lost gives no ride-through, and a hall riding on it goes dark at once") {
  // Blind trial N (session 31): a hall rode through 30 minutes on a UPS whose battery room was on fire,
  // so a bigger UPS "helped" in a fire.
  const auto run_with = [](const std::string& faults) {
    return run_yaml(scenario_yaml(R"(
components:
  - {name: grid, kind: power_feed}
  - {name: ups-unit, kind: power_feed}
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 1000}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 100000,
     power: grid, ups_ride_through: 30m, ups: ups-unit}
faults:
)" + faults));
  };
  CHECK(run_with("  - {at: \"01:00\", target: grid, action: fail}\n").intervals("hall") == "01:30-end");
  CHECK(run_with("  - {at: \"01:00\", target: grid, action: fail}\n"
                 "  - {at: \"01:10\", target: ups-unit, action: fail}\n")
            .intervals("hall") == "01:10-end");
  CHECK(run_with("  - {at: \"00:30\", target: ups-unit, action: fail}\n"
                 "  - {at: \"01:00\", target: grid, action: fail}\n")
            .intervals("hall") == "01:00-end");
  // The UPS lost while the grid serves changes nothing by itself.
  CHECK(run_with("  - {at: \"00:30\", target: ups-unit, action: fail}\n").intervals("hall") == "");
  // Dark, the hall draws nothing from the battery (review 11): 20 minutes left at 01:10, 37.5 s more
  // recharged from 01:30 to 01:40 (30 minutes in 8 hours).
  CHECK(run_with("  - {at: \"01:00\", target: grid, action: fail}\n"
                 "  - {at: \"01:10\", target: ups-unit, action: fail}\n"
                 "  - {at: \"01:20\", target: ups-unit, action: repair}\n"
                 "  - {at: \"01:30\", target: grid, action: repair}\n"
                 "  - {at: \"01:40\", target: grid, action: fail}\n")
            .intervals("hall") == "01:10-01:30, 02:00:37-end");
}

TEST_CASE("a hall switched off or failed while it rides on its UPS draws nothing from the battery") {
  // Session 31 left alone: an operator power_off of a hall riding on its UPS still drained the battery,
  // so switching it back on found the UPS spent. The grid is out from 01:00 to 03:00 on a 30-minute UPS.
  const auto run_with = [](const std::string& actions) {
    return run_yaml(scenario_yaml(R"(
components:
  - {name: grid, kind: power_feed}
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 1000}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 100000,
     power: grid, ups_ride_through: 30m}
faults:
  - {at: "01:00", target: grid, action: fail}
  - {at: "03:00", target: grid, action: repair}
)" + actions));
  };
  CHECK(run_with("").intervals("hall") == "01:30-03:00");
  // Off from 01:10 to 02:00: 20 minutes left when it is switched back on.
  CHECK(run_with("operator_actions:\n"
                 "  - {at: \"01:10\", target: hall, action: power_off}\n"
                 "  - {at: \"02:00\", target: hall, action: power_on}\n")
            .intervals("hall") == "01:10-02:00, 02:20-03:00");
  // Failed (a fire in the hall) from 01:05 to 02:30: 25 minutes left, dark again at 02:55.
  CHECK(run_with("  - {at: \"01:05\", target: hall, action: fail}\n"
                 "  - {at: \"02:30\", target: hall, action: repair}\n")
            .intervals("hall") == "01:05-02:30, 02:55-03:00");
}

TEST_CASE("a room's heat owes to its latest cut, not to a deeper one it had recovered from") {
  // Review 11: cut to 30 % (never alarmed), back to 80 %, then to 50 %: the heat read the first cut.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 600}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1200, thermal_mass_kj_per_c: 600000}
  - {name: hosts, kind: host_pool, room: hall, hosts: 500, kw_per_host: 2}
faults:
  - {at: "02:00", target: hall, action: set_capacity, share: 0.3}
  - {at: "02:20", target: hall, action: set_capacity, share: 0.8}
  - {at: "04:00", target: hall, action: set_capacity, share: 0.5}
)"));
  const auto& journal = run.result.journal;
  const auto overheated = std::find_if(journal.begin(), journal.end(), [&](const auto& c) {
    return c.component == run.id("hall") && c.cause.reason == outagesim::models::Reason::kOverheating;
  });
  REQUIRE(overheated != journal.end());
  CHECK(clock(overheated->time) > "04:00");
  CHECK(journal[overheated->cause.trigger].cause.injection == 2);
}

TEST_CASE("operators can cut and restore a room's power") {
  const Run run = run_yaml(scenario_yaml(std::string(kRoom) + R"(
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, power_on: 5m, checks: 5m, crew: ops}
operator_actions:
  - {at: "01:00", target: room, action: power_off}
  - {at: "02:00", target: room, action: power_on}
)"));
  CHECK(run.intervals("room") == "01:00-02:00");
  CHECK(run.intervals("hosts") == "01:00-02:10");
}

TEST_CASE("hosts restart in a room that holds its setpoint only with the help of its heat loss") {
  // Regression: the loader accepted the room (cooling plus passive loss carry the load) but restarts
  // asked for cooling alone, so the pool never came back.
  const Run run = run_yaml(scenario_yaml(R"(
crews: [{name: ops}]
components:
  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 480}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 480, thermal_mass_kj_per_c: 60000,
     heat_loss_kw_per_c: 10, outside_c: 20, setpoint_c: 24, alarm_c: 30}
  - {name: hosts, kind: host_pool, room: room, hosts: 50, kw_per_host: 10, power_on: 5m, crew: ops}
operator_actions:
  - {at: "01:00", target: hosts, action: shed_load}
)"));
  CHECK(run.intervals("hosts") == "01:00-01:05");  // 500 kW: 480 kW of cooling and 40 kW of loss
}

TEST_CASE("a threshold reached in the same millisecond as another event is not skipped") {
  // Regression: an event at the crossing's millisecond brought the room to the threshold first; the
  // crossing was then dropped as already passed and the hosts never shut down.
  const Run run = run_yaml(scenario_yaml(std::string(kRoom) + R"(
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, shutdown_c: 40, crew: ops}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 4}
operator_actions:
  - {at: "01:32", target: room, action: auxiliary_cooling, kw: 0}
)"));
  CHECK(run.intervals("hosts") == "01:32-end");
}

TEST_CASE("removing more auxiliary cooling than was added keeps the plant's share") {
  // Regression: a negative total ate into the plant's cooling.
  const Run run = run_yaml(scenario_yaml(std::string(kRoom) + R"(
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, shutdown_c: 40, crew: ops}
operator_actions:
  - {at: "01:00", target: room, action: auxiliary_cooling, kw: 100}
  - {at: "02:00", target: room, action: auxiliary_cooling, kw: -800}
  - {at: "03:00", target: room, action: auxiliary_cooling, kw: -100}
)"));
  CHECK(run.intervals("room", State::kDegraded).empty());
  // Removing from none changes nothing (session 24's blind trial: it read as done).
  CHECK(run.result.injection_had_effect == std::vector<bool>{true, true, false});
}

TEST_CASE("a partial chiller restore is not blamed for the overheating it only slowed") {
  // Regression: the room's cause pointed at the plant's latest change, the restore of one chiller, and the
  // fault that stopped all four fell out of the chain. 500 kW of heat against 250 kW: still rising.
  const Run run = run_yaml(scenario_yaml(std::string(kRoom) + R"(
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, crew: ops}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 4}
operator_actions:
  - {at: "01:05", target: plant, action: restore_chillers, count: 1}
)"));
  REQUIRE(run.intervals("room", State::kDegraded) != "");
  const auto& overheated = run.result.intervals[run.id("room")].front();
  REQUIRE(overheated.state == State::kDegraded);
  CHECK(outagesim::models::root_injection(run.result, overheated.began) == 0);  // the fault, not the restore
}

TEST_CASE("a rise through a watched temperature after a partial restore blames the loss, not the restore") {
  // Regression (session 25's blind trial): an operators' policy at 35 °C shed hosts whose chain ran
  // through "chillers restored, 1 running" back to the restore, not to the fault that stopped the four.
  const Run run = run_yaml(scenario_yaml(std::string(kRoom) + R"(
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, crew: ops}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 4}
operator_actions:
  - {at: "01:05", target: plant, action: restore_chillers, count: 1}
  - {when: {component: room, event: above_c, c: 35}, target: hosts, action: shed_load}
)"));
  const ChangeId moment = run.result.injection_fired_by[2];
  REQUIRE(moment != outagesim::models::kNoChange);
  bool reaches_restore = false;
  for (ChangeId c = moment; c != outagesim::models::kNoChange; c = run.result.journal[c].cause.trigger) {
    reaches_restore = reaches_restore || run.result.journal[c].cause.injection == 1u;
  }
  CHECK(outagesim::models::root_injection(run.result, moment) == 0);  // the fault
  CHECK_FALSE(reaches_restore);
}

TEST_CASE(
    "outside air hotter than the room lets no heat in, and once hotter than the air the room loses heat") {
  // Regression (session 24's blind trial): on a 40 °C day the loss term, written for a building with its
  // doors and vents open, brought 16 % of design cooling into healthy halls, which then overheated and
  // kept hosts dark for hours after a repair. The doors are shut on a day hotter than the room.
  SECTION("a healthy room on a hot day holds its setpoint") {
    const Run run = run_yaml(scenario_yaml(R"(
weather:
  outside_c: [{at: "00:00", c: 20}, {at: "12:00", c: 34}]
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 250}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000,
     heat_loss_kw_per_c: 10, alarm_c: 30}
  - {name: hosts, kind: host_pool, room: room, hosts: 100, kw_per_host: 10}
)"));
    CHECK(run.intervals("room", State::kDegraded).empty());
  }
  SECTION("without cooling it rises linearly to the air's 34 °C, then loses heat to it") {
    const Run run = run_yaml(scenario_yaml(R"(
weather:
  outside_c: 34
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 250}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000,
     heat_loss_kw_per_c: 10, alarm_c: 30}
  - {name: hosts, kind: host_pool, room: room, hosts: 100, kw_per_host: 10, shutdown_c: 40}
faults:
  - {at: "01:00", target: plant, action: fail}
)"));
    // 1000 kW into 60000 kJ/°C: 1 °C a minute, so 30 °C at 01:06 and 34 °C at 01:10. From there toward
    // 34 + 1000 / 10 = 134 °C with a time constant of 6000 s: 40 °C after -ln(1 - 6/100) x 6000 s =
    // 371.3 s, at 01:16:11.3 (a symmetric loss would have taken heat in from 24 °C on, and reached 30 °C at
    // 01:05:37).
    CHECK(run.intervals("room", State::kDegraded) == "01:06-end");
    CHECK(run.intervals("hosts") == "01:16:11-end");
  }
}

TEST_CASE("a room's own outside_c overrides the scenario's weather") {
  // 1100 kW against 1000 kW of cooling: toward 25 + 10 = 35 °C in the weather's air, past the alarm;
  // toward 10 + 10 = 20 °C in the room's own, so it holds its setpoint.
  const Run run = run_yaml(scenario_yaml(R"(
weather:
  outside_c: 25
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 250}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000,
     heat_loss_kw_per_c: 10, outside_c: 10, alarm_c: 30}
  - {name: hosts, kind: host_pool, room: room, hosts: 110, kw_per_host: 10}
)"));
  CHECK(run.intervals("room", State::kDegraded).empty());
}

TEST_CASE("a hotter day makes a room overheat and its hosts shut down earlier") {
  const auto shutdown_at = [](const std::string& outside_c) {
    const Run run = run_yaml(scenario_yaml(R"(
weather:
  outside_c: )" + outside_c + R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 250, rated_outside_c: 30, derate_pct_per_c: 2}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000,
     heat_loss_kw_per_c: 10, alarm_c: 30}
  - {name: hosts, kind: host_pool, room: room, hosts: 90, kw_per_host: 10, shutdown_c: 40}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 2}
)"));
    REQUIRE_FALSE(run.result.intervals[run.id("hosts")].empty());
    return run.result.intervals[run.id("hosts")][0].start;
  };
  const auto mild = shutdown_at("20");
  const auto hot = shutdown_at("35");
  CHECK(hot < mild);
}

namespace {
// The room above with a structure six times its mass, coupled at 10 kW/°C. Sealed, with the plant
// stopped, the exact two-node solution from T = S = 24 °C is T(t) = 24 + H t / (C + Cs) + Cs / (C + Cs) *
// D(t), where the air's lead over the structure D(t) = (H tau / C) (1 - exp(-t / tau)) and
// tau = 1 / (K (1 / C + 1 / Cs)).
constexpr double kHeatKw = 500;
constexpr double kMass = 60000;
constexpr double kStructureMass = 360000;
constexpr double kCoupling = 10;

double two_node_seconds_to(double target_c, double coupling = kCoupling) {
  const double tau = 1 / (coupling * (1 / kMass + 1 / kStructureMass));
  const auto temp = [&](double t) {
    return 24 + kHeatKw * t / (kMass + kStructureMass) +
           kStructureMass / (kMass + kStructureMass) * (kHeatKw * tau / kMass) * (1 - std::exp(-t / tau));
  };
  double lo = 0;
  double hi = 1e6;
  for (int i = 0; i < 100; ++i) {
    const double mid = (lo + hi) / 2;
    (temp(mid) < target_c ? lo : hi) = mid;
  }
  return lo;
}

double first_start_seconds(const Run& run, std::string_view name, State state) {
  for (const auto& i : run.result.intervals[run.id(name)]) {
    if (i.state == state) return i.start.to_seconds();
  }
  return -1;
}

constexpr const char* kStructure = R"(
    structure_mass_kj_per_c: 360000
    structure_coupling_kw_per_c: 10
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, shutdown_c: 40, crew: ops}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 4}
)";
}  // namespace

TEST_CASE("a room with a structure heats as the exact two-node solution, within a minute") {
  const Run run = run_yaml(scenario_yaml(std::string(kRoom) + kStructure));
  // The air's first minutes go as in a room of one mass (0.5 °C/min); then the slabs take a growing share.
  const double alarm = 3600 + two_node_seconds_to(30);  // 01:12:47
  const double trip = 3600 + two_node_seconds_to(40);   // 01:38:23, against 01:32 with one mass
  CHECK(std::abs(first_start_seconds(run, "room", State::kDegraded) - alarm) < 60);
  CHECK(std::abs(first_start_seconds(run, "hosts", State::kDown) - trip) < 60);
}

TEST_CASE("a structure coupled as tightly as allowed still heats as the exact two-node solution") {
  // Regression (session 26's review): at the largest coupling (the structure's time constant an hour:
  // 100 kW/°C here) the air follows the structure in 10 minutes, and 5-minute steps put the alarm minutes
  // late (22 minutes in the review's larger room).
  std::string structure = kStructure;
  structure.replace(structure.find("coupling_kw_per_c: 10"), 21, "coupling_kw_per_c: 100");
  const Run run = run_yaml(scenario_yaml(std::string(kRoom) + structure));
  const double alarm = 3600 + two_node_seconds_to(30, 100);
  const double trip = 3600 + two_node_seconds_to(40, 100);
  CHECK(std::abs(first_start_seconds(run, "room", State::kDegraded) - alarm) < 60);
  CHECK(std::abs(first_start_seconds(run, "hosts", State::kDown) - trip) < 60);
}

TEST_CASE("a room's structure soaks up a long excursion: the room is back below alarm sooner") {
  const std::string restore = R"(
operator_actions:
  - {at: "05:00", target: plant, action: restore_chillers, count: 4}
)";
  const Run one_mass = run_yaml(scenario_yaml(std::string(kRoom) + R"(
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, shutdown_c: 40, crew: ops}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 4}
)" + restore));
  const Run with_structure = run_yaml(scenario_yaml(std::string(kRoom) + kStructure + restore));
  // With its hosts tripped, the sealed room of one mass climbs on its 50 kW base load to about 50 °C by
  // 05:00 and needs 21 minutes at full cooling to fall to 30 °C; the slabs have taken that heat, so the
  // air is cooler when the chillers return and falls below the alarm sooner.
  const auto end_of_overheating = [](const Run& run) {
    for (const auto& i : run.result.intervals[run.id("room")]) {
      if (i.state == State::kDegraded) return i.end.to_seconds();
    }
    return -1.0;
  };
  CHECK(end_of_overheating(one_mass) == Approx(5 * 3600 + 21 * 60).margin(120));
  CHECK(end_of_overheating(with_structure) < end_of_overheating(one_mass) - 10 * 60);
}

TEST_CASE("a UPS spent in the instant its hall is switched off leaves the hall dark when switched on") {
  // Review 12 (session 32): switched off as the battery ran out, the hall read powered with nothing in the
  // battery and, switched on with the grid still out, returned up for no time (a returns_up fired).
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: grid, kind: power_feed}
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 1000}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 100000,
     power: grid, ups_ride_through: 30m}
faults:
  - {at: "01:00", target: grid, action: fail}
  - {at: "03:00", target: grid, action: repair}
operator_actions:
  - {at: "01:30", target: hall, action: power_off}
  - {at: "02:00", target: hall, action: power_on}
)"));
  CHECK(run.intervals("hall") == "01:30-03:00");
}

TEST_CASE("a hall flooded while it rides on its UPS keeps the rest of the battery for when it is dry") {
  // Review 12 (session 32): flooded at 01:10 with 20 minutes left, dry at 01:30 (20 minutes of checks),
  // it rides on them to 01:50 with the grid still out.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: grid, kind: power_feed}
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 1000}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 100000,
     power: grid, ups_ride_through: 30m, damage_checks: 20m}
faults:
  - {at: "01:00", target: grid, action: fail}
  - {at: "01:10", target: hall, action: flood}
  - {at: "03:00", target: grid, action: repair}
)"));
  CHECK(run.intervals("hall") == "01:10-01:30, 01:50-03:00");
}
