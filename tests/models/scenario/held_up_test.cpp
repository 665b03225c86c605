#include "models/scenario/held_up.hpp"

#include <catch2/catch.hpp>
#include <variant>

#include "models/scenario/simulation.hpp"
#include "tests/support/pool_behind_feed.hpp"
#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using namespace outagesim::models;
using outagesim::sim::Time;

TEST_CASE("a held-up service needs nothing and keeps no injection, the others keep theirs") {
  const ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute, needs: feed}
  - {name: disks, kind: block_storage, needs: feed}
tenants:
  - {name: shop, needs: [vm, disks]}
faults:
  - {at: "01:00", target: feed, action: fail}
  - {at: "02:00", target: vm, action: fail}
  - {at: "03:00", target: vm, action: repair}
)"));
  const ScenarioSpec held = held_up(spec, 1, simulate(spec));
  CHECK(std::get<ServiceParams>(held.components[1].params).needs.is_empty());
  CHECK_FALSE(std::get<ServiceParams>(held.components[2].params).needs.is_empty());
  REQUIRE(held.injections.size() == 1);
  CHECK(held.injections[0].target == 0);
}

TEST_CASE("a held-up plant neither derates nor trips in hot air") {
  // Regression (session 27's review): the held plant kept its high-ambient trip.
  const ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 250, derate_pct_per_c: 2, max_outside_c: 46}
)"));
  const ScenarioSpec held = held_up(spec, 0, simulate(spec));
  const auto& plant = std::get<CoolingPlantParams>(held.components[0].params);
  CHECK(plant.derate_pct_per_c == 0);
  CHECK_FALSE(plant.max_outside_c.has_value());
}

TEST_CASE(
    "a held-up room keeps its setpoint without power needs or sprinklers, a held-up pool never trips on "
    "heat") {
  const ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 100, power: feed}
  - {name: room, kind: room, cooling: plant, power: feed, design_cooling_kw: 200,
     thermal_mass_kj_per_c: 50000, sprinkler_c: 60}
  - {name: pool, kind: host_pool, room: room, hosts: 10, kw_per_host: 10, shutdown_c: 40, rated_c: 35}
tenants:
  - {name: shop, needs: [pool]}
faults:
  - {at: "01:00", target: plant, action: fail}
)"));
  const RunResult base = simulate(spec);
  const ScenarioSpec room = held_up(spec, 2, base);
  const auto& r = std::get<RoomParams>(room.components[2].params);
  CHECK(r.power.is_empty());
  CHECK_FALSE(r.sprinkler_c);
  REQUIRE(room.injections.size() == 2);  // the plant's fault, and the temporary cooling
  CHECK(room.injections[1].action == Action::kAuxiliaryCooling);
  CHECK(room.injections[1].amount == 200);
  CHECK(room.injections[1].at == Time());
  const ScenarioSpec pool = held_up(spec, 3, base);
  const auto& p = std::get<HostPoolParams>(pool.components[3].params);
  CHECK_FALSE(p.shutdown_c);
  CHECK_FALSE(p.rated_c);
  // Run: the plant's failure heats the room until the pool trips, unless the room or the pool is held up.
  const ComponentId shop = spec.tenants[0].functions[0].id;
  CHECK(simulate(spec, 1).downtime(shop) > Time());
  CHECK(simulate(room, 1).downtime(shop) == Time());
  // A held-up pool never trips on heat, but its heat takes the room to the sprinklers at 60 °C, which
  // cut the room's power: physics a held pool does not escape. Without sprinklers it runs throughout.
  CHECK(simulate(pool, 1).downtime(shop) > Time());
  ScenarioSpec dry = spec;
  std::get<RoomParams>(dry.components[2].params).sprinkler_c.reset();
  CHECK(simulate(held_up(dry, 3, simulate(dry)), 1).downtime(shop) == Time());
  const ScenarioSpec plant = held_up(spec, 1, base);
  CHECK(std::get<CoolingPlantParams>(plant.components[1].params).power.is_empty());
  CHECK(plant.injections.empty());
}

TEST_CASE("the operators act when they did, though the component whose failure they acted on is held up") {
  // Regression (session 20): holding y up removed the repair its failure triggers, so x was never
  // repaired and rank read "held up: -9h". y only passed x's failure on: the operators still act on it.
  const ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: x, kind: object_storage}
  - {name: y, kind: compute, needs: x}
  - {name: z, kind: compute}
tenants:
  - {name: t1, needs: [y]}
  - {name: t2, needs: [x]}
faults:
  - {at: "10:00", target: x, action: fail}
operator_actions:
  - {when: {component: y, event: enters_down}, delay: 30m, target: z, action: fail, note: by the trigger}
  - {when: {component: z, event: enters_down}, target: x, action: repair, note: then z}
repairs:
  - name: fix x
    when: {component: y, event: leaves_up}
    delay: 1h
    stages: [{name: fix, duration: 2h, then: [{target: x, action: repair}]}]
)"));
  const RunResult base = simulate(spec);
  const ScenarioSpec held = held_up(spec, 1, base);
  REQUIRE(held.repairs.size() == 1);
  CHECK(held.repairs[0].when.empty());
  CHECK(held.repairs[0].at == Time::hours(11) + Time::ms(1));  // y left up at 10:00, plus the hour
  CHECK(held.repairs[0].delay == Time());
  const auto noted = [&](const ScenarioSpec& s, const std::string& note) -> const InjectionSpec& {
    for (const InjectionSpec& i : s.injections) {
      if (i.note == note) return i;
    }
    FAIL("no injection noted " << note);
    return s.injections.front();
  };
  CHECK(noted(held, "by the trigger").when.empty());
  CHECK(noted(held, "by the trigger").at == Time::minutes(10 * 60 + 30) + Time::ms(1));
  CHECK_FALSE(noted(held, "then z").when.empty());  // it watches z, not the held component: left to fire
  const ComponentId t1 = spec.tenants[0].functions[0].id;
  const ComponentId t2 = spec.tenants[1].functions[0].id;
  const RunResult run = simulate(held);
  CHECK(run.downtime(t1) == Time());
  CHECK(run.downtime(t2) >= base.downtime(t2));  // the replay comes a millisecond later
  CHECK(run.downtime(t2) <= base.downtime(t2) + Time::ms(1));
  // Held up, x's own fault is gone: what its failure set off is not replayed, and nothing is down.
  const ScenarioSpec root = held_up(spec, 0, base);
  CHECK_FALSE(root.repairs[0].when.empty());
  CHECK_FALSE(noted(root, "by the trigger").when.empty());
  const RunResult calm = simulate(root);
  CHECK(calm.downtime(t1) == Time());
  CHECK(calm.downtime(t2) == Time());
}

TEST_CASE("a replayed repair comes after the failure that set it off, at the same instant") {
  // Regression (session 20): replayed as an `at` from the start, the repair of x ran ahead of x's fault at
  // the same minute, and rank credited holding y up with -14h.
  const ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: x, kind: object_storage}
  - {name: y, kind: compute, needs: x}
tenants:
  - {name: t2, needs: [x]}
faults:
  - {at: "10:00", target: x, action: fail}
operator_actions:
  - {when: {component: y, event: enters_down}, target: x, action: repair, note: at once}
)"));
  const RunResult base = simulate(spec);
  const ComponentId t2 = spec.tenants[0].functions[0].id;
  CHECK(base.downtime(t2) == Time());
  CHECK(simulate(held_up(spec, 1, base)).downtime(t2) <= Time::ms(1));
}

TEST_CASE("a replayed repair that waits for the held component to return does not wait for ever") {
  // Regression: the stage waited for y to return, which held up it never did, so w was never repaired and
  // holding y up read as a loss to the horizon.
  const ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: x, kind: object_storage}
  - {name: y, kind: compute, needs: x}
  - {name: w, kind: network}
tenants:
  - {name: t2, needs: [x, w]}
faults:
  - {at: "10:00", target: x, action: fail}
  - {at: "10:00", target: w, action: fail}
repairs:
  - name: fix x, check y, then fix w
    when: {component: y, event: enters_down}
    stages:
      - {name: fix x, duration: 1h, then: [{target: x, action: repair}]}
      - {name: check y, duration: 30m, wait_for: [{component: y, event: returns_up}],
         then: [{target: w, action: repair}]}
)"));
  const RunResult base = simulate(spec);
  const ComponentId t2 = spec.tenants[0].functions[0].id;
  REQUIRE(base.downtime(t2) == Time::minutes(90));  // 10:00 to 11:30, when y's check ends and w is fixed
  const ScenarioSpec held = held_up(spec, 1, base);
  REQUIRE(held.repairs[0].stages[1].wait_for.size() == 1);
  CHECK(held.repairs[0].stages[1].wait_for[0].met_while_up);
  const Time downtime = simulate(held).downtime(t2);
  CHECK(downtime >= base.downtime(t2));
  CHECK(downtime <= base.downtime(t2) + Time::ms(1));
}

TEST_CASE("a held-up host pool whose room lost power is still waited for by a repair's stage") {
  // Regression (session 22's review): dropping the wait let the stage fix w while the pool was dark, and
  // rank credited holding the pool up with 2 hours it could not have saved.
  const ScenarioSpec spec = load_spec(scenario_yaml(kPoolBehindFeed));
  const RunResult base = simulate(spec);
  const ComponentId t = spec.tenants[0].functions[0].id;
  REQUIRE(base.downtime(t) > Time::hours(2));
  const ScenarioSpec held = held_up(spec, 3, base);
  CHECK(simulate(held).downtime(t) == base.downtime(t));
}

TEST_CASE("a stage waiting for a pool downstream of a held-up room goes ahead once the run shows it stood") {
  // Regression (session 22's review): holding the room up kept the pool running, so the stage waiting for
  // the pool's return waited to the horizon, and rank read holding the room up as an 11h30m loss.
  const ScenarioSpec spec = load_spec(scenario_yaml(kPoolBehindFeed));
  const RunResult base = simulate(spec);
  const ComponentId t = spec.tenants[0].functions[0].id;
  ScenarioSpec held = held_up(spec, 2, base);
  RunResult run = simulate(held);
  REQUIRE(run.intervals[3].empty());          // the pool never left up
  CHECK(run.downtime(t) == Time::hours(14));  // 10:00 to the horizon: the check never started
  REQUIRE(release_waits_never_met(held, base, run));
  CHECK(held.repairs[0].stages[0].wait_for[0].met_while_up);
  run = simulate(held);
  CHECK(run.downtime(t) == Time::minutes(30));  // the pool stood: the check starts at once
  CHECK_FALSE(release_waits_never_met(held, base, run));
  // Holding the plant up changes nothing of the power loss: the pool still goes dark, the wait stays.
  ScenarioSpec plant_held = held_up(spec, 1, base);
  CHECK_FALSE(release_waits_never_met(plant_held, base, simulate(plant_held)));
}
