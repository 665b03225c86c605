// The HK 2022 replay against the public timeline: each row of the core issue's fidelity list, read off
// the JSON result directly (not from the scenario's own milestone list, which could be edited to pass).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/e2e/cli_runner.hpp"

using nlohmann::json;

namespace {

// Local clock times as seconds since the scenario start (08:00 on 18 Dec, Hong Kong time).
constexpr long kStartHour = 8;
long at(int hour, int minute, int day = 0) {
  return (day * 24 + hour - kStartHour) * 3600 + minute * 60;
}
constexpr long kTolerance = 15 * 60;

const json& result() {
  static const json doc = [] {
    const auto r = outagesim::testing::run_cli("run scenarios/hk-2022-zone-c.yaml --format json");
    REQUIRE(r.status == 0);
    return json::parse(r.out);
  }();
  return doc;
}

const json& component(const std::string& name) {
  for (const auto& c : result()["components"]) {
    if (c["name"] == name) return c;
  }
  FAIL("no component " << name);
  static const json none;
  return none;
}

const json& tenant(const std::string& name) {
  for (const auto& t : result()["tenants"]) {
    if (t["name"] == name) return t;
  }
  FAIL("no tenant " << name);
  static const json none;
  return none;
}

std::vector<json> intervals(const json& c, const std::string& state) {
  std::vector<json> out;
  for (const auto& i : c["intervals"]) {
    if (!i.contains("state") || i["state"] == state) out.push_back(i);
  }
  return out;
}

bool near(long simulated, long expected) {
  return std::labs(simulated - expected) <= kTolerance;
}

}  // namespace

TEST_CASE("HK 2022: the first Zone C compute hosts go down at about 09:23") {
  long first = 1L << 40;
  for (const auto& c : result()["components"]) {
    if (c["kind"] != "compute" || c["zone"] != "C") continue;
    for (const auto& i : intervals(c, "down")) first = std::min(first, i["start_s"].get<long>());
  }
  CHECK(near(first, at(9, 23)));
}

TEST_CASE("HK 2022: the cross-zone database switchover is done at about 12:30") {
  const auto down = intervals(component("rds-c-ha"), "down");
  REQUIRE(down.size() == 1);
  CHECK(near(down[0]["end_s"], at(12, 30)));
}

TEST_CASE("HK 2022: one room's sprinklers fire at about 14:47, and it is powered again at about 22:50") {
  const auto down = intervals(component("room-c6"), "down");
  REQUIRE(down.size() == 1);
  CHECK(down[0]["cause"].get<std::string>().find("sprinklers fired") != std::string::npos);
  CHECK(near(down[0]["start_s"], at(14, 47)));
  CHECK(near(down[0]["end_s"], at(22, 50)));
  // Its hosts come back after the room, once restarted.
  const auto hosts = intervals(component("c6-core"), "down");
  REQUIRE(hosts.size() == 1);
  CHECK(hosts[0]["end_s"].get<long>() > down[0]["end_s"].get<long>());
}

TEST_CASE("HK 2022: the region's control plane throttles from about 14:49 to about 23:11") {
  const auto throttled = intervals(component("ecs-control-plane"), "degraded");
  REQUIRE(!throttled.empty());
  CHECK(near(throttled.front()["start_s"], at(14, 49)));
  CHECK(near(throttled.back()["end_s"], at(23, 11)));
  CHECK(intervals(component("ecs-control-plane"), "down").empty());
}

TEST_CASE("HK 2022: most rooms' hosts are back by about 21:36") {
  long last = 0;
  for (const auto& name : {"c1-compute", "c2-database", "c3-compute", "c5-dedicated", "c7-compute"}) {
    for (const auto& i : intervals(component(name), "down")) last = std::max(last, i["end_s"].get<long>());
  }
  CHECK(near(last, at(21, 36)));
}

TEST_CASE("HK 2022: single-zone object storage is back at about 00:30 the next day") {
  const auto down = intervals(component("oss-c"), "down");
  REQUIRE(down.size() == 1);
  CHECK(near(down[0]["end_s"], at(0, 30, 1)));
}

TEST_CASE("HK 2022: OKX trading is down from about 11:00 to about 02:50 the next day") {
  const json* trading = nullptr;
  for (const auto& f : tenant("OKX")["functions"]) {
    if (f["name"] == "trading") trading = &f;
  }
  REQUIRE(trading != nullptr);
  REQUIRE((*trading)["intervals"].size() == 1);
  CHECK(near((*trading)["intervals"][0]["start_s"], at(11, 0)));
  CHECK(near((*trading)["intervals"][0]["end_s"], at(2, 50, 1)));
}

TEST_CASE("HK 2022: the multi-zone and zone-redundant tenants are not down") {
  CHECK(tenant("shop-multi-zone")["downtime_s"].get<long>() <= 5 * 60);
  CHECK(tenant("media-archive")["downtime_s"].get<long>() <= 5 * 60);
}

TEST_CASE("HK 2022: every milestone of the scenario is within its tolerance") {
  for (const auto& m : result()["milestones"]) {
    INFO(m.dump());
    CHECK(m["passed"] == true);
  }
}
