#include "models/scenario/component_ranking.hpp"

#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using namespace outagesim::models;
using outagesim::sim::Time;

TEST_CASE("components rank by the downtime they held, and the what-if saves their faults' whole effect") {
  const ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute, needs: feed}
  - {name: disks, kind: block_storage}
tenants:
  - {name: shop, needs: [vm], recovery: 30m}
  - {name: blog, needs: [disks]}
faults:
  - {at: "01:00", target: feed, action: fail}
  - {at: "03:00", target: feed, action: repair}
  - {at: "02:00", target: disks, action: fail}
  - {at: "03:00", target: disks, action: repair}
)"));
  const ComponentRanking ranking = rank_components(spec, 1);
  // By hand: shop down 01:00-03:30 (the feed 2h, its own recovery 30m), blog 02:00-03:00 (the disks).
  CHECK(ranking.total == Time::minutes(210));
  REQUIRE(ranking.ranks.size() == 3);
  const ComponentRank& feed = ranking.ranks[0];
  CHECK(spec.components[feed.component].name == "feed");
  CHECK(feed.attributed == Time::hours(2));
  CHECK(feed.rooted == Time::hours(2));
  REQUIRE(feed.saved);
  CHECK(*feed.saved == Time::minutes(150));  // without the feed's fault shop never goes down, nor recovers
  CHECK(feed.tenants == std::vector<std::uint32_t>{0});
  const ComponentRank& disks = ranking.ranks[1];
  CHECK(spec.components[disks.component].name == "disks");
  CHECK(disks.attributed == Time::hours(1));
  CHECK(disks.saved == Time::hours(1));
  CHECK(disks.tenants == std::vector<std::uint32_t>{1});
  // The vm only passed the feed's state on: no time of its own, no faults to remove, one tenant waited on it.
  const ComponentRank& vm = ranking.ranks[2];
  CHECK(spec.components[vm.component].name == "vm");
  CHECK(vm.attributed == Time());
  CHECK(vm.rooted == Time());
  CHECK_FALSE(vm.saved);
  CHECK(vm.tenants == std::vector<std::uint32_t>{0});
}

TEST_CASE("removing a component's faults keeps every other injection") {
  const ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: disks, kind: block_storage}
tenants:
  - {name: blog, needs: [disks]}
faults:
  - {at: "01:00", target: feed, action: fail}
  - {at: "02:00", target: disks, action: fail}
)"));
  const ScenarioSpec held = without_faults_on(spec, 0);
  REQUIRE(held.injections.size() == 1);
  CHECK(held.injections[0].target == 1);
}
