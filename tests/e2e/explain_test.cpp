// `outagesim explain` as a user meets it: the story of OKX's outage in the HK 2022 replay, and the usage
// errors for an unknown tenant or function.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;

TEST_CASE("explain tells OKX's trading outage from the cooling plant to its own reconcile") {
  const auto r = run_cli("explain scenarios/hk-2022-zone-c.yaml --tenant OKX --function trading");
  INFO(r.err);
  REQUIRE(r.status == 0);
  INFO(r.out);
  CHECK(r.out.find("OKX/trading was down from ") != std::string::npos);
  // The hosts' segment leads back to the cooling plant, the last ones are OKX's own steps.
  CHECK(r.out.find("Behind it (from plant-c, the cooling plant): c5-dedicated") != std::string::npos);
  CHECK(r.out.find("it waited for oss-c, which was running its recovery step 'data integrity checks'") !=
        std::string::npos);
  CHECK(r.out.find("OKX ran its own recovery step 'reconcile ledgers and order books' (OKX's own time)") !=
        std::string::npos);
  CHECK(r.out.find("the provider's time, ") != std::string::npos);
  CHECK(r.out.find("In all, OKX/trading was down or degraded for ") != std::string::npos);
}

TEST_CASE("explain names an unknown tenant or function, with the nearest one, and exits 2") {
  const auto tenant = run_cli("explain scenarios/hk-2022-zone-c.yaml --tenant OKY");
  CHECK(tenant.status == 2);
  CHECK(tenant.err.find("no tenant named 'OKY'; did you mean 'OKX'?") != std::string::npos);
  const auto function = run_cli("explain scenarios/hk-2022-zone-c.yaml --tenant OKX --function tradin");
  CHECK(function.status == 2);
  CHECK(function.err.find("no function named 'tradin'; did you mean 'trading'?") != std::string::npos);
}

TEST_CASE("explain says when a strategy brought the function back, and that its segments do not tell it") {
  // Regression (session 20): a standby's failover was told as the primary's outage, the provider's time
  // throughout, with no word of the strategy; compare told its waits.
  const std::string path = outagesim::testing::unique_temp_path("explain-standby.yaml");
  std::ofstream(path) << R"(scenario: explain-standby
start: 2024-01-01T09:00:00+00:00
horizon: 6h
components:
  - {name: x, kind: middleware}
  - {name: z, kind: middleware}
tenants:
  - name: app
    needs: [x]
    recovery: [{step: reconcile, duration: 30m}]
    strategy: {kind: standby, needs: [z], detection: 10m, decision: 10m, switchover: 20m, dns_ttl: 5m}
faults:
  - {at: "10:00", target: x, action: fail}
  - {at: "13:00", target: x, action: repair}
)";
  const auto r = run_cli("explain " + path + " --tenant app");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("app/service was down from 10:00 to 11:15") != std::string::npos);
  CHECK(r.out.find("Note: app/service has a standby strategy, whose procedure began at 10:20 and whose site "
                   "was ready at 10:45; it came back through it.") != std::string::npos);
  CHECK(r.out.find(". The strategy itself was limited by reconcile on the new site (30m).") !=
        std::string::npos);
}
