// `outagesim sweep` on the HK 2022 region: the Zone C cooling plant alone takes the most down.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;

TEST_CASE("sweep puts HK's zone C cooling plant first, in every format") {
  const auto json = run_cli("sweep scenarios/hk-2022-zone-c.yaml --duration 4h --format json");
  INFO(json.err);
  REQUIRE(json.status == 0);
  const auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["duration_s"] == 4 * 3600);
  REQUIRE(!doc["components"].empty());
  CHECK(doc["components"][0]["name"] == "plant-c");
  CHECK(doc["components"][0]["functions_down"].size() >= 4);
  const auto csv = run_cli("sweep scenarios/hk-2022-zone-c.yaml --format csv");
  REQUIRE(csv.status == 0);
  CHECK(csv.out.rfind("component,kind,tenant,function,downtime_s\nplant-c,cooling_plant,OKX,trading,", 0) ==
        0);
  const auto text = run_cli("sweep scenarios/hk-2022-zone-c.yaml");
  REQUIRE(text.status == 0);
  CHECK(text.out.find("components take a tenant function down on their own") != std::string::npos);
}

TEST_CASE("sweep refuses a duration that is not one") {
  const auto bad = run_cli("sweep scenarios/hk-2022-zone-c.yaml --duration soon");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("--duration 'soon'") != std::string::npos);
  const auto zero = run_cli("sweep scenarios/hk-2022-zone-c.yaml --duration 0");
  CHECK(zero.status == 2);
  // The reports print whole seconds: a 1ms or 1500ms fault would read "for 0s" or "for 1s".
  for (const char* part : {"1ms", "1500ms"}) {
    const auto sub = run_cli(std::string("sweep scenarios/hk-2022-zone-c.yaml --duration ") + part);
    CHECK(sub.status == 2);
    CHECK(sub.err.find("a whole number of seconds, at least 1s") != std::string::npos);
  }
}

TEST_CASE("a sweep longer than the run says nothing was repaired within it") {
  // Regression (session 20): it said "and then repaired" of a 100-day failure in a 12-hour run.
  const auto r = run_cli("sweep scenarios/power-feed-loss.yaml --duration 100d");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("for the whole run (12h 00m), never repaired within it") != std::string::npos);
  CHECK(r.out.find("then repaired") == std::string::npos);
}
