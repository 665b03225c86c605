// What every component does with the scripted actions it shares: fail, repair and a voltage sag.
#include "models/core/component.hpp"

#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;

namespace {
constexpr const char* kFeed = R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute, needs: feed}
tenants:
  - {name: shop, needs: vm}
)";
}  // namespace

TEST_CASE("a sag ends by itself and a fail waits for its repair") {
  const Run sag = run_yaml(scenario_yaml(std::string(kFeed) + R"(
faults:
  - {at: "01:00", target: feed, action: voltage_sag, duration: 2h}
)",
                                         "12h"));
  CHECK(sag.intervals("feed") == "01:00-03:00");
}

TEST_CASE("a fail during a voltage sag keeps the component down when the sag ends") {
  // Regression: the fail found the component down already and was dropped, so the feed came back at the
  // sag's end although it had failed for good.
  const Run run = run_yaml(scenario_yaml(std::string(kFeed) + R"(
faults:
  - {at: "01:00", target: feed, action: voltage_sag, duration: 2h}
  - {at: "01:30", target: feed, action: fail}
operator_actions:
  - {at: "06:00", target: feed, action: repair}
)",
                                         "12h"));
  CHECK(run.intervals("feed") == "01:00-06:00");
  CHECK(run.intervals("shop") == "01:00-06:00");
  CHECK(run.result.injection_had_effect.at(1));
}

TEST_CASE("a sag's end acts together with the faults of its instant") {
  // Regression (session 23's probe): the end ran after the instant's faults had settled, so the other
  // feed failing as the sag ended cut a service that needs either for an instant, and it ran its steps.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: f1, kind: power_feed}
  - {name: f2, kind: power_feed}
  - {name: s, kind: compute, needs: {any_of: [f1, f2]}, recovery: 10m}
tenants:
  - {name: t, needs: [s]}
faults:
  - {at: "01:00", target: f1, action: voltage_sag, duration: 1h}
  - {at: "02:00", target: f2, action: fail}
)",
                                         "8h"));
  CHECK(run.intervals("f1") == "01:00-02:00");
  CHECK(run.intervals("s").empty());
  CHECK(run.intervals("t").empty());
}

TEST_CASE("a sag lasts its own duration, whatever sag came before it") {
  // Regression (session 23's probe): the first sag's end cut a later one short, and a sag starting as
  // another ended was dropped.
  const std::string region = R"(
components:
  - {name: a, kind: network}
tenants:
  - {name: t, needs: [a]}
)";
  const Run repaired = run_yaml(scenario_yaml(region + R"(faults:
  - {at: "01:00", target: a, action: voltage_sag, duration: 1h}
  - {at: "01:10", target: a, action: repair}
  - {at: "01:20", target: a, action: voltage_sag, duration: 1h}
)",
                                              "4h"));
  CHECK(repaired.intervals("a") == "01:00-01:10, 01:20-02:20");
  const Run back_to_back = run_yaml(scenario_yaml(region + R"(faults:
  - {at: "01:00", target: a, action: voltage_sag, duration: 1h}
  - {at: "02:00", target: a, action: voltage_sag, duration: 1h}
)",
                                                  "4h"));
  CHECK(back_to_back.intervals("a") == "01:00-03:00");
}

TEST_CASE("a shorter sag inside a longer one does not end it early") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: network}
faults:
  - {at: "01:00", target: a, action: voltage_sag, duration: 1h}
  - {at: "01:30", target: a, action: voltage_sag, duration: 10m}
)",
                                         "4h"));
  CHECK(run.intervals("a") == "01:00-02:00");
}
