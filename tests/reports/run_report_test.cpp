#include "reports/run_report.hpp"

#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;

namespace {
const char* kScenario = R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute, needs: feed}
tenants:
  - {name: shop, needs: [vm], recovery: 30m}
faults:
  - {at: "01:00", target: feed, action: fail}
  - {at: "02:00", target: feed, action: repair}
milestones:
  - {name: shop back, component: shop, event: returns_up, public: "02:30"}
)";
const outagesim::reports::RunMetadata kMeta{"0.0.0", "test.yaml", 0xabc, 1};
}  // namespace

TEST_CASE("the JSON result carries the contract's fields") {
  const Run run = run_yaml(scenario_yaml(kScenario));
  const auto doc = outagesim::reports::run_json(run.spec, run.result, kMeta);
  CHECK(doc["scenario"] == "test");
  CHECK(doc["horizon_s"] == 86400);
  CHECK(doc["scenario_hash"] == "fnv1a64:0000000000000abc");
  const auto& shop = doc["tenants"][0];
  CHECK(shop["name"] == "shop");
  CHECK(shop["downtime_s"] == 5400);
  REQUIRE(shop["intervals"].size() == 1);
  const auto& interval = shop["intervals"][0];
  CHECK(interval["start_s"] == 3600);
  CHECK(interval["end_s"] == 9000);
  CHECK(interval["start"] == "2022-01-01T01:00:00+00:00");
  CHECK(interval["end"] == "2022-01-01T02:30:00+00:00");
  CHECK(interval["cause"].get<std::string>().find("feed down at 01:00") != std::string::npos);
  CHECK(interval["cause_chain"].size() == 4);  // shop, shop/service, vm, feed
  const auto& vm = doc["components"][1];
  CHECK(vm["name"] == "vm");
  CHECK(vm["kind"] == "compute");
  CHECK(vm["intervals"][0]["state"] == "down");
  CHECK(doc["milestones"][0]["passed"] == true);
  CHECK(doc["injections"][1]["had_effect"] == true);
}

TEST_CASE("the text report names tenants, causes, components and milestones") {
  const Run run = run_yaml(scenario_yaml(kScenario));
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  CHECK(text.find("TENANTS") != std::string::npos);
  CHECK(text.find("shop/service down 01:00 - 02:30 (1h 30m)") != std::string::npos);
  CHECK(text.find("came back:  recovery steps done after vm returned") != std::string::npos);
  CHECK(text.find("shop back") != std::string::npos);
}

TEST_CASE("the text report lists degraded intervals, with their causes, only when there are any") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: nodes, kind: power_feed}
  - {name: ebs, kind: block_storage, needs: nodes, rebuild: {data_tb: 40, tb_per_hour: 8}}
tenants:
  - {name: shop, needs: [ebs]}
faults:
  - {at: "01:00", target: nodes, action: set_capacity, share: 0.75, note: rack lost}
  - {at: "02:00", target: nodes, action: set_capacity, share: 1}
)"));
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  CHECK(text.find(
            "DEGRADED (every degraded interval of every tenant function)\n"
            "  shop/service degraded 01:00 - 03:15 (2h 15m)\n"
            "    degraded:  ebs degraded at 01:00: serving 75% of capacity: nodes serves that share <- nodes "
            "degraded at 01:00: serving 75% of capacity: fault set_capacity on nodes at 01:00 (rack lost)\n"
            "    ended:     ebs up at 03:15: rebuilt\n") != std::string::npos);
  const Run plain = run_yaml(scenario_yaml(kScenario));
  CHECK(outagesim::reports::run_text(plain.spec, plain.result, kMeta).find("DEGRADED") == std::string::npos);
}
