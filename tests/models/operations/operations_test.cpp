#include "models/operations/operations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "models/results/cause_chain.hpp"
#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using outagesim::sim::Time;

namespace {
// A plant whose chillers a repair restores; a room and a pool that follow it.
constexpr const char* kPlant = R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000, base_load_kw: 0}
  - {name: pool, kind: host_pool, room: room, hosts: 100, kw_per_host: 8, shutdown_c: 40}
)";

std::string clock_or_never(Time t) {
  return t.is_never() ? "never" : clock(t);
}
}  // namespace

TEST_CASE("a triggered action runs its delay after the trigger, never before") {
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
faults:
  - {at: "02:00", target: plant, action: fail_chillers, count: 2}
operator_actions:
  - {when: {component: plant, event: enters_down}, delay: 30m, target: plant, action: restore_chillers, count: 2}
)"));
  REQUIRE(run.result.injection_applied_at.size() == 2);
  CHECK(clock(run.result.injection_applied_at[1]) == "02:30");
  CHECK(run.intervals("plant") == "02:00-02:30");
}

// The id of the first journal record that takes `component` into `to`, or kNoChange.
outagesim::models::ChangeId change_of(const Run& run, std::string_view component,
                                      outagesim::models::State to) {
  const auto& journal = run.result.journal;
  for (outagesim::models::ChangeId i = 0; i < journal.size(); ++i) {
    if (journal[i].component == run.id(component) && journal[i].to == to && journal[i].from != to) return i;
  }
  return outagesim::models::kNoChange;
}

TEST_CASE("a triggered action names the change that set it off, so its chain leads on to the fault") {
  using outagesim::models::State;
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
faults:
  - {at: "02:00", target: plant, action: fail_chillers, count: 2}
operator_actions:
  - {when: {component: plant, event: enters_down}, delay: 30m, target: plant, action: restore_chillers, count: 2}
)"));
  const auto down = change_of(run, "plant", State::kDown);
  const auto up = change_of(run, "plant", State::kUp);
  REQUIRE(down != outagesim::models::kNoChange);
  REQUIRE(up != outagesim::models::kNoChange);
  CHECK(run.result.journal[up].cause.trigger == down);
  CHECK(run.result.journal[up].cause.injection == 1);
}

TEST_CASE("a repair's stage actions carry the change that started the repair") {
  using outagesim::models::State;
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
crews: [{name: techs, headcount: 2}]
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 2}
repairs:
  - name: chiller repair
    when: {component: plant, event: enters_down}
    stages:
      - {name: restart, duration: 1h, crew: techs, people: 1,
         then: [{target: plant, action: restore_chillers, count: 2}]}
)"));
  const auto down = change_of(run, "plant", State::kDown);
  const auto up = change_of(run, "plant", State::kUp);
  REQUIRE(up != outagesim::models::kNoChange);
  CHECK(run.result.journal[up].cause.trigger == down);
}

TEST_CASE("an action at a clock time has no trigger") {
  using outagesim::models::State;
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
faults:
  - {at: "02:00", target: plant, action: fail_chillers, count: 2}
operator_actions:
  - {at: "02:30", target: plant, action: restore_chillers, count: 2}
)"));
  const auto up = change_of(run, "plant", State::kUp);
  REQUIRE(up != outagesim::models::kNoChange);
  CHECK(run.result.journal[up].cause.trigger == outagesim::models::kNoChange);
}

TEST_CASE("a later fault moves a triggered recovery by the same amount") {
  const auto restored_at = [](const char* fault_at) {
    const Run run = run_yaml(scenario_yaml(std::string(kPlant) + "faults:\n  - {at: \"" + fault_at +
                                           R"(", target: plant, action: fail_chillers, count: 2}
operator_actions:
  - {when: {component: plant, event: enters_down}, delay: 30m, target: plant, action: restore_chillers, count: 2}
)"));
    return run.result.injection_applied_at[1];
  };
  CHECK(restored_at("05:00") - restored_at("02:00") == Time::hours(3));
}

TEST_CASE("a trigger that never happens leaves its action unapplied") {
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
operator_actions:
  - {when: {component: plant, event: enters_down}, target: plant, action: restore_chillers, count: 2}
)"));
  CHECK(run.result.injection_applied_at[0].is_never());
  CHECK_FALSE(run.result.injection_had_effect[0]);
}

TEST_CASE("a repair's stages run in order, wait for people, and act when they end") {
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
crews: [{name: techs, headcount: 2}]
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 2}
repairs:
  - name: chiller repair
    when: {component: plant, event: enters_down}
    delay: 10m
    stages:
      - {name: diagnose, duration: 1h, crew: techs, people: 1}
      - {name: restart chiller, repeat: 2, work: 1h, crew: techs, people: 2,
         then: [{target: plant, action: restore_chillers, count: 1}]}
)"));
  const auto& record = run.result.repairs.at(0);
  CHECK(clock(record.started) == "01:10");
  REQUIRE(record.stages.size() == 3);
  CHECK(clock(record.stages[0].ended) == "02:10");
  // One person-hour shared by two people: 30 minutes a chiller.
  CHECK(clock(record.stages[1].ended) == "02:40");
  CHECK(clock(record.stages[2].ended) == "03:10");
  CHECK(clock(record.ended) == "03:10");
  CHECK(run.intervals("plant", outagesim::models::State::kDown) == "01:00-02:40");
  CHECK(run.intervals("plant", outagesim::models::State::kDegraded) == "02:40-03:10");
}

TEST_CASE("a bigger crew finishes work sooner") {
  const auto ended = [](int headcount) {
    const Run run = run_yaml(scenario_yaml(
        std::string(kPlant) + "crews: [{name: techs, headcount: " + std::to_string(headcount) + R"(}]
repairs:
  - name: job
    at: "01:00"
    stages:
      - {name: a, work: 4h, crew: techs, people: 1}
  - name: job2
    at: "01:00"
    stages:
      - {name: b, work: 4h, crew: techs, people: 1}
)"));
    return run.result.repairs[1].ended;
  };
  CHECK(clock(ended(1)) == "09:00");  // the second job waits for the one person
  CHECK(clock(ended(2)) == "05:00");
}

TEST_CASE("a stage waits for its condition, which must happen after the repair started") {
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
faults:
  - {at: "01:00", target: pool, action: fail}
  - {at: "03:00", target: pool, action: repair}
repairs:
  - name: check
    at: "02:00"
    stages:
      - {name: after the pool is back, duration: 15m, wait_for: {component: pool, event: returns_up}}
)"));
  const auto& stage = run.result.repairs.at(0).stages.at(0);
  CHECK(clock(stage.ready) == "02:00");
  CHECK(clock(stage.began) == "03:00");
  CHECK(clock(stage.ended) == "03:15");
}

TEST_CASE("a stage waiting for a room to be cool goes ahead when it cooled before the repair started") {
  // Regression: `cooled` was an event to catch after the repair's start, so a room that cooled before it
  // became accessible held the stage to the horizon: a longer re-entry time gave a 22h outage, not 6h.
  const auto sprinkler_run = [](const char* reentry) {
    return run_yaml(scenario_yaml(std::string(R"(
crews: [{name: ops, headcount: 2}]
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 80000,
     base_load_kw: 200, sprinkler_c: 50, reentry_after: )") +
                                  reentry + R"(}
  - {name: hosts, kind: host_pool, room: hall, hosts: 400, kw_per_host: 2, shutdown_c: 45}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 2}
operator_actions:
  - {at: "05:00", target: plant, action: restore_chillers, count: 2}
repairs:
  - name: dry out
    when: {component: hall, event: accessible}
    stages:
      - {name: wait cool, duration: 0m, wait_for: {component: hall, event: cooled}}
      - {name: dry, work: 4h, crew: ops, people: 2}
)"));
  };
  const Run early = sprinkler_run("1h");  // accessible while still hot: the stage waits for the cooling
  const auto& wait_early = early.result.repairs.at(0).stages.at(0);
  CHECK(wait_early.began > wait_early.ready);
  const Run late = sprinkler_run("4h");  // cool before it is accessible: the stage goes ahead at once
  const auto& wait_late = late.result.repairs.at(0).stages.at(0);
  CHECK_FALSE(wait_late.ready.is_never());
  CHECK(wait_late.began == wait_late.ready);
  CHECK(clock_or_never(late.result.repairs.at(0).stages.at(1).ended) != "never");
}

TEST_CASE("night shifts have fewer people and a vendor arrives its call-out after it is needed") {
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
crews:
  - name: site
    shifts: [{from: "07:00", headcount: 2}, {from: "19:00", headcount: 1}]
  - {name: vendor, headcount: 1, call_out: 3h}
repairs:
  - name: night work
    at: "01:00"
    stages:
      - {name: two people, duration: 1h, crew: site, people: 2}
  - name: vendor job
    at: "02:00"
    stages:
      - {name: vendor work, duration: 1h, crew: vendor, people: 1}
)"));
  // Midnight is in the night shift: one person until 07:00.
  CHECK(clock(run.result.repairs[0].stages[0].began) == "07:00");
  CHECK(clock(run.result.repairs[1].stages[0].began) == "05:00");
  CHECK(clock_or_never(run.result.repairs[1].ended) == "06:00");
}

TEST_CASE(
    "work shared by people starts short-handed at night, slower, and a fixed-time stage waits for all") {
  // Regression (session 25's blind trial): a stage of 3 people's work waited for the day shift when 2 were
  // on at night, where a host pool's team starts with those on duty.
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
crews:
  - name: site
    shifts: [{from: "07:00", headcount: 3}, {from: "19:00", headcount: 2}]
repairs:
  - name: shared work
    at: "01:00"
    stages:
      - {name: three people's work, work: 3h, crew: site, people: 3}
  - name: fixed job
    at: "01:00"
    stages:
      - {name: three together, duration: 1h, crew: site, people: 3}
)"));
  const auto& work = run.result.repairs[0].stages[0];
  CHECK(clock(work.began) == "01:00");
  CHECK(clock(work.ended) == "02:30");  // 3 person-hours by the 2 on duty
  CHECK(work.people == 2u);
  const auto& fixed = run.result.repairs[1].stages[0];
  CHECK(clock(fixed.began) == "07:00");
  CHECK(fixed.people == 3u);
}

TEST_CASE("work that runs across shifts is shared again at each shift change") {
  // Regression (session 26's blind trial): 700 person-hours kept the 7 of the day shift through four nights
  // when ready at 18:59 (4d 4h), and the 3 of the night shift through every day when ready at 19:01 (9d
  // 17h). Shared again at each change: 7 x 12 + 3 x 12 = 120 person-hours a day, the same either way.
  const auto ended = [](const char* at) {
    const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
crews:
  - name: site
    shifts: [{from: "07:00", headcount: 7}, {from: "19:00", headcount: 3}]
repairs:
  - name: clean-up
    at: ")" + at + R"("
    stages:
      - {name: clean the halls, work: 120h, crew: site, people: 7}
)",
                                           "10d"));
    return run.result.repairs[0].stages[0];
  };
  const auto early = ended("18:59");
  const auto late = ended("19:01");
  // 18:59: 7 for a minute, 3 x 12 h, 7 x 12 h: 120 person-hours and 7 minutes by 19:00 the next day.
  CHECK(early.ended == outagesim::sim::Time::hours(24 + 18) + outagesim::sim::Time::minutes(59));
  CHECK((late.ended - early.ended).count_ms() < 10 * 60 * 1000);
  CHECK(early.people == 7u);
  CHECK(late.people == 7u);
}

TEST_CASE("work ready at the very minute of a shift change meets the shift coming on") {
  // Metamorphic trial (session 32): a stage ready at 07:00 read the night's 3 (the roster changed the
  // headcount after the stage had asked) and kept them all day; ready at 19:00 it asked for the day's 7 and
  // waited all night for them. 42 person-hours from 07:00 by 7: 13:00. From 19:00, 3 until 07:00 (36
  // person-hours), then 7 for the last 6: 07:51:25.
  const auto ended = [](const char* wait) {
    const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
crews:
  - name: site
    shifts: [{from: "07:00", headcount: 7}, {from: "19:00", headcount: 3}]
repairs:
  - name: fix
    at: "04:00"
    stages:
      - {name: wait for parts, duration: )" + std::string(wait) +
                                               R"(}
      - {name: rebuild, work: 42h, crew: site, people: 7}
)",
                                           "3d"));
    return clock(run.result.repairs[0].stages[1].ended);
  };
  CHECK(ended("3h") == "13:00");
  CHECK(ended("15h") == "07:51:25+1d");
}

TEST_CASE("shared work queued for its people is cut to a smaller shift and starts with it") {
  // Metamorphic trial (session 32): asked for 7 at 18:30 while 2 were busy, the stage stayed queued for 7
  // when the shift fell to 3 at 19:00 and waited for the day shift at 07:00 (back at 10:00); cut to the 3,
  // it starts when the other stage gives its people back at 19:30: 21 person-hours by 3, 02:30.
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
crews:
  - name: site
    shifts: [{from: "07:00", headcount: 7}, {from: "19:00", headcount: 3}]
repairs:
  - name: other
    at: "18:30"
    stages:
      - {name: swap, duration: 1h, crew: site, people: 2}
  - name: fix
    at: "18:30"
    stages:
      - {name: rebuild, work: 21h, crew: site, people: 7}
)",
                                         "2d"));
  const auto& rebuild = run.result.repairs[1].stages[0];
  CHECK(clock(rebuild.began) == "19:30");
  CHECK(clock(rebuild.ended) == "02:30+1d");
  CHECK(rebuild.people == 3u);
}

TEST_CASE("a repair can start when another repair or one of its stages ends") {
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
repairs:
  - name: first
    at: "01:00"
    stages:
      - {name: one, duration: 1h}
      - {name: two, duration: 1h}
  - name: after one
    when: {repair: first, stage: one}
    stages: [{name: x, duration: 30m}]
  - name: after first
    when: {repair: first}
    delay: 5m
    stages: [{name: y, duration: 30m}]
)"));
  CHECK(clock(run.result.repairs[1].started) == "02:00");
  CHECK(clock(run.result.repairs[2].started) == "03:05");
}

TEST_CASE("a start with any_of triggers starts once, at the first of them") {
  // Probe (session 27): a repair of a plant two halls share, set off by one hall's first shutdown, waited
  // for that hall however hot the other was. With any_of, whichever comes first starts it.
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
  - {name: plant-2, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: other-room, kind: room, cooling: plant-2, design_cooling_kw: 1000, thermal_mass_kj_per_c: 30000, base_load_kw: 0}
  - {name: other-pool, kind: host_pool, room: other-room, hosts: 100, kw_per_host: 8, shutdown_c: 40}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 2}
  - {at: "01:00", target: plant-2, action: fail_chillers, count: 2}
operator_actions:
  - when: {any_of: [{component: pool, event: leaves_up}, {component: other-pool, event: leaves_up}]}
    delay: 5m
    target: plant
    action: restore_chillers
    count: 2
repairs:
  - name: page the vendor
    when: {any_of: [{component: pool, event: leaves_up}, {repair: never}, {component: other-pool, event: leaves_up}]}
    stages: [{name: call, duration: 5m}]
  - name: never
    at: "23:00"
    stages: [{name: x, duration: 30m}]
)"));
  // The other room, half the mass, reaches 40 °C first: 16 °C at 800 kW over 30,000 kJ/°C, 10 minutes.
  CHECK(clock(run.result.repairs[0].started) == "01:10");
  CHECK(clock_or_never(run.result.injection_applied_at[2]) == "01:15");
  CHECK(run.intervals("pool").empty());  // cooling back at 36 °C, before its heavier room reached 40 °C
}

TEST_CASE("a stage waiting for a repair that ended before its own repair started goes ahead") {
  // Regression: a repair's end was an event to catch after the waiting repair's start, so waiting for a
  // repair already done held the stage to the horizon. A repair runs once: done is a state.
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
repairs:
  - name: refill
    at: "01:00"
    stages: [{name: fill, duration: 1h}]
  - name: restart
    at: "03:00"
    stages:
      - {name: after the refill, duration: 30m, wait_for: {repair: refill}}
      - {name: after the fill, duration: 30m, wait_for: {repair: refill, stage: fill}}
  - name: waits
    at: "01:30"
    stages: [{name: for the refill, duration: 10m, wait_for: {repair: refill}}]
)"));
  const auto& restart = run.result.repairs.at(1);
  CHECK(clock(restart.stages.at(0).began) == "03:00");
  CHECK(clock_or_never(restart.ended) == "04:00");
  const auto& waits = run.result.repairs.at(2).stages.at(0);
  CHECK(clock(waits.ready) == "01:30");
  CHECK(clock(waits.began) == "02:00");  // still waits for a repair not yet done
}

namespace {
// A service that needs either of two hosts, with recovery steps, and a tenant with its own.
constexpr const char* kEither = R"(
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
  - {name: s, kind: middleware, needs: {any_of: [a, b]}, recovery: 30m}
tenants:
  - {name: T, needs: s, recovery: 10m}
)";
}  // namespace

TEST_CASE("faults due at the same instant apply together, whatever their order in the file") {
  // b fails just as a comes back: s always has one of them, in either order.
  for (const char* faults : {R"(
faults:
  - {at: "01:00", target: a, action: fail}
  - {at: "09:00", target: b, action: fail}
  - {at: "09:00", target: a, action: repair}
)",
                             R"(
faults:
  - {at: "01:00", target: a, action: fail}
  - {at: "09:00", target: a, action: repair}
  - {at: "09:00", target: b, action: fail}
)"}) {
    const Run run = run_yaml(scenario_yaml(std::string(kEither) + faults));
    CHECK(run.intervals("a") == "01:00-09:00");
    CHECK(run.intervals("s").empty());
    CHECK(run.intervals("T").empty());
  }
}

TEST_CASE("a component failed and repaired at the same instant takes nothing down with it") {
  // An outage of no length is no interval of a, so it must not restart s's and T's recovery steps either.
  const Run run = run_yaml(scenario_yaml(std::string(kEither) + R"(
faults:
  - {at: "08:00", target: b, action: fail}
  - {at: "09:00", target: a, action: fail}
  - {at: "09:00", target: a, action: repair}
)"));
  CHECK(run.intervals("b") == "08:00-end");
  CHECK(run.intervals("a").empty());
  CHECK(run.intervals("s").empty());
  CHECK(run.intervals("T").empty());
}

TEST_CASE("a repair and a share cut at the same instant bring the target back at that share, with no blink") {
  // Regression (session 24's blind trial): set_capacity came after the repair had settled, so what needed
  // the target came back whole for no time and went down again: two intervals, and a "came back" line.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: nodes, kind: power_feed}
  - {name: ebs, kind: block_storage, needs: nodes, down_below: 0.9}
tenants:
  - {name: t, needs: [ebs]}
faults:
  - {at: "01:00", target: nodes, action: fail}
  - {at: "02:00", target: nodes, action: repair}
  - {at: "02:00", target: nodes, action: set_capacity, share: 0.5}
  - {at: "03:00", target: nodes, action: set_capacity, share: 1}
)"));
  CHECK(run.intervals("ebs") == "01:00-03:00");
  CHECK(run.intervals("t") == "01:00-03:00");
}

TEST_CASE("a component failed and repaired at the same instant sets off no trigger") {
  // Regression (session 23): the operators rebooted w after a's outage of no length, which no interval of a
  // showed, and T's cause chain named it.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
  - {name: w, kind: network}
tenants:
  - {name: T, needs: [a, w]}
faults:
  - {at: "01:00", target: a, action: fail}
  - {at: "01:00", target: a, action: repair}
  - {at: "03:00", target: a, action: fail}
  - {at: "04:00", target: a, action: repair}
operator_actions:
  - {when: {component: a, event: enters_down}, delay: 10m, target: w, action: fail}
  - {when: {component: a, event: enters_down}, delay: 30m, target: w, action: repair}
)"));
  // The trigger waits for a's real outage at 03:00.
  CHECK(run.intervals("a") == "03:00-04:00");
  CHECK(run.intervals("w") == "03:10-03:30");
  CHECK(clock(run.result.injection_applied_at[4]) == "03:10");
}

TEST_CASE("a stage waiting for a component's return does not take a blink of no length for one") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
faults:
  - {at: "01:00", target: a, action: fail}
  - {at: "01:00", target: a, action: repair}
  - {at: "03:00", target: a, action: fail}
  - {at: "04:00", target: a, action: repair}
repairs:
  - name: check
    at: "00:30"
    stages:
      - {name: after a is back, duration: 15m, wait_for: {component: a, event: returns_up}}
)"));
  const auto& stage = run.result.repairs.at(0).stages.at(0);
  CHECK(clock(stage.began) == "04:00");
  CHECK(clock(stage.ended) == "04:15");
}

TEST_CASE("a stage's actions act together with the faults of their instant") {
  // Regression (session 23's probe): the stage ended after the instant's faults had settled, so repairing a
  // as b failed left a service that needs either down for an instant, and it ran its steps.
  const Run run = run_yaml(scenario_yaml(std::string(kEither) + R"(
faults:
  - {at: "01:00", target: a, action: fail}
  - {at: "02:00", target: b, action: fail}
repairs:
  - name: fix a
    at: "01:00"
    stages:
      - {name: swap, duration: 1h, then: [{target: a, action: repair}]}
)"));
  CHECK(run.intervals("a") == "01:00-02:00");
  CHECK(run.intervals("s").empty());
  CHECK(run.intervals("T").empty());
}

TEST_CASE("an action after a repair at the same instant sees it: chillers restored as their feed returns") {
  // Regression (session 23's review): with the settle after all of the instant's injections, the plant
  // still read as unpowered when restore_chillers came, which then did nothing, in either file order.
  const std::string region = R"(
components:
  - {name: feed, kind: power_feed}
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500, power: feed}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 900, thermal_mass_kj_per_c: 80000}
  - {name: hosts, kind: host_pool, room: hall, hosts: 300, kw_per_host: 2, shutdown_c: 40}
faults:
  - {at: "01:00", target: feed, action: fail}
)";
  for (const char* actions : {R"(operator_actions:
  - {at: "03:00", target: feed, action: repair}
  - {at: "03:00", target: plant, action: restore_chillers, count: 2}
)",
                              R"(operator_actions:
  - {at: "03:00", target: feed, action: repair}
  - {when: {component: feed, event: returns_up}, delay: 0s, target: plant, action: restore_chillers, count: 2}
)"}) {
    const Run run = run_yaml(scenario_yaml(region + actions, "8h"));
    CHECK(run.result.injection_had_effect.at(2));
    CHECK(run.intervals("plant") == "01:00-03:00");
  }
}

TEST_CASE("a return trigger does not fire on a component failed and repaired at the same instant") {
  // Regression (session 23's probe): the departure was not noted, since nothing watched it, so the return
  // read as one; and a trigger that never fired, watching the departure, changed the result.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: x, kind: network}
  - {name: y, kind: network}
tenants:
  - {name: t, needs: [y]}
faults:
  - {at: "01:00", target: x, action: fail}
  - {at: "01:00", target: x, action: repair}
operator_actions:
  - {when: {component: x, event: returns_up}, delay: 0s, target: y, action: fail}
  - {when: {component: x, event: recovers}, delay: 0s, target: y, action: fail}
)",
                                         "4h"));
  CHECK(run.intervals("y").empty());
  CHECK(run.result.injection_applied_at.at(2).is_never());
  CHECK(run.result.injection_applied_at.at(3).is_never());
}

TEST_CASE("triggers and stage waits read the instant once it has settled, whatever the file order") {
  // Regression (session 23's review): x repaired as its need d failed read as back for an instant, and the
  // trigger and the stage went ahead in one file order only.
  for (const char* order : {"  - {at: \"02:00\", target: x, action: repair}\n  - {at: \"02:00\", target: d, "
                            "action: fail}\n",
                            "  - {at: \"02:00\", target: d, action: fail}\n  - {at: \"02:00\", target: x, "
                            "action: repair}\n"}) {
    const Run run = run_yaml(scenario_yaml(std::string(R"(
components:
  - {name: d, kind: network}
  - {name: x, kind: compute, needs: d}
  - {name: w, kind: network}
faults:
  - {at: "01:00", target: x, action: fail}
)") + order + R"(operator_actions:
  - {when: {component: x, event: recovers}, delay: 0s, target: w, action: fail}
repairs:
  - name: after x is back
    at: "00:30"
    stages:
      - {name: check, duration: 15m, wait_for: {component: x, event: returns_up}}
)",
                                           "6h"));
    // x itself may show a return of no length at 02:00 in one order (its repair evaluates it at once);
    // what follows from it must not.
    CHECK(run.downtime("x") == Time::hours(5));
    CHECK(run.intervals("w").empty());
    CHECK(run.result.repairs.at(0).stages.at(0).began.is_never());
  }
}

TEST_CASE("an action at the same instant does not split the faults of that instant") {
  // Regression (session 23's review): an unrelated set_capacity between a fail and a repair of a settled
  // the fail on its own, and s ran its recovery steps for an outage no interval showed.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: network}
  - {name: x, kind: compute}
  - {name: s, kind: compute, needs: a, recovery: 10m}
tenants:
  - {name: t, needs: [s]}
faults:
  - {at: "01:00", target: a, action: fail}
  - {at: "01:00", target: x, action: set_capacity, share: 0.5}
  - {at: "01:00", target: a, action: repair}
)",
                                         "4h"));
  CHECK(run.intervals("a").empty());
  CHECK(run.intervals("s").empty());
  CHECK(run.intervals("x", outagesim::models::State::kDegraded) == "01:00-end");
}

TEST_CASE("actions at the same instant act together, as faults do") {
  // Regression (session 23's last probe): each action was settled on its own, so taking c's capacity to 0
  // and back at one instant ran t's recovery steps for an outage that no interval of c showed.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: c, kind: compute}
  - {name: w, kind: network}
tenants:
  - {name: t, needs: [c], recovery: 10m}
  - {name: u, needs: [w]}
operator_actions:
  - {at: "01:00", target: c, action: set_capacity, share: 0}
  - {at: "01:00", target: c, action: set_capacity, share: 1}
  - {when: {component: c, event: enters_down}, delay: 0s, target: w, action: fail}
)",
                                         "4h"));
  CHECK(run.intervals("c").empty());
  CHECK(run.intervals("t").empty());
  CHECK(run.intervals("w").empty());
}

TEST_CASE("a room's temperature crossing starts an action and a repair at the exact moment") {
  // A sealed room rises 1 °C a minute from 24 °C once its plant stops at 01:00: 35 °C at 01:11, where the
  // operators' policy sheds the hosts 5 minutes later. The plant is back at 03:00; with the hosts off the
  // room falls 1 °C a minute from the 40 °C it reached (the hosts' 1000 kW stopped at 01:16): 32 °C at
  // 03:08, which starts the repair, and 30 °C at 03:10, when the hosts restart.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 250}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000, alarm_c: 30}
  - {name: hosts, kind: host_pool, room: room, hosts: 100, kw_per_host: 10, shutdown_c: 45}
faults:
  - {at: "01:00", target: plant, action: fail}
  - {at: "03:00", target: plant, action: repair}
operator_actions:
  - {when: {component: room, event: above_c, c: 35}, delay: 5m, target: hosts, action: shed_load}
  - {when: {component: room, event: above_c, c: 50}, target: hosts, action: shed_load}
repairs:
  - name: tell the customers
    when: {component: room, event: below_c, c: 32}
    stages:
      - {name: status page, duration: 10m}
)",
                                         "6h"));
  CHECK(run.intervals("hosts") == "01:16-03:10");
  CHECK(run.result.injection_applied_at[2] == Time::minutes(76));
  CHECK(run.result.injection_applied_at[3].is_never());  // 50 °C never comes
  CHECK(run.result.repairs[0].started == Time::minutes(188));
}

TEST_CASE("leaves_down fires when a component serves again in part, where returns_up waits for all of it") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: compute, down_below: 0.5}
  - {name: w, kind: network}
  - {name: w2, kind: network}
faults:
  - {at: "01:00", target: a, action: set_capacity, share: 0}
  - {at: "02:00", target: a, action: set_capacity, share: 0.8}
  - {at: "04:00", target: a, action: set_capacity, share: 1}
  - {at: "00:30", target: w, action: fail}
  - {at: "00:30", target: w2, action: fail}
operator_actions:
  - {when: {component: a, event: leaves_down}, target: w, action: repair}
  - {when: {component: a, event: returns_up}, target: w2, action: repair}
)"));
  CHECK(run.intervals("w") == "00:30-02:00");
  CHECK(run.intervals("w2") == "00:30-04:00");
}

TEST_CASE("a room that turns at a watched temperature, or starts at it, crosses it as it turns") {
  // Regression (session 24's review): a room at exactly the watched temperature timed no crossing when it
  // moved away, and the trigger fired at the next unrelated event, whatever the temperature then.
  const auto fired = [](const std::string& plant_repair_at, const std::string& c) {
    const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 90000,
     base_load_kw: 900, alarm_c: 40}
  - {name: d1, kind: power_feed}
  - {name: d2, kind: power_feed}
faults:
  - {at: "01:00", target: plant, action: fail}
  - {at: ")" + plant_repair_at + R"(", target: plant, action: repair}
operator_actions:
  - {when: {component: hall, event: above_c, c: )" +
                                               c + R"(}, target: d1, action: fail}
  - {when: {component: hall, event: below_c, c: )" +
                                               c + R"(}, target: d2, action: fail}
)",
                                           "8h"));
    return std::pair{run.result.injection_applied_at[2], run.result.injection_applied_at[3]};
  };
  // 900 kW into 90000 kJ/°C: 0.01 °C a second, so exactly 30 °C at 01:10, when the plant is back: the room
  // touches 30 °C and turns, both crossings at 01:10.
  CHECK(fired("01:10", "30") == std::pair{Time::minutes(70), Time::minutes(70)});
  // Back a second earlier it never reaches 30 °C.
  const auto short_of_it = fired("01:09:59", "30");
  CHECK(short_of_it.first.is_never());
  CHECK(short_of_it.second.is_never());
  // At the setpoint (24 °C) from the start: it rises from it at 01:00, and falls back to it later.
  const auto setpoint = fired("01:10", "24");
  CHECK(setpoint.first == Time::minutes(60));
  CHECK(setpoint.second > Time::minutes(70));
}

TEST_CASE("watching a room's temperature changes no cause chain") {
  // Regression (session 24's review): the crossing, journalled as a change of the room, became the cause
  // of the hosts' shutdown in place of the overheating.
  const std::string room = R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 250}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000, alarm_c: 30}
  - {name: hosts, kind: host_pool, room: room, hosts: 100, kw_per_host: 10, shutdown_c: 40}
  - {name: other, kind: power_feed}
faults:
  - {at: "01:00", target: plant, action: fail}
)";
  const Run plain = run_yaml(scenario_yaml(room));
  const Run watched = run_yaml(scenario_yaml(room + R"(operator_actions:
  - {when: {component: room, event: above_c, c: 35}, target: other, action: fail}
)"));
  // The room's record in the hosts' chain: its overheating, watched or not.
  const auto room_cause = [](const Run& run) {
    const auto& interval = run.result.intervals[run.id("hosts")].front();
    for (const auto id : outagesim::models::cause_chain(run.result, interval.began)) {
      if (run.result.journal[id].component == run.id("room")) return run.result.journal[id].cause.reason;
    }
    return outagesim::models::Reason::kFault;
  };
  CHECK(watched.result.injection_applied_at[1] == Time::minutes(71));
  CHECK(room_cause(plain) == outagesim::models::Reason::kOverheating);
  CHECK(room_cause(watched) == outagesim::models::Reason::kOverheating);
}

TEST_CASE(
    "a return undone by a share cut of the same instant is no return: returns_up waits for the full one") {
  // Regression (session 24's review): the repair's return to up, undone by the set_capacity of the same
  // instant, cleared "down since last up", so the real return at 03:00 never matched returns_up.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: vm, kind: compute}
  - {name: w, kind: network}
faults:
  - {at: "00:30", target: w, action: fail}
  - {at: "01:00", target: vm, action: fail}
  - {at: "02:00", target: vm, action: repair}
  - {at: "02:00", target: vm, action: set_capacity, share: 0.5}
  - {at: "03:00", target: vm, action: set_capacity, share: 1}
operator_actions:
  - {when: {component: vm, event: returns_up}, target: w, action: repair}
)"));
  CHECK(run.intervals("vm") == "01:00-02:00");
  CHECK(run.intervals("w") == "00:30-03:00");
}

namespace {
// A cool hall whose fire suppression discharges by an action at 01:00 (a false alarm), sealed for 2 h.
std::string sealed_hall(std::string_view suppression, std::string_view repairs) {
  return scenario_yaml(fmt::format(R"(
crews: [{{name: techs, headcount: 2}}]
components:
  - {{name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}}
  - {{name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000,
     base_load_kw: 0, reentry_after: 2h, suppression: {}}}
  - {{name: pool, kind: host_pool, room: hall, hosts: 10, kw_per_host: 8}}
faults:
  - {{at: "01:00", target: hall, action: discharge, note: false alarm}}
repairs:
{}
)",
                                   suppression, repairs));
}
}  // namespace

TEST_CASE("a discharge stops the stages working in the hall, which go on after re-entry with what is left") {
  // Blind trial H: crews went on working in a hall sealed by its fire suppression. The 1 h stage began at
  // 00:30 (30 minutes done), stops at 01:00, and ends 30 minutes after re-entry at 03:00; the 2 person-hour
  // work by 1 person began 00:30 (half a person-hour done) and needs 1h30m more. The stage that does not
  // work in the hall runs through.
  const Run run = run_yaml(sealed_hall("gas", R"(
  - name: in the hall
    at: "00:30"
    stages: [{name: fix, duration: 1h, crew: techs, people: 1, wait_for: {component: hall, event: accessible}}]
  - name: work in the hall
    at: "00:30"
    stages: [{name: fix, work: 2h, crew: techs, people: 1, wait_for: {component: hall, event: accessible}}]
  - name: outside
    at: "00:30"
    stages: [{name: fix, duration: 1h}]
)"));
  const auto& in_hall = run.result.repairs.at(0).stages.at(0);
  CHECK(clock(in_hall.began) == "00:30");
  CHECK(clock(in_hall.ended) == "03:30");
  CHECK(in_hall.interruptions == 1);
  const auto& work = run.result.repairs.at(1).stages.at(0);
  CHECK(clock(work.ended) == "04:30");
  CHECK(clock(run.result.repairs.at(2).stages.at(0).ended) == "01:30");
  CHECK(run.result.repairs.at(2).stages.at(0).interruptions == 0);
}

TEST_CASE("a stage waiting for its people when the hall is sealed waits for re-entry, then for them") {
  // One technician: the first stage holds them 00:30-01:30 outside the hall; the hall stage asked at
  // 00:30, is still queued at 01:00 when the discharge seals the hall, so it waits for re-entry at 03:00.
  const Run run = run_yaml(sealed_hall("gas", R"(
  - name: outside
    at: "00:30"
    stages: [{name: fix, duration: 1h, crew: techs, people: 2}]
  - name: in the hall
    at: "00:30"
    stages: [{name: fix, duration: 1h, crew: techs, people: 2, priority: 1,
              wait_for: {component: hall, event: accessible}}]
)"));
  const auto& in_hall = run.result.repairs.at(1).stages.at(0);
  CHECK(clock(in_hall.began) == "03:00");
  CHECK(clock(in_hall.ended) == "04:00");
  CHECK(in_hall.interruptions == 1);
}

TEST_CASE("gas suppression seals the hall but keeps its power, water cuts it, and both start triggers") {
  const std::string repairs = R"(
  - name: after re-entry
    when: {component: hall, event: accessible}
    stages: [{name: look, duration: 10m}]
  - name: on the discharge
    when: {component: hall, event: discharged}
    stages: [{name: evacuate, duration: 5m}]
)";
  const Run gas = run_yaml(sealed_hall("gas", repairs));
  CHECK(gas.intervals("hall").empty());
  CHECK(gas.intervals("pool").empty());
  CHECK(clock(gas.result.repairs.at(0).started) == "03:00");
  CHECK(clock(gas.result.repairs.at(1).started) == "01:00");
  const Run water = run_yaml(sealed_hall("water", repairs));
  CHECK(water.intervals("hall") == "01:00-end");  // damaged until a clear_damage
  CHECK(water.intervals("pool") == "01:00-end");
  CHECK(clock(water.result.repairs.at(0).started) == "03:00");
  CHECK(clock(water.result.repairs.at(1).started) == "01:00");
}

TEST_CASE("a flood damages and seals a hall whatever its suppression and discharges nothing") {
  // Blind trials N and O: water from a leak or the firefighters could only be written as a discharge, which
  // in a gas-protected hall damaged nothing and read "sprinklers fired".
  const std::string repairs = R"(
  - name: after re-entry
    when: {component: hall, event: accessible}
    stages: [{name: look, duration: 10m}]
)";
  const auto flooded = [&](std::string_view suppression) {
    std::string yaml = sealed_hall(suppression, repairs);
    const std::string discharge = "action: discharge, note: false alarm";
    yaml.replace(yaml.find(discharge), discharge.size(), "action: flood, note: a burst pipe");
    return run_yaml(yaml + R"(
operator_actions:
  - {at: "02:00", target: hall, action: flood}
)");
  };
  for (const char* suppression : {"gas", "water"}) {
    const Run run = flooded(suppression);
    CHECK(run.intervals("hall") == "01:00-end");  // damaged until a clear_damage
    CHECK(run.intervals("pool") == "01:00-end");
    CHECK(clock(run.result.repairs.at(0).started) == "03:00");
    // A second flood in a hall already wet adds nothing.
    CHECK(run.result.injection_had_effect == std::vector<bool>{true, false});
    const auto& journal = run.result.journal;
    CHECK(std::any_of(journal.begin(), journal.end(), [&](const auto& c) {
      return c.component == run.id("hall") && c.cause.reason == outagesim::models::Reason::kFlooded;
    }));
    CHECK(std::none_of(journal.begin(), journal.end(), [&](const auto& c) {
      return c.component == run.id("hall") && c.cause.reason == outagesim::models::Reason::kSprinkler;
    }));
  }
}

TEST_CASE("a gas agent discharges once: a second discharge has no effect") {
  const Run run = run_yaml(sealed_hall("gas", "  []") + R"(
operator_actions:
  - {at: "05:00", target: hall, action: discharge}
)");
  CHECK(run.result.injection_had_effect == std::vector<bool>{true, false});
}

namespace {
// A heatwave: 20 °C, 38 °C from 02:00, 42 °C from 05:00, 30 °C from 09:00.
constexpr const char* kHeatwave = R"(
weather:
  outside_c:
    - {at: "00:00", c: 20}
    - {at: "02:00", c: 38}
    - {at: "05:00", c: 42}
    - {at: "09:00", c: 30}
)";
}  // namespace

TEST_CASE("the outside air crossing a temperature starts actions and repairs, each its own way") {
  // Blind trial G: "keep the site dark until the heatwave breaks" could only be a clock time.
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + kHeatwave + R"(
operator_actions:
  - {when: {outside_air: above_c, c: 40}, target: pool, action: power_off}
  - {when: {outside_air: below_c, c: 35}, delay: 30m, target: pool, action: power_on}
  - {when: {outside_air: above_c, c: 10}, target: room, action: power_off}
repairs:
  - name: cool night
    when: {outside_air: below_c, c: 38}
    stages: [{name: look, duration: 10m}]
)"));
  CHECK(clock(run.result.injection_applied_at[0]) == "05:00");
  CHECK(clock(run.result.injection_applied_at[1]) == "09:30");
  // The air started above 10 °C: it never rose to it, so that one never ran.
  CHECK(run.result.injection_applied_at[2].is_never());
  CHECK(clock(run.result.repairs.at(0).started) == "09:00");  // 38 °C at 02:00 is not below it, 30 °C is
  CHECK(run.intervals("pool") == "05:00-09:30");
}

TEST_CASE("a stage may wait for the outside air as a state, met at once when it already holds") {
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + kHeatwave + R"(
repairs:
  - name: restart when it is cool
    at: "03:00"
    stages:
      - {name: wait for the night, duration: 10m, wait_for: {outside_air: below_c, c: 32}}
      - {name: then this, duration: 10m, wait_for: {outside_air: above_c, c: 25}}
)"));
  const auto& record = run.result.repairs.at(0);
  CHECK(clock(record.stages.at(0).began) == "09:00");
  CHECK(clock(record.stages.at(1).began) == "09:10");  // 30 °C is above 25 °C: it holds at once
}

TEST_CASE("a standing policy acts on every occurrence of its trigger, a plain one on the first only") {
  // Blind trial G: "shut the hall down each time it reaches 35 °C" ran on the first day only.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute}
  - {name: once, kind: compute}
faults:
  - {at: "01:00", target: feed, action: fail}
  - {at: "02:00", target: feed, action: repair}
  - {at: "03:00", target: feed, action: fail}
  - {at: "04:00", target: feed, action: repair}
operator_actions:
  - {when: {component: feed, event: enters_down}, delay: 30m, each: true, target: vm, action: fail}
  - {when: {component: feed, event: returns_up}, each: true, target: vm, action: repair}
  - {when: {component: feed, event: enters_down}, delay: 30m, target: once, action: fail}
)"));
  CHECK(run.intervals("vm") == "01:30-02:00, 03:30-04:00");
  CHECK(run.intervals("once") == "01:30-end");
  REQUIRE(run.result.injection_applications.size() == 7);
  CHECK(run.result.injection_applications[4] == std::vector<Time>{Time::minutes(90), Time::minutes(210)});
  CHECK(run.result.injection_applications[6] == std::vector<Time>{Time::minutes(90)});
  CHECK(clock(run.result.injection_applied_at[4]) == "01:30");
}

TEST_CASE("a standing policy on the outside air acts at every crossing") {
  const Run run = run_yaml(scenario_yaml(R"(
weather:
  outside_c:
    - {at: "00:00", c: 20}
    - {at: "02:00", c: 41}
    - {at: "04:00", c: 25}
    - {at: "06:00", c: 42}
    - {at: "08:00", c: 24}
components:
  - {name: vm, kind: compute}
operator_actions:
  - {when: {outside_air: above_c, c: 40}, each: true, target: vm, action: fail}
  - {when: {outside_air: below_c, c: 30}, each: true, delay: 15m, target: vm, action: repair}
)"));
  CHECK(run.intervals("vm") == "02:00-04:15, 06:00-08:15");
}

TEST_CASE("a water discharge in a hall already dark still seals it and sets off its trigger") {
  // Review 7: publish_state wrote no journal record when the powered-off room's state did not change, so
  // the stage in the hall went on and the repair on 'discharged' never started.
  const Run run = run_yaml(sealed_hall("water", R"(
  - name: in the hall
    at: "00:30"
    stages: [{name: fix, duration: 1h, crew: techs, people: 1, wait_for: {component: hall, event: accessible}}]
  - name: on the discharge
    when: {component: hall, event: discharged}
    stages: [{name: evacuate, duration: 5m}]
)") + R"(
operator_actions:
  - {at: "00:45", target: hall, action: power_off}
)");
  CHECK(run.result.repairs.at(0).stages.at(0).interruptions == 1);
  CHECK(clock(run.result.repairs.at(0).ended) == "03:30");
  CHECK(clock(run.result.repairs.at(1).started) == "01:00");
}

TEST_CASE("a return undone in its instant by a triggered fault sets off no trigger and wakes no stage") {
  // Blind trial K: breakers found bad as the generators came back (a fault triggered on their return)
  // left the hall powered for no time, and what waited for the hall's power to return went on then.
  const Run run = run_yaml(scenario_yaml(R"(
crews: [{name: ops, headcount: 2}]
components:
  - {name: generators, kind: power_feed}
  - {name: breakers, kind: power_feed, needs: generators}
  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 1000}
  - {name: hall, kind: room, cooling: plant, power: breakers, design_cooling_kw: 1000, thermal_mass_kj_per_c: 100000}
  - {name: spare, kind: power_feed}
faults:
  - {at: "01:00", target: generators, action: fail}
  - {at: "02:00", target: generators, action: repair}
  - {when: {component: generators, event: returns_up}, target: breakers, action: fail}
  - {at: "04:00", target: breakers, action: repair}
operator_actions:
  - {when: {component: hall, event: returns_up}, target: spare, action: fail}
repairs:
  - name: after the power
    when: {component: generators, event: enters_down}
    stages:
      - {name: wait for the hall, duration: 10m, crew: ops, people: 1, wait_for: {component: hall, event: returns_up}}
)"));
  REQUIRE(run.result.injection_applied_at.size() == 5);
  CHECK(clock_or_never(run.result.injection_applied_at[2]) == "02:00");  // the breakers found bad
  CHECK(clock_or_never(run.result.injection_applied_at[4]) == "04:00");  // the hall's real return
  CHECK(run.intervals("spare") == "04:00-end");
  REQUIRE(run.result.repairs.size() == 1);
  CHECK(clock_or_never(run.result.repairs[0].stages[0].ended) == "04:10");
}

TEST_CASE("cancel_when calls off a triggered action still waiting out its delay") {
  // Session 31: HK with a standby switch that works (the plant back at 09:09) still shed every hall at
  // 10:30, and OKX was down 9 hours for a cooling loss of 8 minutes.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute}
  - {name: late, kind: compute}
faults:
  - {at: "01:00", target: feed, action: fail}
  - {at: "01:20", target: feed, action: repair}
  - {at: "03:00", target: feed, action: fail}
operator_actions:
  - {when: {component: feed, event: enters_down}, delay: 30m, each: true, target: vm, action: fail,
     cancel_when: {component: feed, event: returns_up}}
  - {at: "05:00", target: late, action: fail, cancel_when: {component: feed, event: returns_up}}
)"));
  // The first outage's drain is called off by the return at 01:20; the second, with no return, runs.
  CHECK(run.intervals("vm") == "03:30-end");
  CHECK(run.intervals("late") == "");  // timed: pending from the start, called off at 01:20
  // The faults come first: the two actions are injections 3 and 4.
  REQUIRE(run.result.injection_cancellations.size() == 5);
  REQUIRE(run.result.injection_cancellations[3].size() == 1);
  CHECK(clock(run.result.injection_cancellations[3][0].at) == "01:20");
  CHECK(run.result.injection_cancellations[3][0].applications == 1);
  CHECK(clock(run.result.injection_applied_at[3]) == "03:30");
  CHECK(run.result.injection_applied_at[4].is_never());
}

TEST_CASE("cancel_when stops a repair in its stage: its people leave and its actions never run") {
  const Run run = run_yaml(scenario_yaml(R"(
crews:
  - {name: ops, headcount: 2}
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute}
  - {name: other, kind: compute}
faults:
  - {at: "01:00", target: feed, action: fail}
  - {at: "01:30", target: feed, action: repair}
repairs:
  - name: long fix
    when: {component: feed, event: enters_down}
    cancel_when: {component: feed, event: returns_up}
    stages:
      - {name: look, duration: 10m, crew: ops, people: 1}
      - {name: fix, duration: 2h, crew: ops, people: 2, then: [{target: vm, action: fail}]}
  - name: after it
    when: {component: feed, event: returns_up}
    stages:
      - {name: needs both, duration: 1h, crew: ops, people: 2, then: [{target: other, action: fail}]}
  - name: never starts
    when: {component: feed, event: enters_down}
    delay: 1h
    cancel_when: {component: feed, event: returns_up}
    stages:
      - {name: anything, duration: 10m, then: [{target: other, action: repair}]}
)"));
  const auto& fix = run.result.repairs.at(0);
  CHECK(clock(fix.cancelled) == "01:30");
  CHECK(fix.ended.is_never());
  CHECK(clock(fix.stages.at(0).ended) == "01:10");
  CHECK(fix.stages.at(1).ended.is_never());
  CHECK(run.intervals("vm") == "");
  // The two people of the called-off stage are free at once for the next repair.
  CHECK(clock(run.result.repairs.at(1).stages.at(0).began) == "01:30");
  CHECK(run.intervals("other") == "02:30-end");
  CHECK(run.result.repairs.at(2).started.is_never());
  CHECK(clock(run.result.repairs.at(2).cancelled) == "01:30");
}

TEST_CASE("a cancel_when of the same instant as the trigger does not call off what it starts") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: power_feed}
  - {name: b, kind: power_feed}
  - {name: vm, kind: compute}
faults:
  - {at: "01:00", target: b, action: fail}
  - {at: "02:00", target: a, action: fail}
  - {at: "02:00", target: b, action: repair}
operator_actions:
  - {when: {component: a, event: enters_down}, delay: 10m, target: vm, action: fail,
     cancel_when: {component: b, event: returns_up}}
)"));
  CHECK(run.intervals("vm") == "02:10-end");
}

TEST_CASE("a cancel_when of a repair's end does not call off what that same end starts") {
  // Review 11: starts from a repair's end (or the outside air) came before the instant's cancels.
  const Run run = run_yaml(scenario_yaml(R"(
weather:
  outside_c: [{at: "00:00", c: 20}, {at: "03:00", c: 35}]
components:
  - {name: x, kind: compute}
  - {name: y, kind: compute}
  - {name: z, kind: compute}
repairs:
  - {name: first, at: "01:00", stages: [{name: s, duration: 1h}]}
operator_actions:
  - {when: {repair: first}, delay: 30m, target: y, action: fail, cancel_when: {repair: first}}
  - {when: {outside_air: above_c, c: 30}, delay: 30m, target: z, action: fail,
     cancel_when: {outside_air: above_c, c: 30}}
)"));
  CHECK(run.intervals("y") == "02:30-end");
  CHECK(run.intervals("z") == "03:30-end");
}

TEST_CASE("shared work queued for a vendor is cut to those who arrive on a smaller shift") {
  // Review 12 (session 32): the stage asked for all 7 of the vendor's people, who arrived at 21:00 on the
  // night's 3, and idled until the day shift. 36 person-hours by 3 until 09:00 would be 12 h; from 07:00
  // the 7 share the last 6: 21:00 + 10h = 07:00 (30 done), 12 left by 7 = 1h42m51s.
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
crews:
  - name: vendor
    call_out: 4h
    shifts: [{from: "07:00", headcount: 7}, {from: "19:00", headcount: 3}]
repairs:
  - name: fix
    at: "17:00"
    stages:
      - {name: rebuild, work: 42h, crew: vendor, people: 7}
)",
                                         "3d"));
  const auto& rebuild = run.result.repairs[0].stages[0];
  CHECK(clock(rebuild.began) == "21:00");
  CHECK(clock(rebuild.ended) == "08:42:51+1d");
}

TEST_CASE("a queued request is raised by a bigger shift only as far as people are free") {
  // Review 12 (session 32): asked at 06:00 for the 3 on duty (2 busy until 18:00), the request was raised
  // to the day's 7 at 07:00 with 5 free, and waited until 18:00. Raised to the 5 free, it starts at 07:00:
  // 42 person-hours by 5, 8h24m.
  const Run run = run_yaml(scenario_yaml(std::string(kPlant) + R"(
crews:
  - name: site
    shifts: [{from: "07:00", headcount: 7}, {from: "19:00", headcount: 3}]
repairs:
  - name: other
    at: "05:00"
    stages:
      - {name: watch the pumps, duration: 13h, crew: site, people: 2}
  - name: fix
    at: "06:00"
    stages:
      - {name: rebuild, work: 42h, crew: site, people: 7}
)",
                                         "3d"));
  const auto& rebuild = run.result.repairs[1].stages[0];
  CHECK(clock(rebuild.began) == "07:00");
  CHECK(clock(rebuild.ended) == "15:24");
  CHECK(rebuild.people == 5u);
}

TEST_CASE("a flood stops the stages working in the hall and a gas agent still discharges into it") {
  // Review 12 (session 32): nothing tested that a flood seals the hall for the stages in it; and a flooded
  // gas hall refused its unspent agent.
  const Run run = run_yaml(scenario_yaml(R"(
crews: [{name: site, headcount: 2}]
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000,
     suppression: gas, reentry_after: 1h}
repairs:
  - name: inspect
    at: "01:00"
    stages:
      - {name: walk the hall, duration: 2h, crew: site, people: 2, wait_for: {component: room, event: accessible}}
  - name: evacuate
    when: {component: room, event: discharged}
    stages: [{name: leave, duration: 5m}]
operator_actions:
  - {at: "02:00", target: room, action: flood}
  - {at: "02:30", target: room, action: discharge}
)"));
  // Stopped at 02:00 with 1 h left; sealed again at 02:30 until 03:30; done at 04:30.
  const auto& walk = run.result.repairs[0].stages[0];
  CHECK(walk.interruptions == 1);
  CHECK(clock(walk.ended) == "04:30");
  CHECK(clock(run.result.repairs[1].started) == "02:30");
}
