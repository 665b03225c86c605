#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using outagesim::models::State;

TEST_CASE("a service runs its recovery steps after its needs return, from the start if they fail again") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: disks, kind: power_feed}
  - name: storage
    kind: object_storage
    needs: disks
    recovery: [{step: scrub, duration: 30m}, {step: verify, duration: 15m}]
faults:
  - {at: "01:00", target: disks, action: fail}
  - {at: "02:00", target: disks, action: repair}
  - {at: "02:40", target: disks, action: fail}
  - {at: "03:00", target: disks, action: repair}
)"));
  CHECK(run.intervals("storage") == "01:00-03:45");
}

TEST_CASE("zone-redundant storage survives one zone, not two") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: zone-a, kind: power_feed}
  - {name: zone-b, kind: power_feed}
  - {name: zone-c, kind: power_feed}
  - {name: zrs, kind: object_storage, needs: {k: 2, of: [zone-a, zone-b, zone-c]}}
faults:
  - {at: "01:00", target: zone-a, action: fail}
  - {at: "02:00", target: zone-b, action: fail}
  - {at: "03:00", target: zone-a, action: repair}
)"));
  CHECK(run.intervals("zrs") == "02:00-03:00");
}

TEST_CASE("a forced fault holds a service down whatever its needs say") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: api, kind: compute}
faults:
  - {at: "01:00", target: api, action: fail}
  - {at: "01:30", target: api, action: repair}
)"));
  CHECK(run.intervals("api") == "01:00-01:30");
}
