#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using outagesim::models::State;
using outagesim::sim::Time;

namespace {
// A function on zone-a, with a standby on zone-b reached through a proxy in zone-a.
constexpr const char* kZones = R"(
components:
  - {name: zone-a, kind: power_feed}
  - {name: zone-b, kind: power_feed}
  - {name: proxy-a, kind: network, needs: zone-a}
  - {name: backups, kind: object_storage}
)";

std::string with_strategy(const std::string& strategy, const std::string& faults) {
  return scenario_yaml(std::string(kZones) + "tenants:\n  - name: app\n    needs: [zone-a]\n    strategy: " +
                       strategy + "\nfaults:\n" + faults);
}
}  // namespace

TEST_CASE("a warm standby takes over after detection, decision, switchover and DNS, losing its lag") {
  const Run run =
      run_yaml(with_strategy("{kind: standby, needs: zone-b, detection: 5m, decision: 10m, switchover: 10m, "
                             "dns_ttl: 5m, replication_lag: 30s}",
                             "  - {at: \"01:00\", target: zone-a, action: fail}\n"));
  CHECK(run.intervals("app/service") == "01:00-01:30");
  const auto& s = run.result.strategy(run.id("app/service"));
  CHECK(s.served_by_alternative);
  CHECK(s.data_loss == Time::seconds(30));
  CHECK(*s.procedure_started == Time::minutes(75));
  CHECK(*s.alternative_ready == Time::minutes(90));
  CHECK(s.limitation == outagesim::models::Wait::kDetectionAndDecision);
}

TEST_CASE("a standby whose own needs are down cannot take over until they return") {
  // The standby reaches its database through a proxy in the failed zone (HK 2022).
  const Run run = run_yaml(with_strategy("{kind: standby, needs: [zone-b, proxy-a], switchover: 10m}",
                                         "  - {at: \"01:00\", target: zone-a, action: fail}\n  - {at: "
                                         "\"06:00\", target: zone-a, action: repair}\n"));
  CHECK(run.intervals("app/service") == "01:00-06:00");  // the primary returns first
  const auto& s = run.result.strategy(run.id("app/service"));
  CHECK_FALSE(s.served_by_alternative);
  CHECK(s.data_loss == Time());
  CHECK(s.limited_by == run.id("proxy-a"));
}

TEST_CASE("a failover in progress is abandoned when the primary returns") {
  const Run run = run_yaml(with_strategy("{kind: standby, needs: zone-b, detection: 30m, switchover: 30m}",
                                         "  - {at: \"01:00\", target: zone-a, action: fail}\n  - {at: "
                                         "\"01:40\", target: zone-a, action: repair}\n"));
  CHECK(run.intervals("app/service") == "01:00-01:40");
  CHECK_FALSE(run.result.strategy(run.id("app/service")).served_by_alternative);
}

TEST_CASE("a standby that fails after taking over takes the function down with it") {
  const Run run = run_yaml(with_strategy(
      "{kind: standby, needs: zone-b, switchover: 10m}",
      "  - {at: \"01:00\", target: zone-a, action: fail}\n  - {at: \"02:00\", target: zone-b, action: fail}\n"
      "  - {at: \"03:00\", target: zone-b, action: repair}\n"));
  CHECK(run.intervals("app/service") == "01:00-01:10, 02:00-03:00");
}

TEST_CASE("a cold cross-region standby is provisioned first and loses the work since the last backup") {
  const Run run = run_yaml(with_strategy(
      "{kind: cross_region, mode: cold, needs: zone-b, detection: 10m, provision: 2h, switchover: 20m, "
      "backup_every: 24h, backup_age_at_start: 3h}",
      "  - {at: \"05:00\", target: zone-a, action: fail}\n"));
  CHECK(run.intervals("app/service") == "05:00-07:30");
  CHECK(run.result.strategy(run.id("app/service")).data_loss ==
        Time::hours(8));  // 3 h old at 00:00, then 5 h
}

TEST_CASE("a failover can be held until a given time") {
  const Run run = run_yaml(with_strategy("{kind: multi_cloud, needs: zone-b, at: \"04:00\", switchover: 15m}",
                                         "  - {at: \"01:00\", target: zone-a, action: fail}\n"));
  CHECK(run.intervals("app/service") == "01:00-04:15");
}

TEST_CASE("a second failover loses the work since the second fall, not the first") {
  // Regression: the data lost at a later failover was measured from the first failure.
  const Run run =
      run_yaml(with_strategy("{kind: cross_region, mode: cold, needs: zone-b, provision: 1h, backup_every: "
                             "24h, backup_age_at_start: 2h}",
                             "  - {at: \"01:00\", target: zone-a, action: fail}\n  - {at: \"05:00\", target: "
                             "zone-a, action: repair}\n"
                             "  - {at: \"10:00\", target: zone-a, action: fail}\n"));
  // The first failover restores a backup 3 h old; the second, at 10:00, one 12 h old.
  CHECK(run.result.strategy(run.id("app/service")).data_loss == Time::hours(15));
}

TEST_CASE("a failover need holds the switchover back, but the standby serves without it") {
  // dns is needed to move traffic, not to serve: the switchover waits for it (02:00) and then takes its
  // 10 minutes; dns failing again at 03:00 does not take the standby down.
  const Run run = run_yaml(scenario_yaml(std::string(kZones) + R"(
  - {name: dns, kind: network}
tenants:
  - name: app
    needs: [zone-a]
    strategy: {kind: standby, needs: zone-b, failover_needs: dns, switchover: 10m}
faults:
  - {at: "00:30", target: dns, action: fail}
  - {at: "01:00", target: zone-a, action: fail}
  - {at: "03:00", target: dns, action: fail}
operator_actions:
  - {at: "02:00", target: dns, action: repair}
)"));
  CHECK(run.intervals("app/service") == "01:00-02:10");
  const auto& s = run.result.strategy(run.id("app/service"));
  CHECK(s.limited_by == run.id("dns"));
  CHECK(s.limitation == outagesim::models::Wait::kFailoverNeeds);
}

TEST_CASE("a warm standby runs the function's recovery steps unless it says why not") {
  // Regression: a standby without its own `recovery` skipped the reconcile the baseline needs, so it
  // looked 2 h better than it was.
  const auto yaml = [](const std::string& strategy) {
    return scenario_yaml(std::string(kZones) +
                         "tenants:\n  - name: app\n    needs: [zone-a]\n    recovery: "
                         "[{step: reconcile, duration: 2h}]\n    strategy: " +
                         strategy + "\nfaults:\n  - {at: \"01:00\", target: zone-a, action: fail}\n");
  };
  CHECK(run_yaml(yaml("{kind: standby, needs: zone-b, switchover: 10m}")).intervals("app/service") ==
        "01:00-03:10");
  CHECK(run_yaml(yaml("{kind: standby, needs: zone-b, switchover: 10m, recovery: [], recovery_reason: "
                      "synchronous replication leaves nothing to reconcile}"))
            .intervals("app/service") == "01:00-01:10");
  CHECK(load_errors(yaml("{kind: standby, needs: zone-b, recovery: []}"))
            .find("replaces the function's recovery steps without saying why") != std::string::npos);
  CHECK(load_errors(yaml("{kind: standby, needs: zone-b, recovery_reason: none}"))
            .find("gives 'recovery_reason' but no 'recovery'") != std::string::npos);
}

TEST_CASE("a standby records its waits in time order, each with what it waited on") {
  const Run run =
      run_yaml(with_strategy("{kind: standby, needs: [zone-b], detection: 5m, decision: 10m, "
                             "switchover: 10m}",
                             "  - {at: \"01:00\", target: zone-a, action: fail}\n  - {at: "
                             "\"01:00\", target: zone-b, action: fail}\n  - {at: \"02:00\", "
                             "target: zone-b, action: repair}\n"));
  const auto& holds = run.result.strategy(run.id("app/service")).holds;
  REQUIRE(holds.size() == 3);
  CHECK(holds[0].wait == outagesim::models::Wait::kDetectionAndDecision);
  CHECK(holds[0].start == Time::minutes(60));
  CHECK(holds[0].end == Time::minutes(75));
  CHECK(holds[1].wait == outagesim::models::Wait::kStandbyNeeds);
  CHECK(holds[1].component == run.id("zone-b"));
  CHECK(holds[1].end == Time::minutes(120));
  CHECK(holds[2].wait == outagesim::models::Wait::kSwitchover);
  CHECK(holds[2].end == Time::minutes(130));
}

TEST_CASE("a failover held back by its clock time says so, not detection and decision") {
  // Detection and decision take 15 minutes; the failover was given 03:00, two hours after the fall.
  const Run run =
      run_yaml(with_strategy("{kind: standby, needs: zone-b, detection: 5m, decision: 10m, at: \"03:00\", "
                             "switchover: 10m}",
                             "  - {at: \"01:00\", target: zone-a, action: fail}\n"));
  CHECK(run.intervals("app/service") == "01:00-03:10");
  const auto& s = run.result.strategy(run.id("app/service"));
  CHECK(s.limitation == outagesim::models::Wait::kDecisionTime);
  // Given no later time than detection and decision, these hold it back as before.
  const Run early =
      run_yaml(with_strategy("{kind: standby, needs: zone-b, detection: 5m, decision: 10m, at: \"00:30\", "
                             "switchover: 10m}",
                             "  - {at: \"01:00\", target: zone-a, action: fail}\n"));
  CHECK(early.intervals("app/service") == "01:00-01:25");
  CHECK(early.result.strategy(early.id("app/service")).limitation ==
        outagesim::models::Wait::kDetectionAndDecision);
}
