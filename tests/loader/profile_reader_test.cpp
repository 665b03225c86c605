// `profiles`: named sets of a kind's keys that components take with `profile: NAME`, in order of
// precedence, across parts, and their mistakes at file:line:col.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <variant>

#include "loader/scenario_loader.hpp"
#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
namespace m = outagesim::models;
using outagesim::sim::Time;

namespace {
// Two pools on one profile chain: `hosts` (power, rating, restart) under `compute` (shutdown, checks).
// Pool `a` takes profile `a_profile`; `profiles_tail` adds profiles.
std::string pools(std::string_view own_a = "", std::string_view profiles_tail = "",
                  std::string_view a_profile = "compute") {
  return scenario_yaml(std::string(R"(
crews:
  - {name: ops, headcount: 3}
profiles:
  - {name: hosts, kind: host_pool, kw_per_host: 2, rated_c: 35,
     restart: {team: 1, hosts_per_person_hour: 350, batch_hosts: 100}}
  - {name: compute, kind: host_pool, profile: hosts, shutdown_c: 40, checks: 1h, crew: ops})") +
                       std::string(profiles_tail) + R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 1000}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 2000, thermal_mass_kj_per_c: 95000}
  - {name: a, kind: host_pool, profile: )" +
                       std::string(a_profile) + R"(, room: hall, hosts: 500)" + std::string(own_a) + R"(}
  - {name: b, kind: host_pool, profile: hosts, room: hall, hosts: 200}
)");
}
}  // namespace

TEST_CASE("a component takes its profile's keys and that profile's where it gives none") {
  const m::ScenarioSpec spec = load_spec(pools(", checks: 2h, kw_per_host: 3"));
  const auto& a = std::get<m::HostPoolParams>(spec.components[2].params);
  CHECK(a.kw_per_host == 3);          // its own
  CHECK(a.checks == Time::hours(2));  // its own, over the profile's 1h
  REQUIRE(a.shutdown_c);
  CHECK(*a.shutdown_c == 40);  // its profile's
  REQUIRE(a.rated_c);
  CHECK(*a.rated_c == 35);  // its profile's profile's
  CHECK(a.power_on_hosts_per_person_hour == 350);
  CHECK(a.batch_hosts == 100u);
  CHECK(a.crew.has_value());
  const auto& b = std::get<m::HostPoolParams>(spec.components[3].params);
  CHECK(b.kw_per_host == 2);
  CHECK_FALSE(b.shutdown_c);  // `hosts` has no shutdown
  CHECK(b.checks == Time());
  CHECK_FALSE(b.crew.has_value());
}

TEST_CASE("a component's merge wins over its profile") {
  const m::ScenarioSpec spec = load_spec(scenario_yaml(R"(
x-hot: &hot {shutdown_c: 45}
profiles:
  - {name: compute, kind: host_pool, kw_per_host: 2, shutdown_c: 40}
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 1000}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 2000, thermal_mass_kj_per_c: 95000}
  - {name: a, kind: host_pool, <<: *hot, profile: compute, room: hall, hosts: 500}
)"));
  const auto& a = std::get<m::HostPoolParams>(spec.components[2].params);
  REQUIRE(a.shutdown_c);
  CHECK(*a.shutdown_c == 45);
  CHECK(a.kw_per_host == 2);
}

TEST_CASE("profile mistakes are named at their place") {
  SECTION("a profile nobody defined, with the nearest name") {
    CHECK_THAT(
        load_errors(pools("", "", "compue")),
        Catch::Contains("'profile' of component 'a' names no profile: 'compue'; did you mean 'compute'?"));
  }
  SECTION("a profile of another kind") {
    CHECK_THAT(
        load_errors(pools("", R"(
  - {name: fast-plant, kind: cooling_plant, standby_switch: 1m})",
                          "fast-plant")),
        Catch::Contains("names profile 'fast-plant', which is for cooling_plant components, not host_pool"));
  }
  SECTION("an unknown key in a profile, once for every pool that takes it, at the profile") {
    const std::string errors = load_errors(pools("", R"(
  - {name: bad, kind: host_pool, profile: hosts, shutdown: 40}
  - {name: bad2, kind: host_pool, profile: bad})",
                                                 "bad2"));
    CHECK_THAT(errors, Catch::Contains(
                           "unknown key 'shutdown' in profile 'bad' (taken by component 'a'); did you mean "
                           "'shutdown_c'?"));
    CHECK_THAT(errors, Catch::Contains("1 problem found"));
  }
  SECTION("a value out of range in a profile, once though two pools take it") {
    std::string yaml = pools();
    yaml.replace(yaml.find("rated_c: 35"), 11, "rated_c: -300");
    const std::string errors = load_errors(yaml);
    CHECK_THAT(errors, Catch::StartsWith(
                           "test.yaml:8:61: error: 'rated_c' of profile 'hosts' (taken by component 'a') is "
                           "-300, out of range"));
    CHECK_THAT(errors, Catch::Contains("1 problem found"));
  }
  SECTION("a cycle of profiles") {
    std::string yaml = pools();
    yaml.replace(yaml.find("kind: host_pool, kw_per_host: 2"), 16, "kind: host_pool, profile: compute,");
    CHECK_THAT(load_errors(yaml),
               Catch::Contains("profiles take each other in a cycle: hosts -> compute -> hosts"));
  }
  SECTION("a profile nobody defined is the one problem, not the keys it would have given") {
    const std::string errors = load_errors(pools("", "", "compue"));
    CHECK(errors.find("lacks the required key") == std::string::npos);
    CHECK_THAT(errors, Catch::Contains("1 problem found"));
  }
  SECTION("a duplicate name says where the first one is") {
    CHECK_THAT(load_errors(pools("", R"(
  - {name: hosts, kind: host_pool})")),
               Catch::Contains("duplicate profile name 'hosts' (first declared on line 8)"));
  }
  SECTION("a chain deeper than the merge limit") {
    std::string chain;
    for (int k = 1; k <= 20; ++k)
      chain += fmt::format("\n  - {{name: p{}, kind: host_pool, profile: {}}}", k,
                           k == 1 ? std::string("hosts") : fmt::format("p{}", k - 1));
    CHECK_THAT(load_errors(pools("", chain, "p20")),
               Catch::Contains("error: profile 'p16' ends a chain of profiles more than 16 deep"));
  }
  SECTION("a duplicate name, a missing kind, an unknown kind") {
    const std::string errors = load_errors(pools("", R"(
  - {name: hosts, kind: host_pool}
  - {name: nokind, rated_c: 30}
  - {name: typo, kind: hostpool})"));
    CHECK_THAT(errors, Catch::Contains("duplicate profile name 'hosts' (first declared on line 8)"));
    CHECK_THAT(errors, Catch::Contains("profile 'nokind' lacks the required key 'kind'"));
    CHECK_THAT(errors, Catch::Contains(
                           "unknown component kind 'hostpool' in profile 'typo'; did you mean 'host_pool'?"));
  }
  SECTION("a profile may not hand a component its name or kind") {
    std::string yaml = scenario_yaml(R"(
profiles:
  - {name: p, kind: power_feed, zone: A}
components:
  - {kind: power_feed, profile: p}
)");
    CHECK_THAT(load_errors(yaml), Catch::Contains("lacks the required key 'name'"));
  }
}

TEST_CASE("a profile in an included part serves the including scenario") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("outagesim-profiles-" + std::to_string(::getpid()));
  fs::create_directories(dir / "constants");
  std::ofstream(dir / "constants" / "site.yaml") << R"(profiles:
  - {name: chillers, kind: cooling_plant, rated_outside_c: 35, derate_pct_per_c: 1.5}
)";
  std::ofstream(dir / "scenario.yaml") << scenario_yaml(R"(
include: constants/site.yaml
components:
  - {name: plant, kind: cooling_plant, profile: chillers, chillers: 4, chiller_kw: 1000}
)");
  const auto loaded = outagesim::loader::load_scenario_file((dir / "scenario.yaml").string());
  fs::remove_all(dir);
  REQUIRE(loaded.ok());
  const auto& plant = std::get<m::CoolingPlantParams>(loaded.spec->components[0].params);
  CHECK(plant.derate_pct_per_c == 1.5);
}

TEST_CASE("profiles share the alias budget: a profile taken by thousands of components is refused") {
  // Regression: a profile of a 10,000-entry requirement, taken by 4,000 components, passed the alias
  // budget (counted once) and took 2.6 GB; with an alias instead it was refused at once.
  std::string needs = "[";
  for (int k = 0; k < 3000; ++k) needs += (k ? ", [feed]" : "[feed]");
  needs += "]";
  std::string yaml = scenario_yaml("profiles:\n  - {name: heavy, kind: compute, needs: " + needs +
                                   "}\ncomponents:\n  - {name: feed, kind: power_feed}\n");
  for (int c = 0; c < 400; ++c)
    yaml += "  - {name: vm" + std::to_string(c) + ", kind: compute, profile: heavy}\n";
  const std::string errors = load_errors(yaml);
  CHECK_THAT(errors, Catch::Contains("error: profiles are taken so often that they repeat more than 1000000 "
                                     "entries in the components that take them"));
  CHECK_THAT(errors, Catch::Contains("1 problem found"));
  // A few takers are fine.
  std::string few = scenario_yaml("profiles:\n  - {name: heavy, kind: compute, needs: " + needs +
                                  "}\ncomponents:\n  - {name: feed, kind: power_feed}\n");
  for (int c = 0; c < 3; ++c)
    few += "  - {name: vm" + std::to_string(c) + ", kind: compute, profile: heavy}\n";
  CHECK(load_spec(few).components.size() == 4);
}
