// Each malformed scenario must be refused with every problem named at its file:line:column, the source
// line and a caret under the spot, and what was expected. Whole messages are compared, as ninja's parser
// tests do.
#include "loader/scenario_loader.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using outagesim::loader::load_scenario_file;

namespace {
constexpr const char* kPlant = R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 900, thermal_mass_kj_per_c: 50000}
  - {name: hosts, kind: host_pool, room: room, hosts: 40, kw_per_host: 10, shutdown_c: 40}
  - {name: vm, kind: compute, needs: hosts}
)";
}  // namespace

TEST_CASE("a good scenario loads into typed values") {
  const auto spec = load_spec(scenario_yaml(std::string(kPlant) + R"(
tenants:
  - {name: shop, needs: [vm], recovery: 30m}
faults:
  - {at: "+1h", target: plant, action: fail_chillers, count: 2, note: pump}
)"));
  CHECK(spec.components.size() == 4);
  CHECK(spec.tenants.size() == 1);
  CHECK(spec.tenants[0].functions[0].name == "service");
  CHECK(spec.tenants[0].functions[0].id == 4);
  CHECK(spec.tenants[0].id == 5);
  REQUIRE(spec.injections.size() == 1);
  CHECK(spec.injections[0].at == outagesim::sim::Time::hours(1));
  CHECK(spec.injections[0].amount == 2);
  CHECK(spec.horizon == outagesim::sim::Time::hours(24));
}

TEST_CASE("a plant on power or control that nothing restarts loads with a warning at the plant") {
  // Blind trial K: a 2-second sag left a plant off for 12 hours, as written, with no word said.
  const auto loaded = outagesim::loader::load_scenario_text(scenario_yaml(R"(
components:
  - {name: utility, kind: power_feed}
  - {name: bms, kind: network}
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500, power: utility}
  - {name: plant2, kind: cooling_plant, chillers: 2, chiller_kw: 500, power: utility, auto_restart: 1,
     control: bms, control_restart: manual}
  - {name: plant3, kind: cooling_plant, chillers: 2, chiller_kw: 500, power: utility, control: bms,
     control_restart: manual}
  - {name: plant4, kind: cooling_plant, chillers: 2, chiller_kw: 500, power: utility, auto_restart: 2,
     auto_restart_trips: 2}
  - {name: plant5, kind: cooling_plant, chillers: 2, standby_chillers: 1, chiller_kw: 500, power: utility,
     auto_restart: 3, auto_restart_trips: 2}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 900, thermal_mass_kj_per_c: 50000}
repairs:
  - {name: restart, when: {component: plant3, event: leaves_up},
     stages: [{name: restart, duration: 1h, then: [{target: plant3, action: restore_chillers, count: 2}]}]}
)"),
                                                            "test.yaml");
  REQUIRE(loaded.ok());
  const std::string text = loaded.render_warnings();
  INFO(text);
  CHECK_THAT(text,
             Catch::Contains("test.yaml:8:5: warning: plant 'plant' takes power, but after a loss of it"));
  CHECK_THAT(text,
             Catch::Contains("warning: plant 'plant2' has 'control_restart: manual', but nothing restores"));
  // Review 9: two units that restart by themselves and both trip again restart nothing for good.
  CHECK_THAT(text, Catch::Contains("warning: plant 'plant4' takes power"));
  // Review 10: of three units restarting, only the two primaries do on a day that wants no standby unit.
  CHECK_THAT(text, Catch::Contains("warning: plant 'plant5' takes power"));
  CHECK(loaded.warnings.size() == 4);  // plant3's repair restores it
  CHECK(loaded.render().empty());
}

TEST_CASE("temporary cooling removed where none was added loads with a warning at the room") {
  // Blind trial O (session 32): a fire's heat written as auxiliary_cooling kw: -800, a certain no-op.
  const auto loaded = outagesim::loader::load_scenario_text(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 450, thermal_mass_kj_per_c: 50000}
  - {name: hall2, kind: room, cooling: plant, design_cooling_kw: 450, thermal_mass_kj_per_c: 50000}
faults:
  - {at: "01:00", target: hall, action: auxiliary_cooling, kw: -800, note: the fire}
  - {at: "01:00", target: hall2, action: auxiliary_cooling, kw: 100}
  - {at: "02:00", target: hall2, action: auxiliary_cooling, kw: -100}
)"),
                                                            "test.yaml");
  REQUIRE(loaded.ok());
  const std::string text = loaded.render_warnings();
  INFO(text);
  CHECK_THAT(text,
             Catch::Contains("test.yaml:7:5: warning: room 'hall' has an auxiliary_cooling that removes"));
  CHECK(loaded.warnings.size() == 1);  // hall2 removes what it was given
}

TEST_CASE("a plant that meets air past its limit with nothing to restart it, or starts in it, warns") {
  // Blind trial M (session 31): the high-ambient trip is a trip, restarted only as auto_restart says.
  const auto loaded = outagesim::loader::load_scenario_text(scenario_yaml(R"(
weather:
  outside_c: [{at: "00:00", c: 30}, {at: "12:00", c: 47}, {at: "15:00", c: 35}]
components:
  - {name: tripped, kind: cooling_plant, chillers: 2, chiller_kw: 500, max_outside_c: 46}
  - {name: restarts, kind: cooling_plant, chillers: 2, chiller_kw: 500, max_outside_c: 46, auto_restart: 2}
  - {name: hot, kind: cooling_plant, chillers: 2, chiller_kw: 500, max_outside_c: 40, rated_outside_c: 25,
     outside_c: 41, auto_restart: 2}
)"),
                                                            "test.yaml");
  REQUIRE(loaded.ok());
  const std::string text = loaded.render_warnings();
  INFO(text);
  CHECK_THAT(text,
             Catch::Contains("plant 'tripped' meets outside air of 47 °C, above its max_outside_c 46 °C"));
  CHECK_THAT(text,
             Catch::Contains("plant 'hot' starts in outside air of 41 °C, above its max_outside_c 40 °C"));
  CHECK(loaded.warnings.size() == 2);
}

TEST_CASE("a plant whose ratings cannot cool its rooms in their coolest air is refused") {
  // Blind trial M: rated to 10 °C and losing 5 %/°C, it gave half its capacity in 20 °C air, and the run
  // blamed the outside air for an outage that was a typo.
  const std::string errors = load_errors(scenario_yaml(R"(
weather: {outside_c: 20}
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500, rated_outside_c: 10, derate_pct_per_c: 5}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 95000}
  - {name: hosts, kind: host_pool, room: hall, hosts: 450, kw_per_host: 2}
)"));
  CHECK_THAT(errors,
             Catch::Contains("'plant' cannot cool room 'hall' even in its coolest air (20 °C): rated to "
                             "10 °C outside, its chillers give 50 % of their capacity there"));
  // A heatwave is no input error: the same plant rated to 35 °C in 45 °C air loads.
  CHECK(load_spec(scenario_yaml(R"(
weather: {outside_c: 45}
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500, rated_outside_c: 35, derate_pct_per_c: 5}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 95000}
  - {name: hosts, kind: host_pool, room: hall, hosts: 450, kw_per_host: 2}
)"))
            .components.size() == 3);
}

TEST_CASE("an unknown key is named, pointed at, and the nearest key suggested") {
  CHECK(
      load_errors(scenario_yaml(R"(
components:
  - name: plant
    kind: cooling_plant
    chillers: 2
    chiller_kw: 500
    standby_chilers: 2
)")) ==
      R"(test.yaml:10:5: error: unknown key 'standby_chilers' in component 'plant'; did you mean 'standby_chillers'?
 10 |     standby_chilers: 2
    |     ^
  expected: one of auto_restart, auto_restart_delay, auto_restart_trips, chiller_kw, chillers, control, control_restart, derate_pct_per_c, description, kind, max_outside_c, name, outside_c, power, profile, rated_outside_c, retrip_after, shared_loop, standby_chillers, standby_switch, storage_kwh, zone
1 problem found
)");
}

TEST_CASE(
    "a required key written with a typo is one error at the typo, not a missing key and an unknown one") {
  // Blind trial J: `outside_C` under `weather` gave two errors for one mistake.
  CHECK(
      load_errors(scenario_yaml(R"(
components:
  - name: plant
    kind: cooling_plant
    chillers: 2
    chiller_kws: 500
)")) ==
      R"(test.yaml:9:5: error: component 'plant' lacks the required key 'chiller_kw'; is 'chiller_kws' meant to be it?
 9 |     chiller_kws: 500
   |     ^
  expected: 'chiller_kw: ...' in this mapping
1 problem found
)");
  // Review 9: a valid key near the missing one is no typo of it, and the unknown key is found after it.
  const std::string valid_near = load_errors(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chiller_kw: 500, chillerz: 2}
)"));
  CHECK_THAT(valid_near, Catch::Contains("test.yaml:6:57: error: component 'plant' lacks the required key "
                                         "'chillers'; is 'chillerz' meant to be it?"));
  CHECK_THAT(valid_near, Catch::Contains("1 problem found"));
  const std::string only_valid = load_errors(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chiller_kw: 500}
)"));
  CHECK_THAT(only_valid, Catch::Contains("component 'plant' lacks the required key 'chillers'\n"));
  // A key far from the missing one is still an unknown key of its own.
  const std::string far = load_errors(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, capacity: 500}
)"));
  CHECK_THAT(far, Catch::Contains("component 'plant' lacks the required key 'chiller_kw'\n"));
  CHECK_THAT(far, Catch::Contains("unknown key 'capacity' in component 'plant'"));
}

TEST_CASE("a dangling reference suggests the nearest name") {
  CHECK(
      load_errors(scenario_yaml(std::string(kPlant) + R"(
tenants:
  - {name: shop, needs: [vn]}
)")) ==
      R"(test.yaml:12:26: error: 'needs' of 'shop/service' names 'vn', which is no component; did you mean 'vm'?
 12 |   - {name: shop, needs: [vn]}
    |                          ^
  expected: the name of a component
1 problem found
)");
}

TEST_CASE("a reference to the wrong kind says what it found") {
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: vm, kind: compute}
  - {name: room, kind: room, cooling: vm, design_cooling_kw: 900, thermal_mass_kj_per_c: 50000}
)"));
  CHECK(errors.find("test.yaml:8:39: error: 'cooling' of component 'room' names 'vm', a compute") == 0);
  CHECK(errors.find("expected: the name of a cooling_plant") != std::string::npos);
  // Regression (session 20): "a object_storage", "a image_service".
  const std::string vowel = load_errors(scenario_yaml(R"(
components:
  - {name: oss, kind: object_storage}
  - {name: room, kind: room, cooling: oss, design_cooling_kw: 900, thermal_mass_kj_per_c: 50000}
)"));
  CHECK(vowel.find("names 'oss', an object_storage") != std::string::npos);
}

TEST_CASE("a dependency cycle is refused with the cycle printed") {
  CHECK(load_errors(scenario_yaml(R"(
components:
  - {name: a, kind: compute, needs: b}
  - {name: b, kind: middleware, needs: c}
  - {name: c, kind: network, needs: a}
)")) == R"(test.yaml:6:5: error: dependency cycle: a -> b -> c -> a
 6 |   - {name: a, kind: compute, needs: b}
   |     ^
  expected: dependencies that form no cycle
1 problem found
)");
}

TEST_CASE("every problem of a file is reported in one pass") {
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {name: a, kind: compute, recovery: -5m}
  - {name: a, kind: computer}
  - {name: b, kind: database, primary: {k: 3, of: [a]}}
faults:
  - {at: "25:00", target: a, action: fail}
  - {at: "+2h", target: a, action: shed_load}
)"));
  CHECK(errors.find("test.yaml:6:40: error: 'recovery' of component 'a' is '-5m', not a valid duration") !=
        std::string::npos);
  CHECK(errors.find("test.yaml:7:12: error: duplicate component name 'a' (first declared on line 6)") !=
        std::string::npos);
  CHECK(errors.find("unknown component kind 'computer'; did you mean 'compute'?") != std::string::npos);
  CHECK(errors.find("asks for k = 3 of only 1") != std::string::npos);
  CHECK(errors.find("'at' of a fault is '25:00', not a time") != std::string::npos);
  CHECK(errors.find("action 'shed_load' does not apply to compute 'a'") != std::string::npos);
  CHECK(errors.find("6 problems found") != std::string::npos);
}

TEST_CASE("impossible capacities are refused") {
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 500}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 900, thermal_mass_kj_per_c: 50000}
  - {name: hosts, kind: host_pool, room: room, hosts: 100, kw_per_host: 10, shutdown_c: 30}
)"));
  CHECK(errors.find("host pool 'hosts' shuts down from 30 °C, not above the alarm_c 32 °C of room 'room'") !=
        std::string::npos);
  CHECK(errors.find(
            "room 'room' cannot hold its setpoint at full load: its equipment gives 1000 kW, its cooling "
            "and heat loss remove 900 kW") != std::string::npos);
  CHECK(errors.find("rooms cooled by 'plant' are designed for 900 kW but its chillers give 500 kW") !=
        std::string::npos);
}

TEST_CASE("times outside the horizon or before the start are refused") {
  const std::string errors = load_errors(scenario_yaml(std::string(kPlant) + R"(
faults:
  - {at: "+25h", target: vm, action: fail}
  - {at: "2021-12-31T23:00", target: vm, action: fail}
)"));
  CHECK(errors.find("'at' of a fault '+25h' is at or after the end of the horizon") != std::string::npos);
  CHECK(errors.find("'at' of a fault '2021-12-31T23:00' is before the scenario start") != std::string::npos);
}

TEST_CASE("broken YAML is reported where the parser stopped") {
  CHECK(load_errors("scenario: x\ncomponents: [a, b\n") ==
        "test.yaml:3:1: error: YAML syntax error: end of sequence flow not found\n"
        " 3 | \n"
        "   | ^\n"
        "  expected: well-formed YAML\n"
        "1 problem found\n");
}

TEST_CASE("empty, non-UTF-8, missing and directory inputs are refused") {
  CHECK(load_errors("") ==
        "test.yaml: error: the scenario is empty\n"
        "  expected: a mapping with at least 'scenario', 'start' and 'components'\n"
        "1 problem found\n");
  CHECK(load_errors("scenario: caf\xe9\n").find("test.yaml:1:14: error: the file is not valid UTF-8 text") ==
        0);
  CHECK(load_errors("- just\n- a list\n").find("error: the scenario is a list") != std::string::npos);
  CHECK(load_scenario_file("/no/such/file.yaml").render() ==
        "/no/such/file.yaml: error: no such file\n  expected: the path of a scenario YAML file\n1 problem "
        "found\n");
  CHECK(load_scenario_file(std::filesystem::temp_directory_path().string()).render().find("is a directory") !=
        std::string::npos);
}

TEST_CASE("a scenario needs components, a start and a valid horizon") {
  const std::string errors = load_errors("scenario: x\nhorizon: 0\ncomponents: []\n");
  CHECK(errors.find("the scenario lacks the required key 'start'") != std::string::npos);
  CHECK(errors.find("'horizon' is out of range") != std::string::npos);
  CHECK(errors.find("the region has no components") != std::string::npos);
}

TEST_CASE("requirements nest, and absurd nesting is refused rather than recursed into") {
  const auto spec = load_spec(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
  - {name: c, kind: compute}
  - {name: d, kind: compute, needs: {any_of: [a, {all_of: [b, c]}]}}
)"));
  CHECK(std::get<outagesim::models::ServiceParams>(spec.components[3].params).needs.mode ==
        outagesim::models::Requirement::Mode::kAnyOf);
  std::string deep = "[a]";
  for (int i = 0; i < 40; ++i) deep = "[" + deep + "]";
  const std::string errors =
      load_errors(scenario_yaml("components:\n  - {name: a, kind: compute}\n"
                                "  - {name: b, kind: compute, needs: " +
                                deep + "}\n"));
  CHECK(errors.find("nests deeper than 32 levels") != std::string::npos);
}

TEST_CASE("strategies and variants load into typed values") {
  const auto spec = load_spec(scenario_yaml(R"(
components:
  - {name: zone-a, kind: compute}
  - {name: zone-b, kind: compute}
  - {name: api, kind: control_plane, nodes: [{rps: 10}]}
  - {name: images, kind: image_service}
tenants:
  - name: shop
    needs: [zone-a]
    strategy: {kind: standby, needs: zone-b, detection: 5m, decision: 10m, switchover: 2m, dns_ttl: 1m, replication_lag: 5s}
variants:
  - name: launch
    tenant: shop
    strategy: {kind: launch_new, target: zone-b, control_plane: api, image: custom, image_service: images, instances: 3,
               at: "+2h", retry: {initial: 5s, max: 1m, multiplier: 3}}
  - name: cold
    tenant: shop
    functions:
      service: {kind: cross_region, mode: cold, needs: zone-b, provision: 3h, backup_every: 12h, backup_age_at_start: 1h}
)"));
  const auto& standby = std::get<outagesim::models::StandbySpec>(spec.tenants[0].functions[0].strategy.get());
  CHECK(standby.trigger.detection == outagesim::sim::Time::minutes(5));
  CHECK(standby.replication_lag == outagesim::sim::Time::seconds(5));
  REQUIRE(spec.variants.size() == 2);
  const auto& launch = std::get<outagesim::models::LaunchSpec>(spec.variants[0].strategies[0].second);
  CHECK(launch.image_service == 3);
  CHECK(launch.instances == 3);
  CHECK(*launch.trigger.not_before == outagesim::sim::Time::hours(2));
  CHECK(launch.retry_multiplier == 3);
  const auto& cold = std::get<outagesim::models::StandbySpec>(spec.variants[1].strategies[0].second);
  CHECK(cold.cold);
  CHECK(cold.place == outagesim::models::StandbySpec::Place::kRegion);
  CHECK(cold.backups.every == outagesim::sim::Time::hours(12));
}

TEST_CASE("strategy mistakes are reported") {
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {name: zone-a, kind: compute}
  - {name: api, kind: control_plane, nodes: [{rps: 10}]}
tenants:
  - name: shop
    needs: [zone-a]
    strategy: {kind: stanby, needs: zone-a}
variants:
  - {name: v1, tenant: shop, strategy: {kind: launch_new, target: api, control_plane: api, image: custom}}
  - {name: v2, tenant: shp, strategy: {kind: wait_for_repair}}
  - {name: v3, tenant: shop, strategy: {kind: active_active, sites: [{needs: zone-a}], min_sites: 2}}
  - {name: v4, tenant: shop, strategy: {kind: standby, needs: zone-a, mode: cold}}
)"));
  CHECK(errors.find("unknown strategy kind 'stanby'; did you mean 'standby'?") != std::string::npos);
  CHECK(errors.find("'target' of 'strategy' of variant 'v1' names 'api', a control_plane") !=
        std::string::npos);
  CHECK(errors.find("'strategy' of variant 'v1' lacks the required key 'image_service'") !=
        std::string::npos);
  CHECK(
      errors.find("'tenant' of variant 'v2' names 'shp', which is not in 'tenants'; did you mean 'shop'?") !=
      std::string::npos);
  CHECK(errors.find("has fewer than two sites") != std::string::npos);
  CHECK(errors.find("unknown key 'mode' in 'strategy' of variant 'v4'") !=
        std::string::npos);  // only cross_region
}

TEST_CASE("a backup older than the backup interval is refused") {
  // Regression: the age wrapped around the interval, under-reporting the data lost.
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
tenants:
  - name: shop
    needs: [a]
    strategy: {kind: cross_region, mode: cold, needs: b, backup_every: 24h, backup_age_at_start: 30h}
)"));
  CHECK(errors.find("'backup_age_at_start' is not younger than 'backup_every'") != std::string::npos);
}

TEST_CASE("a requirement that YAML aliases blow up is refused, not expanded") {
  // Regression: each level of aliased lists multiplied the tree; a small file could exhaust memory.
  // Four levels stay within the file's budget (below), not within one requirement's.
  std::string yaml = scenario_yaml("components:\n");
  for (int k = 0; k < 10; ++k) yaml += "  - {name: a" + std::to_string(k) + ", kind: compute}\n";
  yaml += "  - {name: l0, kind: compute, needs: &x0 [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9]}\n";
  for (int i = 1; i <= 4; ++i) {
    yaml += "  - {name: l" + std::to_string(i) + ", kind: compute, needs: &x" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) yaml += (k ? ", *x" : "*x") + std::to_string(i - 1);
    yaml += "]}\n";
  }
  const std::string errors = load_errors(yaml);
  CHECK(errors.find("expands to more than 10000 entries") != std::string::npos);
}

TEST_CASE("a milestone is either an event at a public time or a bound on downtime") {
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
milestones:
  - {name: both, component: a, max_downtime: 5m, event: enters_down, public: "01:00"}
)"));
  CHECK(errors.find("milestone 'both' has both 'max_downtime' and an event") != std::string::npos);
}

TEST_CASE("a not_up_at milestone is a check of its own, with neither an event nor a downtime bound") {
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
milestones:
  - {name: with event, component: a, not_up_at: "02:00", event: enters_down, public: "01:00"}
  - {name: with bound, component: a, not_up_at: "02:00", max_downtime: 5m}
  - {name: neither, component: a}
  - {name: fine, component: a, not_up_at: "02:00"}
)"));
  CHECK(errors.find("milestone 'with event' has both 'not_up_at' and an event") != std::string::npos);
  CHECK(errors.find("milestone 'with bound' has both 'max_downtime' and 'not_up_at'") != std::string::npos);
  CHECK(errors.find("milestone 'neither' needs 'event' and 'public', 'max_downtime' or 'not_up_at'") !=
        std::string::npos);
  CHECK(errors.find("'fine'") == std::string::npos);
  CHECK(errors.find("3 problems found") != std::string::npos);
}

TEST_CASE("components that are not a list are reported once") {
  const std::string errors = load_errors(scenario_yaml("components: {name: a}\n"));
  CHECK(errors.find("'components' is not a list") != std::string::npos);
  CHECK(errors.find("1 problem found") != std::string::npos);
}

TEST_CASE("repairs, crews with shifts and triggered actions load into typed values") {
  const auto spec = load_spec(scenario_yaml(std::string(kPlant) + R"(
crews:
  - name: site
    shifts: [{from: "07:00", headcount: 7}, {from: "19:00", headcount: 3}]
  - {name: vendor, headcount: 2, call_out: 3h}
operator_actions:
  - {when: {repair: fix, stage: restart}, delay: 5m, target: hosts, action: shed_load}
repairs:
  - name: fix
    when: {component: plant, event: enters_down}
    stages:
      - {name: diagnose, duration: 1h, crew: site, people: 2}
      - {name: restart, repeat: 2, work: 2h, crew: vendor, people: 2,
         then: [{target: plant, action: restore_chillers, count: 1}]}
)"));
  REQUIRE(spec.crews.size() == 2);
  CHECK(spec.crews[0].max_headcount() == 7);
  CHECK(spec.crews[0].headcount_at(outagesim::sim::Time::hours(3)) == 3);
  CHECK(spec.crews[1].call_out == outagesim::sim::Time::hours(3));
  REQUIRE(spec.repairs.size() == 1);
  CHECK(spec.repairs[0].stages.size() == 3);
  CHECK(spec.repairs[0].stages[2].name == "restart 2/2");
  CHECK(spec.repairs[0].stages[1].elapsed() == outagesim::sim::Time::hours(1));
  // The operator action, then one restore per repetition of the stage.
  REQUIRE(spec.injections.size() == 3);
  CHECK(spec.injections[0].when.at(0).stage == 2);  // the plain name stands for the last repetition
  CHECK(spec.injections[1].when.at(0).stage == 1);
  CHECK(spec.injections[2].note == "repair 'fix': restart 2/2");
}

TEST_CASE("bad triggers and stages are refused with what was expected") {
  const std::string errors = load_errors(scenario_yaml(std::string(kPlant) + R"(
crews: [{name: site, headcount: 2}]
operator_actions:
  - {at: "01:00", when: {component: plant, event: enters_down}, target: hosts, action: shed_load}
  - {when: {component: plant, event: cooled}, target: hosts, action: shed_load}
  - {when: {repair: fixx}, target: hosts, action: shed_load}
repairs:
  - name: fix
    at: "01:00"
    stages:
      - {name: a, duration: 1h, crew: site, people: 3}
      - {name: b, crew: site}
)"));
  CHECK_THAT(errors, Catch::Contains("has both 'at' and 'when'"));
  CHECK_THAT(errors,
             Catch::Contains("event 'cooled' is given only by rooms, and 'plant' is a cooling_plant"));
  CHECK_THAT(errors, Catch::Contains("no repair named 'fixx'; did you mean 'fix'?"));
  CHECK_THAT(errors, Catch::Contains("needs 3 people, but crew 'site' never has more than 2"));
  CHECK_THAT(errors, Catch::Contains("has neither 'duration' nor 'work'"));
  CHECK_THAT(errors, Catch::Contains("names a crew but no 'people'"));
}

TEST_CASE("a temperature trigger needs a room and its temperature, and no stage waits for one") {
  const std::string errors = load_errors(scenario_yaml(std::string(kPlant) + R"(
operator_actions:
  - {when: {component: room, event: above_c}, target: hosts, action: shed_load}
  - {when: {component: plant, event: below_c, c: 30}, target: hosts, action: shed_load}
  - {when: {component: room, event: enters_down, c: 30}, target: hosts, action: shed_load}
  - {when: {component: room, event: above_c, c: 35}, target: hosts, action: shed_load}
repairs:
  - name: fix
    at: "01:00"
    stages:
      - {name: a, duration: 1h, wait_for: {component: room, event: below_c, c: 30}}
)"));
  CHECK_THAT(errors, Catch::Contains("lacks the required key 'c'"));
  CHECK_THAT(errors,
             Catch::Contains("event 'below_c' is given only by rooms, and 'plant' is a cooling_plant"));
  CHECK_THAT(errors, Catch::Contains("'c' goes with the events above_c and below_c"));
  CHECK_THAT(errors, Catch::Contains("waits for 'below_c', a moment, not a state a stage can wait for"));
  CHECK_THAT(errors, Catch::Contains("4 problems found"));  // the fourth action is right
}

TEST_CASE("shifts out of order and a crew with nobody are refused") {
  const std::string errors = load_errors(scenario_yaml(std::string(kPlant) + R"(
crews:
  - name: site
    shifts: [{from: "19:00", headcount: 3}, {from: "07:00", headcount: 0}]
  - {name: nobody, headcount: 0}
)"));
  CHECK_THAT(errors, Catch::Contains("the shifts of crew 'site' are not in order of their start"));
  CHECK_THAT(errors, Catch::Contains("crew 'nobody' never has anyone"));
}

TEST_CASE("repairs started by each other in a ring, and starts on an event that never comes, are refused") {
  // Regression: both passed validate, and the run showed the repairs as never started.
  const std::string errors = load_errors(scenario_yaml(std::string(kPlant) + R"(
repairs:
  - name: r1
    when: {repair: r2}
    stages: [{name: a, duration: 1h}, {name: a2, duration: 1h, wait_for: {repair: r1, stage: a}}]
  - name: r2
    when: {repair: r1}
    stages: [{name: b, duration: 1h}]
  - name: r3
    when: {component: room, event: accessible}
    stages: [{name: c, duration: 1h}]
  - name: r4
    when: {component: room, event: cooled}
    stages: [{name: d, duration: 1h, wait_for: {component: room, event: accessible}}]
operator_actions:
  - {when: {component: room, event: accessible}, target: hosts, action: shed_load}
)"));
  CHECK_THAT(errors, Catch::Contains("repair 'r1' is started, through 'r2', by its own end"));
  CHECK_THAT(errors, !Catch::Contains("repair 'r2' is started"));              // one ring, one problem
  CHECK_THAT(errors, !Catch::Contains("cannot come before this stage ends"));  // the ring's, not a wait's
  CHECK_THAT(
      errors,
      Catch::Contains(
          "room 'room' has no sprinkler_c and no 'discharge' or 'flood' action, so nothing ever seals it"));
  // r3 and the operator action; r4's wait_for is a condition, met at once in a room never sealed.
  CHECK_THAT(errors, Catch::Contains("3 problems found"));
}

TEST_CASE("a flood seals a room for 'accessible' but never sets off 'discharged'") {
  const std::string errors = load_errors(scenario_yaml(std::string(kPlant) + R"(
repairs:
  - name: after re-entry
    when: {component: room, event: accessible}
    stages: [{name: look, duration: 1h}]
  - name: on a discharge
    when: {component: room, event: discharged}
    stages: [{name: evacuate, duration: 1h}]
faults:
  - {at: "01:00", target: room, action: flood}
)"));
  CHECK_THAT(errors, Catch::Contains("a flood seals it but discharges nothing, so 'discharged' never comes"));
  CHECK_THAT(errors, Catch::Contains("1 problem found"));
}

TEST_CASE("stages that wait for their own end through other repairs are refused once per loop at the wait") {
  // Regression: these validated, and the run showed the repairs as never finished.
  const std::string errors = load_errors(scenario_yaml(std::string(kPlant) + R"(
repairs:
  - name: fix a
    at: "01:00"
    stages:
      - {name: look, duration: 1h}
      - {name: wait for b, duration: 1h, wait_for: {repair: fix b}}
  - name: fix b
    at: "01:00"
    stages:
      - {name: after the look, duration: 1h, wait_for: {repair: fix a, stage: look}}
      - {name: after a, duration: 1h, wait_for: [{component: room, event: cooled}, {repair: fix a, stage: wait for b}]}
  - name: selfish
    at: "02:00"
    stages: [{name: me, duration: 1h, wait_for: {repair: selfish}}]
  - name: fine
    at: "02:00"
    stages:
      - {name: one, duration: 1h}
      - {name: two, duration: 1h, wait_for: {repair: fine, stage: one}}
  - name: r1
    at: "02:00"
    stages: [{name: s, duration: 1h, wait_for: {repair: r2}}]
  - name: r2
    when: {repair: r3}
    stages: [{name: s, duration: 1h}]
  - name: r3
    at: "02:00"
    stages: [{name: s, duration: 1h, wait_for: {repair: r1, stage: s}}]
)"));
  CHECK_THAT(errors, Catch::Contains("stage 'wait for b' of repair 'fix a' waits for repair 'fix b' to be "
                                     "done, which cannot come before this stage ends: neither ever ends"));
  CHECK_THAT(errors, Catch::Contains("stage 'me' of repair 'selfish' waits for repair 'selfish' to be done, "
                                     "which cannot come before this stage ends: it never ends"));
  CHECK_THAT(errors,
             Catch::Contains("stage 's' of repair 'r1' waits for repair 'r2' to be done, which, "
                             "through 'r3', cannot come before this stage ends: none of them ever ends"));
  CHECK_THAT(errors, Catch::Contains("test.yaml:16:52: error: stage 'wait for b'"));  // at its wait_for
  CHECK_THAT(errors, Catch::Contains("3 problems found"));
}

TEST_CASE("a wait loop closed by one entry of a wait_for list is shown at that entry") {
  // Regression (session 19's note): the caret was on the whole list.
  const std::string errors = load_errors(scenario_yaml(std::string(kPlant) + R"(
repairs:
  - name: selfish
    at: "02:00"
    stages: [{name: me, duration: 1h, wait_for: [{component: room, event: cooled}, {repair: selfish}]}]
)"));
  CHECK_THAT(errors, Catch::Contains("stage 'me' of repair 'selfish' waits for repair 'selfish' to be done"));
  // Line 14 of the assembled scenario; the second entry of the list starts at column 84 (the list at 49).
  CHECK_THAT(errors, Catch::Contains("test.yaml:14:84: error: stage 'me'"));
}

TEST_CASE("a shift starts at a time of day: an offset or 24:00 is refused once") {
  // Regression: "+2h" was read as 02:00, and 24:00 gave a second error, "not in order", as a consequence.
  const std::string errors = load_errors(scenario_yaml(std::string(kPlant) + R"(
crews:
  - name: site
    shifts: [{from: "07:00", headcount: 3}, {from: "+2h", headcount: 1}, {from: "24:00", headcount: 2}]
)"));
  CHECK_THAT(errors, Catch::Contains("'from' of a shift of crew 'site' is '+2h', not a time of day"));
  CHECK_THAT(errors, Catch::Contains("'from' of a shift of crew 'site' is '24:00', not a time of day"));
  CHECK_THAT(errors, !Catch::Contains("not in order"));
  CHECK_THAT(errors, Catch::Contains("2 problems found"));
  // An empty list of shifts quietly meant the default headcount of 1.
  CHECK_THAT(load_errors(scenario_yaml(std::string(kPlant) + "crews: [{name: site, shifts: []}]\n")),
             Catch::Contains("crew 'site' has an empty list of 'shifts'"));
}

TEST_CASE(
    "a calibrated milestone must be named by a calibrated parameter, and the parameter's target exist") {
  const std::string errors = load_errors(scenario_yaml(std::string(kPlant) + R"(
milestones:
  - {name: hosts down, component: hosts, event: enters_down, public: "01:00", class: calibrated}
  - {name: plant down, component: plant, event: enters_down, public: "00:30", class: guessed}
calibrated:
  - {parameter: thermal mass per kW, value: "100 kJ/°C", fitted_to: host down}
)"));
  CHECK_THAT(errors, Catch::Contains("unknown milestone class 'guessed'"));
  CHECK_THAT(errors, Catch::Contains("no milestone named 'host down'; did you mean 'hosts down'?"));
  CHECK_THAT(errors,
             Catch::Contains(
                 "milestone 'hosts down' is of class calibrated, but no entry of 'calibrated' names it"));
}

TEST_CASE("a tenant named as a fault target is called a tenant, not no component") {
  // Regression: the message said "which is no component", as if the name were misspelt.
  CHECK(load_errors(scenario_yaml(std::string(kPlant) + R"(
tenants:
  - name: shop
    functions: [{name: web, needs: [vm]}]
faults:
  - {at: "01:00", target: shop, action: fail}
  - {at: "01:00", target: shop/web, action: fail}
)")) == R"(test.yaml:15:27: error: 'target' of a fault names 'shop', which is a tenant, not a component
 15 |   - {at: "01:00", target: shop, action: fail}
    |                           ^
  expected: the name of a component (tenants and their functions follow what they need: target one of those)
test.yaml:16:27: error: 'target' of a fault names 'shop/web', which is a function of tenant 'shop', not a component
 16 |   - {at: "01:00", target: shop/web, action: fail}
    |                           ^
  expected: the name of a component (tenants and their functions follow what they need: target one of those)
2 problems found
)");
}

TEST_CASE("a standby switch that never happens is written as never") {
  const auto spec = load_spec(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, standby_chillers: 2, chiller_kw: 500, standby_switch: never}
  - {name: other, kind: cooling_plant, chillers: 2, standby_chillers: 2, chiller_kw: 500}
)"));
  const auto& never = std::get<outagesim::models::CoolingPlantParams>(spec.components[0].params);
  CHECK_FALSE(never.standby_switch);
  const auto& other = std::get<outagesim::models::CoolingPlantParams>(spec.components[1].params);
  CHECK(other.standby_switch == outagesim::sim::Time::minutes(5));
  CHECK(load_errors(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500, standby_switch: nevr}
)"))
            .find("'standby_switch' of component 'plant' is 'nevr', not a valid duration\n") !=
        std::string::npos);
}

TEST_CASE("weather, derating, power, control and storage of a plant load into typed values") {
  namespace m = outagesim::models;
  using outagesim::sim::Time;
  const auto spec = load_spec(scenario_yaml(R"(
weather:
  outside_c: [{at: "06:00", c: 27}, {at: "12:00", c: 34}]
components:
  - {name: feed, kind: power_feed}
  - {name: bms, kind: network}
  - name: plant
    kind: cooling_plant
    chillers: 5
    standby_chillers: 2
    chiller_kw: 200
    rated_outside_c: 32
    derate_pct_per_c: 1.5
    power: feed
    control: bms
    auto_restart: 2
    auto_restart_delay: 3m
    auto_restart_trips: 1
    retrip_after: 4m
    control_restart: manual
    storage_kwh: 800
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 50000,
     heat_loss_kw_per_c: 5}
  - {name: hosts, kind: host_pool, room: room, hosts: 100, kw_per_host: 10}
faults:
  - {at: "08:41", target: feed, action: voltage_sag, duration: 2s}
)"));
  const auto& plant = std::get<m::CoolingPlantParams>(spec.components[2].params);
  CHECK(plant.rated_outside_c == 32);
  CHECK(plant.derate_pct_per_c == 1.5);
  CHECK(plant.auto_restart == 2);
  CHECK(plant.auto_restart_delay == Time::minutes(3));
  CHECK(plant.auto_restart_trips == 1);
  CHECK(plant.retrip_after == Time::minutes(4));
  CHECK_FALSE(plant.control_auto_restart);
  CHECK(plant.storage_kwh == 800);
  CHECK_FALSE(plant.power.is_empty());
  CHECK_FALSE(plant.control.is_empty());
  // The first step holds from the start; a room takes the scenario's weather.
  CHECK(plant.outside.at(Time()) == 27);
  const auto& room = std::get<m::RoomParams>(spec.components[3].params);
  CHECK(room.outside.at(Time::hours(13)) == 34);
  REQUIRE(spec.injections.size() == 1);
  CHECK(spec.injections[0].action == m::Action::kVoltageSag);
  CHECK(spec.injections[0].amount == 2000);
}

TEST_CASE("outside air above the setpoint is accepted") {
  load_spec(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 50000,
     heat_loss_kw_per_c: 10, outside_c: 38}
  - {name: hosts, kind: host_pool, room: room, hosts: 100, kw_per_host: 10}
)"));
}

TEST_CASE("weather steps out of order are refused where they are") {
  CHECK(load_errors(scenario_yaml(R"(
weather:
  outside_c:
    - {at: "12:00", c: 30}
    - {at: "06:00", c: 25}
components:
  - {name: a, kind: compute}
)")) == R"(test.yaml:8:12: error: the steps of the outside air are not in time order
 8 |     - {at: "06:00", c: 25}
   |            ^
  expected: each 'at' later than the one before
1 problem found
)");
}

TEST_CASE("mistakes in a plant's power, control and restart keys are reported") {
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - name: plant
    kind: cooling_plant
    chillers: 2
    chiller_kw: 500
    power: fed
    auto_restart: 5
    control_restart: sometimes
    derate_pct_per_c: 120
  - {name: feed, kind: power_feed}
faults:
  - {at: "01:00", target: feed, action: voltage_sag}
  - {at: "02:00", target: feed, action: voltage_sag, duration: 0s}
)"));
  CHECK(errors.find("did you mean 'feed'?") != std::string::npos);
  CHECK(errors.find("test.yaml:11:19: error: 'auto_restart'") != std::string::npos);
  CHECK(errors.find("test.yaml:12:22: error: component 'plant': unknown control_restart 'sometimes'") !=
        std::string::npos);
  CHECK(errors.find("test.yaml:13:23: error: 'derate_pct_per_c'") != std::string::npos);
  CHECK(errors.find("lacks the required key 'duration'") != std::string::npos);
  CHECK(errors.find("'duration' of a fault is zero") != std::string::npos);
}

namespace {
constexpr const char* kPoolRoom = R"(
crews: [{name: ops, headcount: 2}]
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 900, thermal_mass_kj_per_c: 50000}
)";
}  // namespace

TEST_CASE("host pool restart, checks, damage and replacement keys load into typed values") {
  const auto spec = load_spec(scenario_yaml(std::string(kPoolRoom) + R"(
  - name: hosts
    kind: host_pool
    room: room
    hosts: 400
    kw_per_host: 2
    crew: ops
    restart: {team: 2, hosts_per_person_hour: 40, batch_hosts: 100, parallel_batches: 3}
    checks: {hosts_per_hour: 200}
    down_below: 0.5
    rated_c: 35
    damage: {pct_per_c_hour: 0.5, hot_shutdown_pct_per_c: 0.3}
    replace: {spares: 12, parts_lead_time: 3d, team: 3, hosts_per_person_hour: 4}
)"));
  const auto& p = std::get<outagesim::models::HostPoolParams>(spec.components[2].params);
  CHECK(p.restart_team == 2);
  CHECK(p.power_on_hosts_per_person_hour == 40);
  CHECK(p.batch_hosts == 100);
  CHECK(p.parallel_batches == 3);
  CHECK(p.checks_hosts_per_hour == 200);
  CHECK(p.down_below == 0.5);
  CHECK(p.rated_c == 35);
  CHECK(p.damage_pct_per_c_hour == 0.5);
  CHECK(p.hot_shutdown_pct_per_c == 0.3);
  CHECK(p.spares == 12);
  CHECK(p.parts_lead_time == outagesim::sim::Time::hours(72));
  CHECK(p.replace_team == 3);
  CHECK(p.replace_hosts_per_person_hour == 4);
}

TEST_CASE("host pool keys left out keep the old model and the shared damage constants") {
  const auto spec = load_spec(scenario_yaml(std::string(kPoolRoom) + R"(
  - {name: hosts, kind: host_pool, room: room, hosts: 400, kw_per_host: 2, power_on: 15m, checks: 1h30m}
)"));
  const auto& p = std::get<outagesim::models::HostPoolParams>(spec.components[2].params);
  CHECK(p.power_on == outagesim::sim::Time::minutes(15));
  CHECK_FALSE(p.power_on_hosts_per_person_hour);
  CHECK(p.restart_team == 1);
  CHECK(p.batch_hosts == 0);
  CHECK(p.parallel_batches == 0);
  CHECK(p.checks == outagesim::sim::Time::minutes(90));
  CHECK_FALSE(p.checks_hosts_per_hour);
  CHECK(p.down_below == 0);
  CHECK_FALSE(p.rated_c);
  CHECK(p.damage_pct_per_c_hour == outagesim::models::kDamagePctPerCHour);
  CHECK(p.hot_shutdown_pct_per_c == outagesim::models::kHotShutdownPctPerC);
  CHECK(p.spares == 0);
  CHECK(p.parts_lead_time == outagesim::models::kPartsLeadTime);
  CHECK(p.replace_hosts_per_person_hour == outagesim::models::kReplaceHostsPerPersonHour);
}

TEST_CASE("host pool restart and damage mistakes are reported") {
  const std::string errors = load_errors(scenario_yaml(std::string(kPoolRoom) + R"(
  - {name: a, kind: host_pool, room: room, hosts: 10, kw_per_host: 2, power_on: 15m, restart: {team: 2, hosts_per_person_hour: 40}}
  - {name: b, kind: host_pool, room: room, hosts: 10, kw_per_host: 2, restart: {team: 0, batch_host: 5}}
  - {name: c, kind: host_pool, room: room, hosts: 10, kw_per_host: 2, checks: {hosts_per_hour: -1}, down_below: 1.5}
  - {name: d, kind: host_pool, room: room, hosts: 10, kw_per_host: 2, checks: soon}
  - {name: e, kind: host_pool, room: room, hosts: 10, kw_per_host: 2, replace: {spare: 3, parts_lead_time: -1h}}
  - {name: f, kind: host_pool, room: room, hosts: 10, kw_per_host: 2, damage: {pct_per_c_hour: 200}}
)"));
  INFO(errors);
  CHECK(errors.find("test.yaml:10:81: error: component 'a' has both 'power_on' and 'restart'") !=
        std::string::npos);
  CHECK(errors.find("expected: either a fixed 'power_on' or 'restart' work, not both") != std::string::npos);
  CHECK(errors.find("'restart' of component 'b' lacks the required key 'hosts_per_person_hour'") !=
        std::string::npos);
  CHECK(errors.find("'team' of 'restart' of component 'b' is '0', out of range") != std::string::npos);
  CHECK(errors.find("unknown key 'batch_host' in 'restart' of component 'b'; did you mean 'batch_hosts'?") !=
        std::string::npos);
  CHECK(errors.find("'hosts_per_hour' of 'checks' of component 'c' is -1") != std::string::npos);
  CHECK(errors.find("'down_below' of component 'c' is 1.5") != std::string::npos);
  CHECK(errors.find("'checks' of component 'd' is 'soon', not a valid duration") != std::string::npos);
  CHECK(errors.find("unknown key 'spare' in 'replace' of component 'e'; did you mean 'spares'?") !=
        std::string::npos);
  CHECK(errors.find("'parts_lead_time' of 'replace' of component 'e' is '-1h', not a valid duration") !=
        std::string::npos);
  CHECK(errors.find("'pct_per_c_hour' of 'damage' of component 'f' is 200") != std::string::npos);
}

TEST_CASE("a host pool rated at or below its room's setpoint is refused") {
  // Damage counts degree-hours above the rating: a rating the room sits at would damage hosts every hour.
  const std::string errors = load_errors(scenario_yaml(std::string(kPoolRoom) + R"(
  - {name: d, kind: host_pool, room: room, hosts: 10, kw_per_host: 2, rated_c: 24}
)"));
  CHECK(
      errors.find("test.yaml:10:5: error: host pool 'd' is rated to 24 °C, not above the setpoint_c 24 °C of "
                  "room 'room'") != std::string::npos);
  CHECK(errors.find("expected: rated_c above the room's setpoint_c") != std::string::npos);
}

TEST_CASE("a second YAML document is an error at its line, not silently dropped") {
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
---
faults:
  - {at: "01:00", target: feed, action: fail}
)"));
  CHECK_THAT(errors, Catch::Contains("a second YAML document: one file holds one scenario"));
  CHECK_THAT(errors, Catch::Contains("---"));
}

// From a megabyte on, the document count and the tree are parsed on two threads (scenario_loader.cpp):
// the same spec and the same errors as the one-thread parse of a small file.
TEST_CASE("a file of a megabyte or more loads, and fails, as a small one does") {
  const std::string padding = "# " + std::string(std::size_t{1} << 20, 'x') + "\n";
  const auto spec = load_spec(padding + scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute, needs: feed}
)"));
  CHECK(spec.components.size() == 2);
  CHECK_THAT(load_errors(padding + scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
---
faults: []
)")),
             Catch::Contains("a second YAML document: one file holds one scenario"));
  CHECK(load_errors(padding + "scenario: x\ncomponents: [a, b\n") ==
        "test.yaml:4:1: error: YAML syntax error: end of sequence flow not found\n"
        " 4 | \n"
        "   | ^\n"
        "  expected: well-formed YAML\n"
        "1 problem found\n");
  CHECK_THAT(load_errors(padding + ", a\n:b: c\n"),
             Catch::StartsWith("test.yaml:2:1: error: YAML syntax error: ',' cannot stand here"));
}

// Found by the fuzzer: yaml-cpp 0.7's LoadAll() never returned on a ',' where a document starts (it added
// empty documents until memory ran out; tests/corpus/comma-before-document.yaml).
TEST_CASE("a comma where a document starts is a syntax error, not a hang") {
  CHECK_THAT(load_errors(", a\n:b: c\n"),
             Catch::StartsWith("test.yaml:1:1: error: YAML syntax error: ',' cannot stand here"));
  CHECK_THAT(load_errors(",\n"), Catch::Contains("YAML syntax error"));
}

// Found by the fuzzer: yaml-cpp starts a second document at a top-level ': ' after a list, with no '---'
// to point at; the error had no line (tests/corpus/second-document-without-marker.yaml).
TEST_CASE("a second YAML document without a '---' line is an error at its content") {
  CHECK_THAT(load_errors("- a\n: b\n"),
             Catch::StartsWith("test.yaml:2:1: error: a second YAML document: one file holds one scenario"));
}

TEST_CASE("names that would break a report are refused") {
  const auto errors = [](const std::string& name) {
    return load_errors(scenario_yaml("components:\n  - {name: " + name + ", kind: power_feed}\n"));
  };
  CHECK_THAT(errors("\"\""), Catch::Contains("is empty"));
  CHECK_THAT(errors("\"   \""), Catch::Contains("is empty"));
  CHECK_THAT(errors("\"feed\\nfake row\""), Catch::Contains("holds a control character"));
  CHECK_THAT(errors("\"feed\\e[31m\""), Catch::Contains("holds a control character"));
  CHECK_THAT(errors("\" feed\""), Catch::Contains("begins or ends with a space"));
  // Regression: a '/' was two problems at one place, the second naming the name twice.
  CHECK_THAT(errors("a/b"),
             Catch::StartsWith("test.yaml:5:12: error: the name of component 'a/b' contains '/'"));
  CHECK_THAT(errors("a/b"), Catch::EndsWith("1 problem found\n"));
  CHECK_THAT(errors(std::string(300, 'x')), Catch::Contains("is 300 bytes long"));
  // Regression (session 17): C1 controls, line separators and bidirectional overrides reached the
  // terminal and reordered report lines.
  CHECK_THAT(errors("\"feed\\u009b31m\""), Catch::Contains("holds a control character"));  // CSI
  CHECK_THAT(errors("\"feed\\u0085x\""), Catch::Contains("holds a control character"));    // NEL
  CHECK_THAT(errors("\"feed\\u2028x\""), Catch::Contains("holds a control character"));
  CHECK_THAT(errors("\"feed\\u202ex\""), Catch::Contains("holds a control character"));
  CHECK_THAT(errors("\"feed\\u2067x\""), Catch::Contains("holds a control character"));
  // Other text past ASCII is a name.
  CHECK(load_spec(
            scenario_yaml("components:\n  - {name: \"k\\u00fchlung-\\u51b7\\u5374\", kind: power_feed}\n"))
            .components.front()
            .name == "k\xC3\xBChlung-\xE5\x86\xB7\xE5\x8D\xB4");
}

TEST_CASE("values that would overflow the room's equation are refused with the limit") {
  const auto errors = [](const std::string& room_keys) {
    return load_errors(
        scenario_yaml("components:\n  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 100}\n"
                      "  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 50, " +
                      room_keys + "}\n"));
  };
  CHECK_THAT(errors("thermal_mass_kj_per_c: 1e-310"), Catch::Contains("out of range"));
  CHECK_THAT(errors("thermal_mass_kj_per_c: 1000, heat_loss_kw_per_c: 1e-300"),
             Catch::Contains("at least 1e-06 kW/°C"));
}

TEST_CASE("entries without a name or kind are reported at their place, and reading goes on") {
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {kind: power_feed}
  - {name: b}
tenants:
  - {needs: b}
variants:
  - {tenant: x}
)"));
  CHECK_THAT(errors, Catch::Contains("error: a component lacks the required key 'name'"));
  CHECK_THAT(errors, Catch::Contains("error: component 'b' lacks the required key 'kind'"));
  CHECK_THAT(errors, Catch::Contains("error: a tenant lacks the required key 'name'"));
  CHECK_THAT(errors, Catch::Contains("error: a variant lacks the required key 'name'"));
  CHECK(errors.find("invalid node") == std::string::npos);
}

TEST_CASE("YAML aliases are budgeted for the whole file, not per requirement") {
  // Regression (issue 13): each requirement stayed under its own limit, so an 86 KB file of reused
  // aliases took 1.3-1.8 GB. Here 2,000 tenants each repeat a 1,111-entry requirement.
  std::string yaml = scenario_yaml("components:\n");
  for (int k = 0; k < 10; ++k) yaml += "  - {name: a" + std::to_string(k) + ", kind: compute}\n";
  yaml += "  - {name: l0, kind: compute, needs: &x0 [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9]}\n";
  for (int i = 1; i <= 2; ++i) {
    yaml += "  - {name: l" + std::to_string(i) + ", kind: compute, needs: &x" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) yaml += (k ? ", *x" : "*x") + std::to_string(i - 1);
    yaml += "]}\n";
  }
  // A few repeats are fine.
  CHECK(
      load_spec(yaml + "tenants:\n  - {name: t0, needs: *x2}\n  - {name: t1, needs: *x2}\n").tenants.size() ==
      2);
  yaml += "tenants:\n";
  for (int t = 0; t < 2000; ++t) yaml += "  - {name: t" + std::to_string(t) + ", needs: *x2}\n";
  const std::string errors = load_errors(yaml);
  CHECK_THAT(errors, Catch::StartsWith("test.yaml:"));
  CHECK_THAT(errors,
             Catch::Contains(": error: YAML aliases (*name) repeat so much that the scenario expands to "
                             "more than "));
  CHECK(errors.find("1 problem found") != std::string::npos);
}

TEST_CASE("an include brought in by a merge is named as such, not as an unknown key") {
  CHECK_THAT(load_errors(scenario_yaml("x-inc: &inc {include: [p.yaml]}\n<<: *inc\ncomponents:\n"
                                       "  - {name: vm, kind: compute}\n")),
             Catch::StartsWith("test.yaml:4:23: error: 'include' comes from a merge ('<<'): parts are found "
                               "before merges"));
}

TEST_CASE("a template that merges itself is refused where it is anchored") {
  // The walk through aliases never ends in it; the budget stops the walk and names the place.
  const std::string errors = load_errors(scenario_yaml(R"(
x-pool: &pool {<<: *pool, kw_per_host: 2}
components:
  - {name: vm, kind: compute}
)"));
  CHECK_THAT(errors, Catch::StartsWith("test.yaml:5:9: error: YAML aliases (*name) repeat so much"));
  CHECK_THAT(errors, Catch::Contains("1 problem found"));
}

// Issue 13, item 12: messages worded for the user, not for the YAML library.

TEST_CASE("a tab in the indentation is named at the tab") {
  CHECK(load_errors(scenario_yaml("components:\n  - name: plant\n  \tkind: compute\n")) ==
        R"(test.yaml:6:3: error: a tab is used for indentation; YAML indents with spaces
 6 |   \x09kind: compute
   |   ^
  expected: spaces, not tabs, before the line's text
1 problem found
)");
}

TEST_CASE("a NUL byte is named at its place") {
  CHECK(load_errors(
            scenario_yaml(std::string("components:\n  - {name: pl") + '\0' + "ant, kind: compute}\n")) ==
        R"(test.yaml:5:14: error: the file contains a NUL byte
 5 |   - {name: pl\x00ant, kind: compute}
   |              ^
  expected: text without NUL bytes (a file saved as UTF-16 has them; save it as UTF-8)
1 problem found
)");
}

TEST_CASE("CR-only line endings (old Mac) read as lines, and errors count them") {
  std::string text = scenario_yaml("# a comment first\ncomponents:\n  - {name: vm, kind: compute}\n");
  std::replace(text.begin(), text.end(), '\n', '\r');
  CHECK(load_spec(text).components.size() == 1);
  std::string bad = scenario_yaml("components:\n  - {name: vm, kind: compute, zonee: a}\n");
  std::replace(bad.begin(), bad.end(), '\n', '\r');
  CHECK(load_errors(bad).starts_with("test.yaml:5:31: error: unknown key 'zonee' in component 'vm'"));
}

TEST_CASE("nesting past the depth limit gives the limit") {
  const std::string expected = "error: lists and mappings nest more than 100 levels deep";
  // Past our limit, within yaml-cpp's.
  const std::string deep =
      scenario_yaml("components: " + std::string(150, '[') + std::string(150, ']') + "\n");
  CHECK(load_errors(deep).starts_with("test.yaml:4:112: " + expected));
  // Past yaml-cpp's own limit too, which it calls "bad file".
  const std::string deeper =
      scenario_yaml("components: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  const std::string errors = load_errors(deeper);
  CHECK(errors.find(expected) != std::string::npos);
  CHECK(errors.find("bad file") == std::string::npos);
  // A 32-level requirement written as mappings (about 70 levels of YAML) is still read.
  std::string needs = "vm";
  for (int i = 0; i < 31; ++i) needs = "{all_of: [" + needs + "]}";
  load_spec(scenario_yaml(
      "components:\n  - {name: vm, kind: compute}\ntenants:\n  - {name: shop, needs: " + needs + "}\n"));
}

TEST_CASE("a 10 MB name is shown cut short, with its size") {
  const std::string errors = load_errors(
      scenario_yaml("components:\n  - {name: " + std::string(10'000'000, 'x') + ", kind: compute}\n"));
  CHECK(errors.starts_with("test.yaml:5:12: error: the name of component '" + std::string(60, 'x') +
                           "… (10000000 bytes)' is 10000000 bytes long\n"));
  CHECK(errors.size() < 1000);
}

TEST_CASE("'functions' and 'needs' together on a tenant cannot be combined") {
  CHECK(load_errors(scenario_yaml(R"(components:
  - {name: vm, kind: compute}
tenants:
  - name: shop
    needs: [vm]
    functions:
      - {name: web, needs: [vm]}
)")) == R"(test.yaml:8:12: error: tenant 'shop' has both 'needs' and 'functions': they cannot be combined
 8 |     needs: [vm]
   |            ^
  expected: 'needs' under each function of 'functions', or on a tenant without 'functions'
1 problem found
)");
}

TEST_CASE("a requirement too deep names its path in short") {
  std::string needs = "{any_of: [vm]}";
  for (int i = 0; i < 40; ++i) needs = "{all_of: [" + needs + "]}";
  const std::string errors = load_errors(scenario_yaml(
      "components:\n  - {name: vm, kind: compute}\ntenants:\n  - {name: shop, needs: " + needs + "}\n"));
  CHECK(errors.starts_with(
      "test.yaml:7:355: error: 'needs' of 'shop/service' all_of > all_of > ... (29 levels) > "
      "all_of > all_of nests deeper than 32 levels\n"));
  CHECK(errors.find("expected: at most 32 levels of lists, all_of, any_of and of\n") != std::string::npos);
}

TEST_CASE("bytes that are not UTF-8 and escapes are echoed escaped, caret under the bad byte") {
  CHECK(load_errors(scenario_yaml("components:\n  - {name: vm, kind: compute, x: \x1b[31m\xc3}\n")) ==
        R"(test.yaml:5:39: error: the file is not valid UTF-8 text
 5 |   - {name: vm, kind: compute, x: \x1B[31m\xC3}
   |                                          ^
  expected: a YAML file in UTF-8
1 problem found
)");
}

TEST_CASE("components merge a template from an x- key and override its keys") {
  const auto spec = load_spec(scenario_yaml(R"(
x-pool: &pool {kw_per_host: 2, shutdown_c: 40, rated_c: 35, restart: {hosts_per_person_hour: 350}}
components:
  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 2000}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 95000}
  - {name: a, kind: host_pool, <<: *pool, room: hall, hosts: 100}
  - {name: b, kind: host_pool, <<: *pool, room: hall, hosts: 50, shutdown_c: 45}
)"));
  const auto& a = std::get<outagesim::models::HostPoolParams>(spec.components[2].params);
  const auto& b = std::get<outagesim::models::HostPoolParams>(spec.components[3].params);
  CHECK(a.kw_per_host == 2);
  CHECK(a.shutdown_c == 40);
  CHECK(b.shutdown_c == 45);
  CHECK(b.rated_c == 35);
  CHECK(a.power_on_hosts_per_person_hour == b.power_on_hosts_per_person_hour);
}

TEST_CASE("a template's mistake is reported once, where it is written") {
  CHECK(load_errors(scenario_yaml(R"(
x-pool: &pool {kw_per_host: 2, shutdown: 40}
components:
  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 2000}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 95000}
  - {name: a, kind: host_pool, <<: *pool, room: hall, hosts: 100}
  - {name: b, kind: host_pool, <<: *pool, room: hall, hosts: 50}
)")) == R"(test.yaml:5:32: error: unknown key 'shutdown' in component 'a'; did you mean 'shutdown_c'?
 5 | x-pool: &pool {kw_per_host: 2, shutdown: 40}
   |                                ^
  expected: one of checks, crew, damage, description, down_below, hosts, kind, kw_per_host, name, power_on, profile, rated_c, replace, restart, restart_priority, room, shutdown_c, shutdown_spread_c, shutdown_steps, zone
1 problem found
)");
  // A value out of range, and one in a mapping nested in the template, each once though two pools read it.
  CHECK(load_errors(scenario_yaml(R"(
x-pool: &pool {kw_per_host: 2, rated_c: -300, restart: {hosts_per_person_hour: 0}}
components:
  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 2000}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 95000}
  - {name: a, kind: host_pool, <<: *pool, room: hall, hosts: 100}
  - {name: b, kind: host_pool, <<: *pool, room: hall, hosts: 50}
)")) == R"(test.yaml:5:41: error: 'rated_c' of component 'a' is -300, out of range
 5 | x-pool: &pool {kw_per_host: 2, rated_c: -300, restart: {hosts_per_person_hour: 0}}
   |                                         ^
  expected: a number from -20 to 500
test.yaml:5:80: error: 'hosts_per_person_hour' of 'restart' of component 'a' is 0, out of range
 5 | x-pool: &pool {kw_per_host: 2, rated_c: -300, restart: {hosts_per_person_hour: 0}}
   |                                                                                ^
  expected: a number above 0, at most 1e9
2 problems found
)");
}

TEST_CASE("a scenario's seed takes every value --seed takes and nothing past it") {
  // Regression (session 17): the YAML seed stopped at 2^63 - 1, so `generate --seed 18446744073709551615`
  // wrote a scenario that did not load.
  CHECK(load_spec(scenario_yaml(std::string(kPlant) + "seed: 18446744073709551615\n")).seed ==
        18446744073709551615ULL);
  CHECK(load_spec(scenario_yaml(std::string(kPlant) + "seed: 0\n")).seed == 0);
  CHECK_THAT(load_errors(scenario_yaml(std::string(kPlant) + "seed: 18446744073709551616\n")),
             Catch::Contains("'seed' is '18446744073709551616', out of range"));
  CHECK_THAT(load_errors(scenario_yaml(std::string(kPlant) + "seed: -1\n")), Catch::Contains("out of range"));
  CHECK_THAT(load_errors(scenario_yaml(std::string(kPlant) + "seed: 0x10\n")),
             Catch::Contains("not a decimal whole number"));
}

TEST_CASE("a variant of an unknown tenant still has its strategy's mistakes reported") {
  // Regression (session 20): the unknown tenant hid every mistake of the strategy until it was fixed.
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {name: z, kind: compute}
tenants:
  - {name: t1, needs: [z]}
variants:
  - {name: v, tenant: t9, strategy: {kind: standby, needs: [zz], detection: {dist: uniform, min: 1m, max: 5m},
     switchover: banana}}
)"));
  CHECK(errors.find("names 't9', which is not in 'tenants'") != std::string::npos);
  CHECK(errors.find("names 'zz', which is no component") != std::string::npos);
  CHECK(errors.find("'switchover' of 'strategy' of variant 'v' is 'banana'") != std::string::npos);
  CHECK(errors.find("3 problems found") != std::string::npos);
}

TEST_CASE("a variant of an unknown tenant still has its per-function strategies' mistakes reported") {
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {name: z, kind: compute}
tenants:
  - {name: t1, needs: [z]}
variants:
  - {name: v, tenant: t9, functions: {trading: {kind: standby, needs: [zz]}, web: {kind: standbyy}}}
)"));
  INFO(errors);
  CHECK(errors.find("names 't9', which is not in 'tenants'") != std::string::npos);
  CHECK(errors.find("names 'zz', which is no component") != std::string::npos);
  CHECK(errors.find("unknown strategy kind 'standbyy'; did you mean") != std::string::npos);
  CHECK(errors.find("3 problems found") != std::string::npos);
}

TEST_CASE("a warm cross-region standby refuses the keys of a build from backups") {
  // Regression (session 26's blind trial): provision: 4h on a warm standby loaded and did nothing (down 10
  // minutes; 4h10m with mode: cold).
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
tenants:
  - {name: t, needs: a, strategy: {kind: cross_region, mode: warm, needs: b, provision: 4h}}
  - {name: u, needs: a, strategy: {kind: cross_region, needs: b, backup_every: 1h}}
)"));
  CHECK(errors.find("'provision' of strategy of 't/service' applies to a cold standby only") !=
        std::string::npos);
  CHECK(errors.find("'backup_every' of strategy of 'u/service' applies to a cold standby only") !=
        std::string::npos);
}

TEST_CASE("the weather's readings may be interpolated in short steps, and only a list of them") {
  // Blind trial M (session 31).
  const outagesim::models::ScenarioSpec spec = load_spec(scenario_yaml(R"(
weather:
  interpolate: 10m
  outside_c: [{at: "00:00", c: 25}, {at: "12:00", c: 41}]
  shift_c: 1
components:
  - {name: vm, kind: compute}
)"));
  CHECK(spec.weather_every == outagesim::sim::Time::minutes(10));
  CHECK(spec.weather_written.steps().size() == 2);
  CHECK(spec.weather.steps().size() == 73);  // 72 steps of 10 minutes, then the last reading
  CHECK(spec.weather.at(outagesim::sim::Time::minutes(5)) == Approx(25 + 16.0 / 144 + 1));
  CHECK_THAT(load_errors(scenario_yaml(
                 "weather: {interpolate: 10m, outside_c: 30}\ncomponents: [{name: vm, kind: compute}]\n")),
             Catch::Contains("'interpolate' of 'weather' needs 'outside_c' as a list of steps"));
  CHECK_THAT(load_errors(scenario_yaml("weather: {interpolate: 10s, outside_c: [{at: \"00:00\", c: "
                                       "30}]}\ncomponents: [{name: vm, kind: compute}]\n")),
             Catch::Contains("'interpolate' of 'weather' is out of range"));
}

TEST_CASE("a milestone's return public before the first departure it answers warns") {
  // Blind trial N (session 31): both loaded, even with --strict.
  const auto loaded = outagesim::loader::load_scenario_text(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
milestones:
  - {name: back, component: feed, event: returns_up, public: "01:00"}
  - {name: down, component: feed, event: enters_down, public: "03:00"}
  - {name: back later, component: feed, event: returns_up, occurrence: last, public: "05:00"}
  - {name: recovers, component: feed, event: recovers, public: "00:30"}
  - {name: back within the tolerances, component: feed, event: returns_up, public: "02:40", tolerance: 10m}
)"),
                                                            "test.yaml");
  REQUIRE(loaded.ok());
  const std::string text = loaded.render_warnings();
  INFO(text);
  CHECK_THAT(text,
             Catch::Contains("test.yaml:8:5: warning: milestone 'back' (a return of feed) is public before "
                             "milestone 'down' (its first departure)"));
  // Review 11: a recovery may end a degraded spell first; tolerances that join the two are no contradiction.
  CHECK(loaded.warnings.size() == 1);
}
