// `outagesim rank` on the HK 2022 replay: the cooling plant's fault costs all the downtime there is, and
// the formats carry the same ranking.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;

TEST_CASE("rank puts the whole HK outage on the cooling plant's fault, in every format") {
  const auto json = run_cli("rank scenarios/hk-2022-zone-c.yaml --format json");
  INFO(json.err);
  REQUIRE(json.status == 0);
  const auto doc = nlohmann::json::parse(json.out);
  const auto total = doc["total_downtime_s"].get<std::int64_t>();
  CHECK(total > 0);
  bool plant_seen = false;
  for (const auto& c : doc["components"]) {
    if (c["name"] != "plant-c") continue;
    plant_seen = true;
    CHECK(c["kind"] == "cooling_plant");
    CHECK(c["saved_s"] == total);          // no fault, no outage: the scenario has the one
    CHECK(c["held_up_saved_s"] == total);  // a plant that never fails: no outage either
    CHECK(c["rooted_s"].get<std::int64_t>() > 0);
  }
  CHECK(plant_seen);
  const auto csv = run_cli("rank scenarios/hk-2022-zone-c.yaml --format csv");
  REQUIRE(csv.status == 0);
  CHECK(csv.out.rfind("component,kind,attributed_s,rooted_s,saved_s,held_up_saved_s,tenants\n", 0) == 0);
  CHECK(csv.out.find("\nplant-c,cooling_plant,0,") != std::string::npos);
  const auto text = run_cli("rank scenarios/hk-2022-zone-c.yaml");
  REQUIRE(text.status == 0);
  CHECK(text.out.find("at the root") != std::string::npos);
}
