// Perturbations of the HK 2022 scenario (and one of Australia East 2023): change one cause and check that the
// outcome moves the way an SRE would expect, and by a plausible amount. Each test edits the scenario text,
// runs the real executable on it, and compares against the unedited run.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/e2e/cli_runner.hpp"

using nlohmann::json;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

// The HK scenario, its include of the shared constants made absolute: the edited copies run from the
// temporary folder.
std::string scenario_text(const std::string& name = "hk-2022-zone-c") {
  const std::string scenarios = std::string(OUTAGESIM_SOURCE_DIR) + "/scenarios/";
  std::ifstream in(scenarios + name + ".yaml");
  std::stringstream s;
  s << in.rdbuf();
  return replaced(s.str(), "include: constants/", "include: " + scenarios + "constants/");
}

json run_text(const std::string& text, const std::string& name) {
  // One file per process: ctest runs test cases in parallel processes, and each writes its own base run.
  const auto path = std::filesystem::temp_directory_path() /
                    ("outagesim-perturbation-" + name + "-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(path) << text;
  const auto r = outagesim::testing::run_cli("run " + path.string() + " --format json");
  std::filesystem::remove(path);
  INFO(r.err);
  REQUIRE(r.status == 0);
  return json::parse(r.out);
}

const json& base() {
  static const json doc = run_text(scenario_text(), "base");
  return doc;
}

const json& find(const json& doc, const char* section, const std::string& name) {
  for (const auto& c : doc[section]) {
    if (c["name"] == name) return c;
  }
  FAIL("no " << section << " entry " << name);
  static const json none;
  return none;
}

// When the vertex last came back (end_s of its last interval), or -1 when it never left up.
long back_s(const json& doc, const char* section, const std::string& name) {
  const json& c = find(doc, section, name);
  return c["intervals"].empty() ? -1 : c["intervals"].back()["end_s"].get<long>();
}

// When the vertex first left up (its first hosts tripped, for a pool), or -1.
long first_down_s(const json& doc, const std::string& name) {
  const json& intervals = find(doc, "components", name)["intervals"];
  return intervals.empty() ? -1 : intervals.front()["start_s"].get<long>();
}

// When the operators shed the pool (its first interval caused by shedding), or -1.
long shed_s(const json& doc, const std::string& name) {
  for (const auto& i : find(doc, "components", name)["intervals"]) {
    if (i["cause"].get<std::string>().rfind("shed by operator", 0) == 0) return i["start_s"].get<long>();
  }
  return -1;
}

}  // namespace

TEST_CASE("a later fault makes every recovery later") {
  const json later = run_text(replaced(scenario_text(), "- at: \"09:01\"", "- at: \"11:01\""), "later");
  // The chillers follow the repair, which starts with the fault: two hours later, to the minute.
  CHECK(back_s(later, "components", "plant-c") - back_s(base(), "components", "plant-c") == 2 * 3600);
  for (const auto& c : base()["components"]) {
    if (c["intervals"].empty()) continue;
    const std::string name = c["name"];
    INFO(name);
    const long horizon = base()["horizon_s"].get<long>();
    // Pools with heat-damaged hosts wait for parts past the horizon in both runs.
    if (back_s(base(), "components", name) < horizon) {
      CHECK(back_s(later, "components", name) > back_s(base(), "components", name));
    } else {
      CHECK(back_s(later, "components", name) == horizon);
    }
  }
  for (const char* t : {"OKX", "personal-web", "macau-public-site"}) {
    INFO(t);
    CHECK(back_s(later, "tenants", t) > back_s(base(), "tenants", t));
  }
}

TEST_CASE("more crew makes crew-paced recovery shorter") {
  const json bigger = run_text(
      replaced(scenario_text(), "shifts: [{from: \"07:00\", headcount: 7}, {from: \"19:00\", headcount: 3}]",
               "shifts: [{from: \"07:00\", headcount: 14}, {from: \"19:00\", headcount: 10}]"),
      "crew");
  // Halls restart after 19:00 with the night shift: more people, more batches at once.
  const long base_back = back_s(base(), "components", "ecs-c7");
  const long bigger_back = back_s(bigger, "components", "ecs-c7");
  CHECK(bigger_back < base_back);
  CHECK(base_back - bigger_back >= 30 * 60);
  // The chillers are the vendor's work: the site crew does not change them.
  CHECK(back_s(bigger, "components", "plant-c") == back_s(base(), "components", "plant-c"));
}

TEST_CASE("a hotter day makes shutdowns earlier") {
  const json hotter = run_text(replaced(scenario_text(), "outside_c: 19 ", "outside_c: 32 "), "hotter");
  for (const char* pool : {"c1-compute", "c2-database", "c4-object-storage", "c5-dedicated"}) {
    INFO(pool);
    CHECK(first_down_s(hotter, pool) < first_down_s(base(), pool));
  }
  // The same day written as a shift of the weather (what a distribution on `shift_c` draws).
  const json shifted =
      run_text(replaced(scenario_text(), "outside_c: 19 ", "shift_c: 13\n  outside_c: 19 "), "shifted");
  for (const char* pool : {"c1-compute", "c2-database", "c4-object-storage", "c5-dedicated"}) {
    INFO(pool);
    CHECK(first_down_s(shifted, pool) == first_down_s(hotter, pool));
  }
}

TEST_CASE("a hall twice the size with twice the load heats as fast") {
  // The rooms take their thermal mass and heat loss per kW of design cooling (room_defaults), and their
  // emergency ventilation as a share of it (design_share), so a what-if that doubles a hall doubles them.
  // With the mass and loss typed as the old absolute values, the doubled load heats the hall twice as
  // fast: its first hosts trip 11 minutes after the fault instead of 24 (checked when this test was
  // written), and this test fails.
  std::string text = scenario_text();
  text = replaced(text, "design_cooling_kw: 900\n    base_load_kw: 50",
                  "design_cooling_kw: 1800\n    base_load_kw: 100");
  text = replaced(text, "room: room-c3, hosts: 400,", "room: room-c3, hosts: 800,");
  text = replaced(text, "chiller_kw: 1500", "chiller_kw: 1725");  // the plant still cools every hall
  const json bigger = run_text(text, "bigger-hall");
  const long base_trip = first_down_s(base(), "c3-compute");
  REQUIRE(base_trip > 0);
  CHECK(std::abs(first_down_s(bigger, "c3-compute") - base_trip) <= 60);
}

TEST_CASE("OKX in another zone is not down") {
  const json moved =
      run_text(replaced(scenario_text(), "needs: [ecs-c5-dedicated, ebs-c, oss-c]   # matching engines",
                        "needs: [ecs-b, ebs-b, oss-zrs]   # matching engines"),
               "okx-zone-b");
  CHECK(find(base(), "tenants", "OKX")["downtime_s"] > 3600);
  // Withdrawals still sit in Zone C; trading, moved to Zone B, is never down.
  bool trading_down = false;
  for (const auto& t : moved["tenants"]) {
    if (t["name"] != "OKX") continue;
    for (const auto& f : t["functions"]) {
      if (f["name"] == "trading") trading_down = f["downtime_s"] > 0;
    }
  }
  CHECK_FALSE(trading_down);
}

TEST_CASE("a bigger control plane means no throttling") {
  REQUIRE_FALSE(find(base(), "components", "ecs-control-plane")["intervals"].empty());
  const json bigger =
      run_text(replaced(scenario_text(), "- {needs: b-core, rps: 1000}", "- {needs: b-core, rps: 4000}"),
               "control-plane");
  CHECK(find(bigger, "components", "ecs-control-plane")["intervals"].empty());
}

TEST_CASE("a shutdown by hand waits for the people restarting the chillers") {
  // Australia East 2023: the night crew of 3 restarts chillers in pairs while one person sheds the halls.
  // Shedding hall-2 with two people (the first hall; the second keeps its one) waits for the chiller
  // restarts to free a pair, and the halls run hot meanwhile; by then the last chiller is back, so the
  // shedding is called off (its cancel_when, session 31). With 10 on the night shift (four chiller pairs
  // and a pair to shed) it starts at once.
  const std::string text = scenario_text("azure-aue-2023");
  const json as_written = run_text(text, "aue-base");
  const std::string shed = "{name: hall-2, duration: 15m, crew: aue-site-ops, people: 1,";
  const std::string pair = "{name: hall-2, duration: 15m, crew: aue-site-ops, people: 2,";
  const json paired = run_text(replaced(text, shed, pair), "aue-pair");
  const json staffed = run_text(replaced(replaced(text, shed, pair), "{from: \"08:00\", headcount: 3}",
                                         "{from: \"08:00\", headcount: 10}"),
                                "aue-staffed");
  const long by_one = shed_s(as_written, "h2-storage");
  REQUIRE(by_one > 0);
  CHECK(shed_s(paired, "h2-storage") == -1);
  const json& called_off = find(paired, "repairs", "shed load hall by hall");
  CHECK(called_off["stages"][0]["began"].is_null());
  CHECK_FALSE(called_off["cancelled"].is_null());
  CHECK(shed_s(staffed, "h2-storage") == by_one);
  // Not shed, the halls get hotter.
  CHECK(find(paired, "rooms", "hall-2")["peak_c"].get<double>() >
        find(as_written, "rooms", "hall-2")["peak_c"].get<double>());
}

TEST_CASE("a standby switch that works: the halls barely warm and nobody sheds them") {
  // Session 31: the shedding, timed from the plant's stop, still ran at 10:30 on halls back at 24 °C,
  // and OKX was down 9 hours for a cooling loss of 8 minutes; it is now called off by the plant's return.
  const json works =
      run_text(replaced(scenario_text(), "shared_loop: true ", "shared_loop: false"), "standby-works");
  CHECK(back_s(works, "components", "plant-c") <= 70 * 60);  // back by 09:10 (08:00 + 1h10m)
  CHECK(find(works, "tenants", "OKX")["downtime_s"] == 0);
  CHECK(shed_s(works, "c3-compute") == -1);
  CHECK(shed_s(base(), "c3-compute") > 0);
  const json& shed = find(works, "repairs", "shed load room by room");
  CHECK(shed["started"].is_null());
  CHECK_FALSE(shed["cancelled"].is_null());
}
