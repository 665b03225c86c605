#include "reports/chaos_plan.hpp"

#include <catch2/catch.hpp>

#include "tests/reports/chaos_export_fixture.hpp"

using namespace outagesim::testing;
using namespace outagesim::reports;
using outagesim::sim::Time;

namespace {
// A sealed room cooled by `plant` (declared before it): 0.5 °C/min once its chillers stop, its hosts shut
// down at 40 °C, 32 minutes later; a VM on them and a tenant on the VM.
const char* const kSealedRoom =
    R"(  - {name: room, kind: room, zone: a, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000,
     heat_loss_kw_per_c: 0, base_load_kw: 50, setpoint_c: 24, alarm_c: 30}
  - {name: pool, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, shutdown_c: 40}
  - {name: vm, kind: compute, zone: a, needs: pool}
tenants:
  - {name: shop, needs: [vm]}
)";
}  // namespace

TEST_CASE("faults map by action and kind, in time order, held as long as the run holds them") {
  const Run run = chaos_region();
  const ChaosPlan plan = plan_chaos(run.spec, run.result);
  REQUIRE(plan.steps.size() == 2);
  CHECK(plan.steps[0].kind == ChaosKind::kDisruptObjectStorage);
  CHECK(plan.steps[0].component == "bucket");
  CHECK(plan.steps[0].zone == "a");
  CHECK(plan.steps[0].at == Time::minutes(30));
  CHECK(plan.steps[0].duration == Time::hours(6) - Time::minutes(30));  // never repaired: to the end
  CHECK(plan.steps[1].kind == ChaosKind::kStopInstances);
  CHECK(plan.steps[1].component == "vm");
  CHECK(plan.steps[1].at == Time::hours(1));
  CHECK(plan.steps[1].duration == Time::hours(1));  // the repair at 02:00 is no step of its own
  CHECK(plan.steps[1].description == "fault: fail vm at 01:00");
  CHECK_FALSE(plan.steps[1].predicted);
}

TEST_CASE("a fault with no real-world action is listed as unmapped, never dropped") {
  const Run run = chaos_region();
  const ChaosPlan plan = plan_chaos(run.spec, run.result);
  REQUIRE(plan.unmapped.size() == 1);
  CHECK(plan.unmapped[0].component == "mq");
  CHECK(plan.unmapped[0].action == "fail");
  CHECK(unmapped_text(plan) ==
        "unmapped: mq fail: no managed fault action stops a middleware; use its own tooling\n");
}

TEST_CASE("a thermal fault is unmapped, and the rooms and pools it takes down become predicted steps") {
  // A sealed room heats 0.5 °C/min once its chillers stop at 01:00: its hosts shut down at 40 °C, 01:32.
  const Run run = run_yaml(scenario_yaml(
      "components:\n  - {name: plant, kind: cooling_plant, zone: a, chillers: 4, chiller_kw: 250}\n" +
      std::string(kSealedRoom) +
      "faults:\n  - {at: \"01:00\", target: plant, action: fail_chillers, count: 4}\n"));
  const ChaosPlan plan = plan_chaos(run.spec, run.result);
  REQUIRE(plan.unmapped.size() == 1);
  CHECK(plan.unmapped[0].reason == "a thermal fault has no real-world fault injection");
  REQUIRE(plan.steps.size() == 1);
  CHECK(plan.steps[0].kind == ChaosKind::kStopInstances);
  CHECK(plan.steps[0].component == "pool");
  CHECK(plan.steps[0].zone == "a");  // its room's
  CHECK(plan.steps[0].predicted);
  CHECK(plan.steps[0].at == Time::minutes(92));
  CHECK(plan.steps[0].description == "predicted: pool down at 01:32");
}

TEST_CASE("durations are written as ISO 8601 in whole seconds") {
  CHECK(iso_duration(Time()) == "PT0S");
  CHECK(iso_duration(Time::seconds(30)) == "PT30S");
  CHECK(iso_duration(Time::minutes(65)) == "PT1H5M");
  CHECK(iso_duration(Time::hours(2) + Time::ms(1999)) == "PT2H1S");
}

TEST_CASE("with every fault mapped what the run keeps down past the mapped steps becomes predicted steps") {
  // Regression: a two-second voltage sag that trips the chillers mapped to a one-minute power
  // interruption, and the hours its room's hosts were down were dropped without a word.
  const Run run = run_yaml(scenario_yaml(
      "components:\n  - {name: feed, kind: power_feed, zone: a}\n"
      "  - {name: plant, kind: cooling_plant, zone: a, chillers: 4, chiller_kw: 250, power: feed}\n" +
      std::string(kSealedRoom) +
      "faults:\n  - {at: \"01:00\", target: feed, action: voltage_sag, duration: 2s}\n"));
  const ChaosPlan plan = plan_chaos(run.spec, run.result);
  CHECK(plan.unmapped.empty());
  REQUIRE(plan.steps.size() == 2);
  CHECK(plan.steps[0].component == "feed");
  CHECK_FALSE(plan.steps[0].predicted);
  CHECK(plan.steps[1].component == "pool");
  CHECK(plan.steps[1].predicted);
  CHECK(plan.outlasting == 1);
  CHECK_THAT(unmapped_text(plan), Catch::Contains("predicted: 1 component the run keeps down past"));
}

TEST_CASE("a host pool down past the mapped steps gets its own step when its room's step was dropped") {
  // Regression: the pool was skipped as "covered by its room's step" though the room, back within the
  // mapped power cut, had no step: the pool's hours of power-on and checks left the export.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed, zone: a}
  - {name: plant, kind: cooling_plant, zone: a, chillers: 4, chiller_kw: 250}
  - {name: room, kind: room, zone: a, cooling: plant, power: feed, design_cooling_kw: 1000,
     thermal_mass_kj_per_c: 60000, base_load_kw: 50}
  - {name: pool, kind: host_pool, room: room, hosts: 45, kw_per_host: 10, power_on: 2h, checks: 1h}
  - {name: vm, kind: compute, zone: a, needs: pool}
tenants:
  - {name: shop, needs: [vm]}
faults:
  - {at: "01:00", target: feed, action: fail}
  - {at: "02:00", target: feed, action: repair}
)"));
  const ChaosPlan plan = plan_chaos(run.spec, run.result);
  INFO(plan.steps.size());
  CHECK(plan.unmapped.empty());
  REQUIRE(plan.steps.size() == 2);
  CHECK(plan.steps[0].component == "feed");
  CHECK(plan.steps[1].component == "pool");
  CHECK(plan.steps[1].predicted);
  CHECK(plan.steps[1].at == Time::hours(1));
}
