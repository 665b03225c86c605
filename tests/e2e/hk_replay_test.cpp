// The HK 2022 replay against the public timeline, read off the JSON result directly (not from the
// scenario's own verdicts, which could be edited to pass): what was typed in or fitted lands where it was
// put, at least half of the milestones are predictions, and the predictions are what the mechanisms give.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/e2e/cli_runner.hpp"

using nlohmann::json;

namespace {

const json& result() {
  static const json doc = [] {
    const auto r = outagesim::testing::run_cli("run scenarios/hk-2022-zone-c.yaml --format json");
    REQUIRE(r.status == 0);
    return json::parse(r.out);
  }();
  return doc;
}

const json& milestone(const std::string& name) {
  for (const auto& m : result()["milestones"]) {
    if (m["name"] == name) return m;
  }
  FAIL("no milestone " << name);
  static const json none;
  return none;
}

constexpr long kTolerance = 15 * 60;

}  // namespace

TEST_CASE("HK 2022: inputs and calibrated milestones land within 15 minutes of their public times") {
  for (const auto& m : result()["milestones"]) {
    if (m["class"] == "predicted" || !m.contains("difference_s")) continue;
    INFO(m["name"] << " (" << m["class"] << ")");
    REQUIRE_FALSE(m["difference_s"].is_null());
    CHECK(std::labs(m["difference_s"].get<long>()) <= kTolerance);
  }
}

TEST_CASE(
    "HK 2022: at least half of the milestones are predicted, and every fitted number names its target") {
  int predicted = 0;
  int total = 0;
  for (const auto& m : result()["milestones"]) {
    ++total;
    if (m["class"] == "predicted") ++predicted;
  }
  CHECK(2 * predicted >= total);
  // The issue allows four fitted numbers (the wallet audit, once a fifth, is the public gap between two
  // public times: an input).
  CHECK(result()["calibrated"].size() <= 4);
  for (const auto& c : result()["calibrated"]) CHECK(milestone(c["fitted_to"])["class"] == "calibrated");
}

TEST_CASE("HK 2022: every predicted milestone happens, and the multi-zone tenants are not down") {
  for (const auto& m : result()["milestones"]) {
    INFO(m["name"]);
    if (m.contains("max_downtime_s")) {
      CHECK(m["passed"] == true);
    } else {
      CHECK_FALSE(m["simulated"].is_null());
    }
  }
}

TEST_CASE("HK 2022: recoveries are consequences: the chillers come back through the repair, not a clock") {
  const json* repair = nullptr;
  for (const auto& r : result()["repairs"]) {
    if (r["name"] == "chiller repair") repair = &r;
  }
  REQUIRE(repair != nullptr);
  // The vendor is called at 09:17 and is on site 3h13m later; the refill waits for them.
  CHECK((*repair)["stages"][1]["began"] == "2022-12-18T12:30:00+08:00");
  for (const auto& i : result()["injections"]) {
    if (i["action"] == "restore_chillers") CHECK(i["triggered"] == true);
  }
}

TEST_CASE("HK 2022: OKX's trading outage starts and ends within an hour of the public times") {
  // The bar for the flagship tenant. The start is a prediction (the halls' heat, the shutdown
  // tranches and the in-zone migration of instances); the end rests on the calibrated storage checks.
  for (const std::string name : {"OKX trading down", "OKX trading back"}) {
    INFO(name);
    const json& m = milestone(name);
    REQUIRE_FALSE(m["difference_s"].is_null());
    CHECK(std::labs(m["difference_s"].get<long>()) <= 60 * 60);
  }
  CHECK(milestone("OKX trading down")["class"] == "predicted");
}
