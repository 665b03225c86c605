#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using outagesim::models::Reason;
using outagesim::models::State;

namespace {
constexpr const char* kApi = R"(
components:
  - {name: zone-a, kind: power_feed}
  - {name: zone-b, kind: power_feed}
  - {name: middleware, kind: middleware, needs: zone-b}
  - {name: fleet-b, kind: compute, needs: zone-b}
  - name: api
    kind: control_plane
    nodes: [{needs: zone-a, rps: 1000}, {needs: zone-b, rps: 1000}]
    baseline_rps: 600
    retry_probability: 0.5
    demand: [{when_down: fleet-b, rps: 900, after_return: 500, after_return_for: 1h}]
)";

double throttle_detail(const Run& run) {
  for (const auto& c : run.result.journal) {
    if (c.component == run.id("api") && c.cause.reason == Reason::kThrottled) return c.cause.value;
  }
  return -1;
}
}  // namespace

TEST_CASE("a control plane throttles when demand outgrows the capacity left, retries making it worse") {
  const Run run = run_yaml(scenario_yaml(std::string(kApi) + R"(
faults:
  - {at: "01:00", target: zone-a, action: fail}
  - {at: "02:00", target: zone-a, action: repair}
)"));
  CHECK(run.intervals("api", State::kDegraded).empty());  // 600 rps within the 1000 left
  const Run surge = run_yaml(scenario_yaml(std::string(kApi) + R"(
    scale_out: {needs: middleware, delay: 30m, rps: 1000}
faults:
  - {at: "01:00", target: zone-b, action: fail}
  - {at: "03:00", target: zone-b, action: repair}
)"));
  // Zone b's loss takes half the capacity and adds 900 rps: 1500 against 1000. Half of the rejected calls
  // come back: offered = (1500 - 0.5 * 1000) / 0.5 = 2000, so 50% succeed. The middleware new capacity
  // needs is in zone b too, so no scale-out; when zone b returns, recovery traffic (600 + 500 = 1100 rps)
  // still fits in 2000.
  CHECK(surge.intervals("api", State::kDegraded) == "01:00-03:00");
  CHECK(throttle_detail(surge) == Approx(0.5));
}

TEST_CASE("new capacity starts after its delay once what it needs is up") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: zone-a, kind: power_feed}
  - {name: middleware, kind: middleware}
  - {name: fleet, kind: compute}
  - name: api
    kind: control_plane
    nodes: [{needs: zone-a, rps: 1000}]
    baseline_rps: 500
    scale_out: {needs: middleware, delay: 30m, rps: 1000}
    demand: [{when_down: fleet, rps: 1000}]
faults:
  - {at: "01:00", target: middleware, action: fail}
  - {at: "01:00", target: fleet, action: fail}
  - {at: "02:00", target: middleware, action: repair}
)"));
  CHECK(run.intervals("api", State::kDegraded) == "01:00-02:30");
}

TEST_CASE("recovery traffic keeps a control plane throttled after the outage that caused it") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: fleet, kind: compute}
  - name: api
    kind: control_plane
    nodes: [{rps: 1000}]
    baseline_rps: 500
    demand: [{when_down: fleet, rps: 1000, after_return: 800, after_return_for: 2h}]
faults:
  - {at: "01:00", target: fleet, action: fail}
  - {at: "03:00", target: fleet, action: repair}
)"));
  CHECK(run.intervals("api", State::kDegraded) == "01:00-05:00");
}

TEST_CASE("a surge of demand that lasts a while ends before the outage that caused it") {
  // The customers of a zone that stays down for days move or give up; their launches stop after `lasts`,
  // and the recovery traffic still comes when the zone returns.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: fleet, kind: compute}
  - name: api
    kind: control_plane
    nodes: [{rps: 1000}]
    baseline_rps: 500
    demand: [{when_down: fleet, rps: 1000, lasts: 3h, after_return: 800, after_return_for: 2h}]
faults:
  - {at: "01:00", target: fleet, action: fail}
  - {at: "10:00", target: fleet, action: repair}
)"));
  CHECK(run.intervals("api", State::kDegraded) == "01:00-04:00, 10:00-12:00");
  // Back within capacity at 04:00 because the demand fell, not because capacity came back (review 8).
  const auto& first = run.result.intervals[run.id("api")].front();
  REQUIRE(first.ended != outagesim::models::kNoChange);
  CHECK(run.result.journal[first.ended].cause.reason == outagesim::models::Reason::kDemandFell);
  CHECK(run.result.journal[first.ended].cause.value == 500);
}

TEST_CASE("a surge that lasts no time adds no demand, and a longer one never gives less") {
  // Review 8: `lasts: 0s` (or a draw of 0) meant the whole outage, so a shorter surge could throttle longer.
  const auto degraded = [](const char* lasts) {
    const Run run = run_yaml(scenario_yaml(fmt::format(R"(
components:
  - {{name: fleet, kind: compute}}
  - name: api
    kind: control_plane
    nodes: [{{rps: 1000}}]
    baseline_rps: 500
    demand: [{{when_down: fleet, rps: 1000{}}}]
faults:
  - {{at: "01:00", target: fleet, action: fail}}
  - {{at: "07:00", target: fleet, action: repair}}
)",
                                                       lasts)));
    return run.intervals("api", State::kDegraded);
  };
  CHECK(degraded(", lasts: 0s") == "");
  CHECK(degraded(", lasts: 10m") == "01:00-01:10");
  CHECK(degraded("") == "01:00-07:00");
}

TEST_CASE("a surge counts its time from each time its source goes down") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: fleet, kind: compute}
  - name: api
    kind: control_plane
    nodes: [{rps: 1000}]
    baseline_rps: 500
    demand: [{when_down: fleet, rps: 1000, lasts: 1h}]
faults:
  - {at: "01:00", target: fleet, action: fail}
  - {at: "01:30", target: fleet, action: repair}
  - {at: "02:00", target: fleet, action: fail}
)"));
  CHECK(run.intervals("api", State::kDegraded) == "01:00-01:30, 02:00-03:00");
}

TEST_CASE("a control plane with no capacity left is down") {
  const Run run = run_yaml(scenario_yaml(std::string(kApi) + R"(
faults:
  - {at: "01:00", target: zone-a, action: fail}
  - {at: "01:00", target: zone-b, action: fail}
  - {at: "02:00", target: zone-a, action: repair}
)"));
  CHECK(run.intervals("api", State::kDown) == "01:00-02:00");
}

TEST_CASE("a failed control plane refuses every call") {
  // Regression: a forced fault set the state to down but left the availability callers read at 1.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: zone-a, kind: power_feed}
  - {name: fleet-b, kind: compute}
  - {name: api, kind: control_plane, nodes: [{rps: 1000}]}
tenants:
  - name: app
    needs: [zone-a]
    strategy: {kind: launch_new, target: fleet-b, control_plane: api, instances: 3, boot: 5m}
faults:
  - {at: "01:00", target: api, action: fail}
  - {at: "01:00", target: zone-a, action: fail}
  - {at: "03:00", target: api, action: repair}
)"));
  CHECK(run.intervals("api") == "01:00-03:00");
  // Launches only after the repair: the next retry of the backoff (10s, 20s, ... capped at 10m) comes at
  // 03:00:30, then a 5-minute boot.
  CHECK(run.intervals("app/service") == "01:00-03:05:30");
  CHECK(run.result.strategy(run.id("app/service")).limitation == outagesim::models::Wait::kControlPlaneDown);
}
