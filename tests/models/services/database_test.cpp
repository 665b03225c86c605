#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using outagesim::models::State;

namespace {
constexpr const char* kSites = R"(
components:
  - {name: zone-a, kind: power_feed}
  - {name: zone-b, kind: power_feed}
  - {name: proxy-a, kind: network, needs: zone-a}
)";
}

TEST_CASE("an HA database switches over after detection and stays on its standby") {
  const Run run = run_yaml(scenario_yaml(std::string(kSites) + R"(
  - {name: db, kind: database, primary: zone-a, standby: zone-b, detect: 5m, switchover: 25m}
faults:
  - {at: "01:00", target: zone-a, action: fail}
  - {at: "03:00", target: zone-a, action: repair}
  - {at: "04:00", target: zone-a, action: fail}
)"));
  CHECK(run.intervals("db") == "01:00-01:30");  // and unaffected at 04:00: it serves from zone-b
}

TEST_CASE("a proxy in the failed zone keeps an HA database down") {
  const Run run = run_yaml(scenario_yaml(std::string(kSites) + R"(
  - {name: db, kind: database, primary: zone-a, standby: zone-b, proxy: proxy-a, switchover: 10m}
faults:
  - {at: "01:00", target: zone-a, action: fail}
  - {at: "05:00", target: zone-a, action: repair}
)"));
  CHECK(run.intervals("db") == "01:00-05:00");
}

TEST_CASE("a proxy that lost part of its nodes degrades the database behind it") {
  // Regression (session 24's blind trial): with 10 % of its proxy left the database read as fully up.
  const Run run = run_yaml(scenario_yaml(std::string(kSites) + R"(
  - {name: db, kind: database, primary: zone-a, standby: zone-b, proxy: proxy-a, switchover: 10m}
faults:
  - {at: "01:00", target: proxy-a, action: set_capacity, share: 0.1}
  - {at: "03:00", target: proxy-a, action: set_capacity, share: 1}
)"));
  CHECK(run.intervals("db", State::kDegraded) == "01:00-03:00");
  CHECK(run.intervals("db").empty());
  // Back in full as the proxy is: the proxy is named, not a site that never left (session 24's review).
  const auto& degraded = run.result.intervals[run.id("db")].front();
  REQUIRE(degraded.ended < run.result.journal.size());
  CHECK(run.result.journal[degraded.ended].cause.blamed == run.id("proxy-a"));
}

TEST_CASE("a single-site database waits for its zone and its own recovery") {
  const Run run = run_yaml(scenario_yaml(std::string(kSites) + R"(
  - {name: db, kind: database, primary: zone-a, recovery: 20m}
faults:
  - {at: "01:00", target: zone-a, action: fail}
  - {at: "02:00", target: zone-a, action: repair}
)"));
  CHECK(run.intervals("db") == "01:00-02:20");
}

TEST_CASE("operators can switch a database over before the automatic switchover") {
  const Run run = run_yaml(scenario_yaml(std::string(kSites) + R"(
  - {name: db, kind: database, primary: zone-a, standby: zone-b, detect: 30m, switchover: 1h}
faults:
  - {at: "01:00", target: zone-a, action: fail}
operator_actions:
  - {at: "01:10", target: db, action: switch_over}
)"));
  CHECK(run.intervals("db") == "01:00-01:10");
}

TEST_CASE("a switchover given as a pipeline takes ceil(instances / width) batches") {
  // 30 instances 8 at a time: 4 batches of 5 minutes.
  const Run run = run_yaml(scenario_yaml(std::string(kSites) + R"(
  - name: db
    kind: database
    primary: zone-a
    standby: zone-b
    detect: 5m
    switchover: {instances: 30, width: 8, per_instance: 5m}
faults:
  - {at: "01:00", target: zone-a, action: fail}
)"));
  CHECK(run.intervals("db") == "01:00-01:25");
}

TEST_CASE("a database back as its proxy returns names the proxy, not a standby that never failed") {
  // The switchover (5m + 30m) ends at 01:35 behind a proxy down from 01:02 to 03:00; the database returns
  // with the proxy. It read "after b came back".
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
  - {name: px, kind: network}
  - {name: db, kind: database, primary: a, standby: b, proxy: px, detect: 5m, switchover: 30m}
faults:
  - {at: "01:00", target: a, action: fail}
  - {at: "01:02", target: px, action: fail}
  - {at: "03:00", target: px, action: repair}
)"));
  CHECK(run.intervals("db") == "01:00-03:00");
  const auto id = run.id("db");
  for (const auto& c : run.result.journal) {
    if (c.component == id && c.changes_state() && c.to == outagesim::models::State::kUp)
      CHECK(c.cause.blamed == run.id("px"));
  }
}

TEST_CASE("down_below: a database whose hosts mostly stopped is down, switches over, and recovers after") {
  // Blind trial (session 27): with 80 of its 100 hosts tripped, a single-instance database read as only
  // degraded, and its crash recovery never ran.
  const std::string hosts = std::string(kSites) + R"(
  - {name: hosts-a, kind: compute, needs: zone-a}
  - {name: hosts-b, kind: compute, needs: zone-b}
)";
  const std::string faults = R"(
faults:
  - {at: "01:00", target: hosts-a, action: set_capacity, share: 0.2}
  - {at: "03:00", target: hosts-a, action: set_capacity, share: 1}
)";
  const Run single = run_yaml(scenario_yaml(
      hosts + "  - {name: db, kind: database, primary: hosts-a, down_below: 0.5, recovery: 45m}\n" + faults));
  CHECK(single.intervals("db") == "01:00-03:45");
  const Run unset = run_yaml(
      scenario_yaml(hosts + "  - {name: db, kind: database, primary: hosts-a, recovery: 45m}\n" + faults));
  CHECK(unset.intervals("db").empty());
  CHECK(unset.intervals("db", State::kDegraded) == "01:00-03:00");
  const Run ha = run_yaml(scenario_yaml(
      hosts +
      "  - {name: db, kind: database, primary: hosts-a, standby: hosts-b, down_below: 0.5, detect: 5m, "
      "switchover: 10m}\n" +
      faults));
  CHECK(ha.intervals("db") == "01:00-01:15");
}
