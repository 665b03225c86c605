#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using outagesim::models::State;
using outagesim::sim::Time;

namespace {
// A function on zone-a; launches go into fleet-b through the API. `api-load` being down adds demand,
// throttling the API (capacity 1000 rps, 500 rps baseline, +3500 rps: 4000 against 1000, 50% retried:
// offered (4000 - 500) / 0.5 = 7000, one call in seven succeeds).
constexpr const char* kRegion = R"(
components:
  - {name: zone-a, kind: power_feed}
  - {name: fleet-b, kind: compute}
  - {name: api-load, kind: power_feed}
  - {name: objects-a, kind: object_storage, needs: zone-a}
  - {name: images, kind: image_service, needs: objects-a}
  - {name: backups-a, kind: object_storage, needs: zone-a}
  - name: api
    kind: control_plane
    nodes: [{rps: 1000}]
    baseline_rps: 500
    retry_probability: 0.5
    demand: [{when_down: api-load, rps: 3500}]
)";

std::string launch(const std::string& strategy, const std::string& faults) {
  return scenario_yaml(std::string(kRegion) + "tenants:\n  - name: app\n    needs: [zone-a]\n    strategy: " +
                       strategy + "\nfaults:\n" + faults);
}
constexpr const char* kLaunch =
    "kind: launch_new, target: fleet-b, control_plane: api, instances: 20, boot: 10m";
}  // namespace

TEST_CASE("launching from a public image with the API healthy takes detection plus boot, then recovery") {
  const Run run =
      run_yaml(launch(std::string("{") + kLaunch +
                          ", detection: 5m, recovery: 15m, recovery_reason: caches warm on the new site}",
                      "  - {at: \"01:00\", target: zone-a, action: fail}\n"));
  CHECK(run.intervals("app/service") == "01:00-01:30");
  const auto& s = run.result.strategy(run.id("app/service"));
  CHECK(*s.alternative_ready - *s.procedure_started == Time::minutes(10));
}

TEST_CASE("a custom image needs its image service for the whole boot, retries do not help") {
  const Run run = run_yaml(launch(std::string("{") + kLaunch + ", image: custom, image_service: images}",
                                  "  - {at: \"01:00\", target: zone-a, action: fail}\n"
                                  "  - {at: \"05:00\", target: zone-a, action: repair}\n"));
  // The images live in zone-a: every boot fails until 05:00, and then the primary is back too.
  CHECK(run.intervals("app/service") == "01:00-05:00");
  const auto& s = run.result.strategy(run.id("app/service"));
  CHECK_FALSE(s.served_by_alternative);
  CHECK(s.limited_by == run.id("images"));
}

TEST_CASE("a custom image whose service survives boots fine") {
  const Run run = run_yaml(scenario_yaml(std::string(kRegion) + R"(
  - {name: zone-c, kind: power_feed}
tenants:
  - name: app
    needs: [zone-c]
    strategy: {kind: launch_new, target: fleet-b, control_plane: api, instances: 5, boot: 10m, image: custom, image_service: images}
faults:
  - {at: "01:00", target: zone-c, action: fail}
)"));
  CHECK(run.intervals("app/service") == "01:00-01:10");
}

TEST_CASE("launches into a throttled control plane take backoff rounds") {
  const std::string throttled =
      "  - {at: \"00:30\", target: api-load, action: fail}\n"
      "  - {at: \"01:00\", target: zone-a, action: fail}\n";
  const Run run = run_yaml(
      launch(std::string("{") + kLaunch + ", retry: {initial: 30s, max: 10m, multiplier: 2}}", throttled));
  const auto& s = run.result.strategy(run.id("app/service"));
  REQUIRE(s.alternative_ready);
  // With one call in seven succeeding, 20 instances need rounds 30s, 1m, 2m... apart: the launch takes
  // far longer than its 10 minutes of boot, and the API is named as what held it back.
  CHECK(*s.alternative_ready - *s.procedure_started >= Time::minutes(25));
  CHECK(s.limited_by == run.id("api"));
  CHECK(s.served_by_alternative);
  // Same seed, same rounds; another seed, other draws.
  const Run again = run_yaml(
      launch(std::string("{") + kLaunch + ", retry: {initial: 30s, max: 10m, multiplier: 2}}", throttled));
  CHECK(*again.result.strategy(again.id("app/service")).alternative_ready == *s.alternative_ready);
}

TEST_CASE("a restore needs its backups reachable and loses the work since the last backup") {
  const Run run =
      run_yaml(launch("{kind: restore_from_backup, target: fleet-b, control_plane: api, instances: 2, "
                      "backup_location: backups-a, data_gb: 100, restore_gb_per_hour: 50, "
                      "backup_every: 24h, backup_age_at_start: 6h}",
                      "  - {at: \"02:00\", target: zone-a, action: fail}\n"));
  // The backups are in the failed zone: nothing to restore from, ever.
  CHECK(run.intervals("app/service") == "02:00-end");
  const auto& s = run.result.strategy(run.id("app/service"));
  CHECK(s.limited_by == run.id("backups-a"));
  CHECK(s.limitation == outagesim::models::Wait::kBackupsUnreachable);

  const Run elsewhere = run_yaml(scenario_yaml(std::string(kRegion) + R"(
  - {name: backups-elsewhere, kind: object_storage}
tenants:
  - name: app
    needs: [zone-a]
    strategy: {kind: restore_from_backup, target: fleet-b, control_plane: api, instances: 2, backup_location: backups-elsewhere,
               data_gb: 100, restore_gb_per_hour: 50, backup_every: 24h, backup_age_at_start: 6h}
faults:
  - {at: "02:00", target: zone-a, action: fail}
)"));
  CHECK(elsewhere.intervals("app/service") == "02:00-04:00");  // 100 GB at 50 GB/h
  CHECK(elsewhere.result.strategy(elsewhere.id("app/service")).data_loss == Time::hours(8));
}

TEST_CASE("launched capacity goes down with the zone it was launched into") {
  // Regression: once launched, the new site served whatever happened to its instances' zone.
  const Run run = run_yaml(launch(std::string("{") + kLaunch + "}",
                                  "  - {at: \"01:00\", target: zone-a, action: fail}\n"
                                  "  - {at: \"02:00\", target: fleet-b, action: fail}\n"
                                  "  - {at: \"03:00\", target: fleet-b, action: repair}\n"));
  CHECK(run.intervals("app/service") == "01:00-01:10, 02:00-03:00");
}

namespace {
// Two tenants on zone-a whose launches draw on the 25 spare instances of fleet-c.
std::string stock(int spare) {
  return scenario_yaml(std::string(R"(
components:
  - {name: zone-a, kind: power_feed}
  - {name: fleet-c, kind: compute, spare_instances: )") +
                       std::to_string(spare) + R"(}
  - {name: api, kind: control_plane, nodes: [{rps: 1000}]}
tenants:
  - name: first
    needs: [zone-a]
    strategy: {kind: launch_new, target: fleet-c, control_plane: api, instances: 20, boot: 10m}
  - name: second
    needs: [zone-a]
    strategy: {kind: launch_new, target: fleet-c, control_plane: api, instances: 10, boot: 10m, detection: 5m}
faults:
  - {at: "01:00", target: zone-a, action: fail}
  - {at: "06:00", target: zone-a, action: repair}
)");
}
}  // namespace

TEST_CASE("launches draw on the target's finite spare instances, the later one finds a stock-out") {
  const Run run = run_yaml(stock(25));
  CHECK(run.intervals("first/service") == "01:00-01:10");
  // Only 5 of its 10 instances can ever be had: it waits on the stock-out until its zone returns.
  CHECK(run.intervals("second/service") == "01:00-06:00");
  const auto& s = run.result.strategy(run.id("second/service"));
  CHECK_FALSE(s.served_by_alternative);
  CHECK(s.limited_by == run.id("fleet-c"));
  CHECK(s.limitation == outagesim::models::Wait::kNoSpareCapacity);
}

TEST_CASE("enough spare instances for every launch: no stock-out") {
  const Run run = run_yaml(stock(30));
  CHECK(run.intervals("first/service") == "01:00-01:10");
  CHECK(run.intervals("second/service") == "01:00-01:15");
}

TEST_CASE("a big launch retrying against a failed API costs nothing per instance") {
  // Regression (issue 13): every retry drew one number per pending instance, even at availability 0:
  // 100,000 instances retried every second for 6 h made 2e9 draws. Now one draw per wave, none at 0.
  const Run run =
      run_yaml(launch("{kind: launch_new, target: fleet-b, control_plane: api, instances: 100000, "
                      "boot: 10m, retry: {initial: 1s, max: 1s}}",
                      "  - {at: \"00:30\", target: api, action: fail}\n"
                      "  - {at: \"01:00\", target: zone-a, action: fail}\n"
                      "  - {at: \"07:00\", target: api, action: repair}\n"));
  const auto& s = run.result.strategy(run.id("app/service"));
  REQUIRE(s.alternative_ready);
  // Nothing launches before the API returns at 07:00; then the launch's own 100,000 calls a second
  // throttle it for a few minutes, and ten minutes of boot follow.
  CHECK(*s.alternative_ready > Time::hours(7) + Time::minutes(10));
  CHECK(*s.alternative_ready < Time::hours(7) + Time::minutes(30));
  CHECK(s.limited_by == run.id("api"));
}
