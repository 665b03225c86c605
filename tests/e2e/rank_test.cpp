// `outagesim rank` on the HK 2022 replay: the cooling plant's fault costs all the downtime there is, and
// the formats carry the same ranking.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
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
  CHECK(csv.out.rfind(
            "component,kind,attributed_s,rooted_s,saved_s,held_up_saved_s,tenants,held_up_silenced,measure\n",
            0) == 0);
  CHECK(csv.out.find("\nplant-c,cooling_plant,0,") != std::string::npos);
  const auto text = run_cli("rank scenarios/hk-2022-zone-c.yaml");
  REQUIRE(text.status == 0);
  CHECK(text.out.find("at the root") != std::string::npos);
}

TEST_CASE("rank flags a component whose holding up leaves a repair unstarted") {
  // Two halls on one plant, whose control's repair is set off by the first hall's hosts tripping (as
  // Tokyo 2019's was until session 27, when its trigger became the first shutdown in either hall). Held up,
  // room-1 never trips its hosts, the repair never starts, and the held-up saving reads -20h: the repair's
  // absence, which rank says (session 21).
  const auto path = outagesim::testing::unique_temp_path("rank-unstarted.yaml");
  std::ofstream(path) << R"(scenario: two halls, one repair
start: 2024-01-01T00:00:00+00:00
horizon: 24h
components:
  - {name: control, kind: network}
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500, control: control}
  - {name: room-1, kind: room, cooling: plant, design_cooling_kw: 500, thermal_mass_kj_per_c: 60000}
  - {name: room-2, kind: room, cooling: plant, design_cooling_kw: 500, thermal_mass_kj_per_c: 60000}
  - {name: pool-1, kind: host_pool, room: room-1, hosts: 40, kw_per_host: 10, shutdown_c: 40}
  - {name: pool-2, kind: host_pool, room: room-2, hosts: 40, kw_per_host: 10, shutdown_c: 40}
tenants:
  - {name: shop, needs: [pool-2]}
faults:
  - {at: "01:00", target: control, action: fail}
repairs:
  - name: reset the control
    when: {component: pool-1, event: leaves_up}
    stages:
      - {name: reset, duration: 2h, then: [{target: control, action: repair}]}
)";
  const auto json = run_cli("rank " + path.string() + " --format json");
  INFO(json.err);
  REQUIRE(json.status == 0);
  const auto doc = nlohmann::json::parse(json.out);
  bool room_seen = false;
  for (const auto& c : doc["components"]) {
    if (c["name"] == "room-1") {
      room_seen = true;
      CHECK(c["held_up_saved_s"].get<std::int64_t>() < 0);
      CHECK(c["held_up_silenced"] == nlohmann::json::array({"reset the control"}));
    }
    // Holding up pool-1 replays the trigger on its own failure: nothing is silenced.
    if (c["name"] == "pool-1") CHECK(c["held_up_silenced"].empty());
  }
  CHECK(room_seen);
  const auto text = run_cli("rank " + path.string());
  std::filesystem::remove(path);
  REQUIRE(text.status == 0);
  CHECK(text.out.find("-20h ") != std::string::npos);  // the minutes follow the thermal model
  CHECK(text.out.find("\n  room-1: reset the control\n") != std::string::npos);
}

TEST_CASE(
    "Tokyo's cooling repair starts at the first shutdown in either hall, so no hall held up silences it") {
  // Regression (session 27's probe): with the trigger on hall a1's pool, a lighter a1 delayed the repair
  // of the cooling both halls share, and one that never tripped left hall a2 at 44 °C to the end.
  const auto json = run_cli("rank scenarios/aws-tokyo-2019.yaml --format json");
  REQUIRE(json.status == 0);
  const auto doc = nlohmann::json::parse(json.out);
  for (const auto& c : doc["components"]) {
    if (c["name"] == "room-a1" || c["name"] == "a1-compute") CHECK(c["held_up_silenced"].empty());
  }
}

namespace {
std::int64_t held_up_saved_s(const nlohmann::json& doc, const std::string& component) {
  for (const auto& c : doc["components"]) {
    if (c["name"] == component) return c["held_up_saved_s"].get<std::int64_t>();
  }
  return 0;
}
}  // namespace

TEST_CASE("rank --variant ranks with a strategy variant in place: a custom image makes oss-c count more") {
  const auto as_written = run_cli("rank scenarios/hk-2022-zone-c.yaml --format json");
  const auto custom = run_cli(
      "rank scenarios/hk-2022-zone-c.yaml --format json --variant 'launch in Zone B from a custom image at "
      "11:00'");
  INFO(custom.err);
  REQUIRE(as_written.status == 0);
  REQUIRE(custom.status == 0);
  const auto before = nlohmann::json::parse(as_written.out);
  const auto after = nlohmann::json::parse(custom.out);
  CHECK_FALSE(before.contains("variant"));
  CHECK(after["variant"] == "launch in Zone B from a custom image at 11:00");
  // The launch needs the image in single-zone object storage: holding oss-c up saves the wait for its
  // integrity checks and the launch's too.
  CHECK(held_up_saved_s(after, "oss-c") > held_up_saved_s(before, "oss-c"));
}

TEST_CASE("rank --variant with a launch during the throttling puts the Zone C middleware on the list") {
  const auto r = run_cli(
      "rank scenarios/hk-2022-zone-c.yaml --format json --variant 'launch in Zone B from a public image at "
      "15:00'");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(held_up_saved_s(doc, "middleware-c") > 3600);
  CHECK(held_up_saved_s(doc, "ecs-control-plane") > 3600);
  const auto as_written =
      nlohmann::json::parse(run_cli("rank scenarios/hk-2022-zone-c.yaml --format json").out);
  CHECK(held_up_saved_s(as_written, "middleware-c") == 0);
}

TEST_CASE("rank and sweep refuse a variant the scenario does not have, with a suggestion") {
  const auto rank = run_cli("rank scenarios/hk-2022-zone-c.yaml --variant 'warm standby in Zone C'");
  CHECK(rank.status == 2);
  CHECK(rank.err.find("--variant: the scenario has no variant named 'warm standby in Zone C'; did you mean "
                      "'warm standby in Zone B'?") != std::string::npos);
  // Without a near name, the variants there are (session 20: sweep listed none).
  const auto sweep = run_cli("sweep scenarios/power-feed-loss.yaml --variant nothing-like-it");
  CHECK(sweep.status == 2);
  CHECK(sweep.err.find("has no variant named 'nothing-like-it'; its variants: 'warm standby in zone B', "
                       "'active-active in zones A and B'") != std::string::npos);
}

TEST_CASE("a variant name two tenants share is listed once among the variants") {
  const std::string path = outagesim::testing::unique_temp_path("shared-variant-name.yaml");
  std::ofstream(path) << R"(scenario: shared-variant-name
start: 2024-01-01T00:00:00+00:00
horizon: 2h
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
tenants:
  - {name: shop, needs: [a]}
  - {name: blog, needs: [a]}
variants:
  - {name: move to b, tenant: shop, strategy: {kind: standby, needs: [b]}}
  - {name: move to b, tenant: blog, strategy: {kind: standby, needs: [b]}}
  - {name: wait, tenant: blog, strategy: {kind: wait_for_repair}}
)";
  const auto r = run_cli("rank " + path + " --variant nothing-like-it");
  CHECK(r.status == 2);
  CHECK(r.err.find("its variants: 'move to b', 'wait'\n") != std::string::npos);
}

TEST_CASE("rank's total is the sum of the function downtimes run prints for the same scenario") {
  // Both count whole seconds per listed interval; rank once summed milliseconds and was 3 s short on HK.
  const auto rank = run_cli("rank scenarios/hk-2022-zone-c.yaml --format json");
  const auto run = run_cli("run scenarios/hk-2022-zone-c.yaml --format json");
  REQUIRE(rank.status == 0);
  REQUIRE(run.status == 0);
  const auto doc = nlohmann::json::parse(run.out);
  std::int64_t sum = 0;
  for (const auto& t : doc["tenants"]) {
    for (const auto& f : t["functions"]) sum += f["downtime_s"].get<std::int64_t>();
  }
  CHECK(nlohmann::json::parse(rank.out)["total_downtime_s"].get<std::int64_t>() == sum);
}

TEST_CASE("rank's held and at-the-root times add up to the same seconds") {
  // Regression (session 20's probe): summed in milliseconds and floored per component, they differed by
  // 1-3 s. Tokyo has no tenant recovery steps, so both are its whole total.
  const auto tokyo = nlohmann::json::parse(run_cli("rank scenarios/aws-tokyo-2019.yaml --format json").out);
  const auto hk = nlohmann::json::parse(run_cli("rank scenarios/hk-2022-zone-c.yaml --format json").out);
  for (const auto* doc : {&tokyo, &hk}) {
    std::int64_t held = 0;
    std::int64_t rooted = 0;
    for (const auto& c : (*doc)["components"]) {
      held += c["attributed_s"].get<std::int64_t>();
      rooted += c["rooted_s"].get<std::int64_t>();
    }
    CHECK(held == rooted);
    CHECK(held <= (*doc)["total_downtime_s"].get<std::int64_t>());
  }
  std::int64_t tokyo_held = 0;
  for (const auto& c : tokyo["components"]) tokyo_held += c["attributed_s"].get<std::int64_t>();
  CHECK(tokyo_held == tokyo["total_downtime_s"].get<std::int64_t>());
}
