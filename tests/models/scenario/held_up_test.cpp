#include "models/scenario/held_up.hpp"

#include <catch2/catch.hpp>
#include <variant>

#include "models/scenario/simulation.hpp"
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
  const ScenarioSpec held = held_up(spec, 1);
  CHECK(std::get<ServiceParams>(held.components[1].params).needs.is_empty());
  CHECK_FALSE(std::get<ServiceParams>(held.components[2].params).needs.is_empty());
  REQUIRE(held.injections.size() == 1);
  CHECK(held.injections[0].target == 0);
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
  const ScenarioSpec room = held_up(spec, 2);
  const auto& r = std::get<RoomParams>(room.components[2].params);
  CHECK(r.power.is_empty());
  CHECK_FALSE(r.sprinkler_c);
  REQUIRE(room.injections.size() == 2);  // the plant's fault, and the temporary cooling
  CHECK(room.injections[1].action == Action::kAuxiliaryCooling);
  CHECK(room.injections[1].amount == 200);
  CHECK(room.injections[1].at == Time());
  const ScenarioSpec pool = held_up(spec, 3);
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
  CHECK(simulate(held_up(dry, 3), 1).downtime(shop) == Time());
  const ScenarioSpec plant = held_up(spec, 1);
  CHECK(std::get<CoolingPlantParams>(plant.components[1].params).power.is_empty());
  CHECK(plant.injections.empty());
}
