#include "reports/chaostoolkit_export.hpp"

#include <catch2/catch.hpp>

#include "tests/reports/chaos_export_fixture.hpp"

using namespace outagesim::testing;
using namespace outagesim::reports;

TEST_CASE("the Chaos Toolkit experiment probes each tenant function and pauses as the run does") {
  const Run run = chaos_region();
  const auto ctk = chaostoolkit_experiment(run.spec, plan_chaos(run.spec, run.result));
  INFO(ctk.dump(2));
  CHECK(ctk["version"] == "1.0.0");
  const auto& probes = ctk["steady-state-hypothesis"]["probes"];
  REQUIRE(probes.size() == 2);
  CHECK(probes[0]["name"] == "shop/checkout serves (needs vm, bucket)");
  CHECK(probes[0]["provider"]["type"] == "http");
  CHECK(probes[1]["name"] == "shop/queue serves (needs mq)");

  // Regression (session 17): stopped instances were started again only by the rollbacks, at the end,
  // so a fault the run held for an hour held for the whole experiment.
  const auto& method = ctk["method"];
  REQUIRE(method.size() == 3);
  CHECK(method[0]["provider"]["func"] == "start_experiment");  // S3 disruption runs through FIS
  CHECK(method[0]["pauses"]["before"] == 30 * 60);
  CHECK(method[1]["provider"]["module"] == "chaosaws.ec2.actions");
  CHECK(method[1]["provider"]["func"] == "stop_instances");
  CHECK(method[1]["provider"]["arguments"]["az"] == "a");
  CHECK(method[1]["provider"]["arguments"]["filters"][0]["Values"][0] == "vm");
  CHECK(method[1]["pauses"]["before"] == 30 * 60);
  CHECK_FALSE(method[1]["pauses"].contains("after"));
  CHECK(method[2]["name"] == "step-02 repair vm");  // when the run repairs it, an hour later
  CHECK(method[2]["provider"]["func"] == "start_instances");
  CHECK(method[2]["provider"]["arguments"]["filters"][0]["Values"][0] == "vm");
  CHECK(method[2]["pauses"]["before"] == 3600);
  CHECK(method[2]["pauses"]["after"] == 4 * 3600);  // until the bucket's fault ends with the run

  REQUIRE(ctk["rollbacks"].size() == 1);
  CHECK(ctk["rollbacks"][0]["provider"]["func"] == "start_instances");
  const auto& unmapped = ctk["extensions"][0]["unmapped"];
  REQUIRE(unmapped.size() == 1);
  CHECK(unmapped[0]["component"] == "mq");
}

TEST_CASE(
    "Chaos Toolkit pauses keep whole-second times without drift and a stop the run never ends has no "
    "repair") {
  // Regressions: each pause was cut to whole seconds from the time before it, so sub-second times drifted
  // a second per step; and a component still down at the end got a start_instances at the horizon.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed, zone: a}
  - {name: vm, kind: compute, zone: a, needs: feed}
  - {name: vm2, kind: compute, zone: a}
tenants:
  - {name: shop, needs: [vm, vm2]}
faults:
  - {at: "+1h0.5s", target: vm, action: fail}
  - {at: "+1h1m30.8s", target: vm, action: repair}
  - {at: "+2h", target: vm2, action: fail}
)",
                                         "6h"));
  const auto ctk = chaostoolkit_experiment(run.spec, plan_chaos(run.spec, run.result));
  INFO(ctk.dump(2));
  const auto& method = ctk["method"];
  REQUIRE(method.size() == 3);
  std::int64_t elapsed = 0;
  for (const auto& action : method) elapsed += action["pauses"].value("before", 0);
  CHECK(elapsed == 7200);  // the last stop at 2h exactly
  CHECK(method[1]["name"] == "step-01 repair vm");
  CHECK(method[2]["provider"]["func"] == "stop_instances");
  CHECK(method[2]["pauses"]["after"] == 4 * 3600);  // held to the end; the rollback restarts vm2
  REQUIRE(ctk["rollbacks"].size() == 2);
}
