#include "reports/run_report.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "loader/scenario_loader.hpp"
#include "models/scenario/simulation.hpp"
#include "reports/json_stream.hpp"
#include "reports/result_header.hpp"
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

using outagesim::reports::JsonStream;

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
  // The chain, by its records in the table of changes: shop, shop/service, vm, feed.
  std::map<std::int64_t, nlohmann::ordered_json> changes;
  for (const auto& c : doc["changes"]) changes[c["id"].get<std::int64_t>()] = c;
  std::vector<std::string> chain;
  for (auto id = interval["cause_change"]; !id.is_null();
       id = changes.at(id.get<std::int64_t>())["trigger"]) {
    chain.push_back(changes.at(id.get<std::int64_t>())["component"].get<std::string>());
  }
  CHECK(chain == std::vector<std::string>{"shop", "shop/service", "vm", "feed"});
  CHECK(changes.at(interval["end_change"].get<std::int64_t>())["state"] == "up");
  const auto& vm = doc["components"][1];
  CHECK(vm["name"] == "vm");
  CHECK(vm["kind"] == "compute");
  CHECK(vm["intervals"][0]["state"] == "down");
  CHECK(doc["milestones"][0]["passed"] == true);
  CHECK(doc["injections"][1]["had_effect"] == true);
}

TEST_CASE("JSON function intervals carry segments: the provider's fault, then the tenant's own recovery") {
  const Run run = run_yaml(scenario_yaml(kScenario));
  const auto doc = outagesim::reports::run_json(run.spec, run.result, kMeta);
  const auto& interval = doc["tenants"][0]["functions"][0]["intervals"][0];
  const auto& segments = interval["segments"];
  REQUIRE(segments.size() == 2);
  CHECK(segments[0]["start_s"] == 3600);
  CHECK(segments[0]["end_s"] == 7200);
  CHECK(segments[0]["holder"] == "feed");
  CHECK(segments[0]["via"] == "vm");
  CHECK(segments[0]["time_of"] == "provider");
  CHECK_FALSE(segments[0].contains("step"));
  CHECK(segments[1]["start"] == "2022-01-01T02:00:00+00:00");
  CHECK(segments[1]["end_s"] == 9000);
  CHECK(segments[1]["holder"] == "shop/service");
  CHECK(segments[1]["time_of"] == "tenant");
  CHECK(segments[1]["step"].is_string());
  // Each segment's change is in the table: the feed's segment points at the fault on the feed.
  std::map<std::int64_t, nlohmann::ordered_json> changes;
  for (const auto& c : doc["changes"]) changes[c["id"].get<std::int64_t>()] = c;
  const auto& feed = changes.at(segments[0]["cause_change"].get<std::int64_t>());
  CHECK(feed["component"] == "feed");
  CHECK(feed["reason"] == "fault");
  CHECK(changes.count(segments[1]["cause_change"].get<std::int64_t>()) == 1);
  CHECK_FALSE(doc["tenants"][0]["intervals"][0].contains("segments"));  // the tenant's own: not asked for
}

TEST_CASE("a JSON summary gives totals and intervals without journal references") {
  const Run run = run_yaml(scenario_yaml(kScenario));
  const auto doc = outagesim::reports::run_json(run.spec, run.result, kMeta, {.summary = true});
  CHECK_FALSE(doc.contains("changes"));
  const auto& shop = doc["tenants"][0];
  CHECK(shop["downtime_s"] == 5400);
  REQUIRE(shop["intervals"].size() == 1);
  CHECK_FALSE(shop["intervals"][0].contains("cause_change"));
  CHECK(shop["intervals"][0]["cause"].get<std::string>().find("feed down at 01:00") != std::string::npos);
  CHECK(shop["functions"][0]["downtime_s"] == 5400);
  CHECK_FALSE(shop["functions"][0].contains("intervals"));
}

TEST_CASE("tenants and changes written in blocks on two threads give the bytes of one thread") {
  for (const char* name : {"hk-2022-zone-c", "aws-tokyo-2019", "azure-aue-2023"}) {
    const auto loaded = outagesim::loader::load_scenario_file(std::string("scenarios/") + name + ".yaml");
    REQUIRE(loaded.ok());
    const auto result = outagesim::models::simulate(*loaded.spec, loaded.spec->seed);
    for (const bool summary : {false, true}) {
      for (const std::size_t layout : {outagesim::reports::kRunJsonOneLineFrom, JsonStream::kNoOneLine}) {
        const auto text = [&](std::size_t from, std::size_t block) {
          outagesim::reports::RunJsonOptions options;
          options.summary = summary;
          options.parallel_tenants_from = from;
          options.tenant_block = block;
          std::string out;
          JsonStream stream([&out](std::string_view piece) { out += piece; }, layout);
          outagesim::reports::write_run_json(stream, *loaded.spec, result, {}, options);
          return out;
        };
        const std::string one_thread = text(std::numeric_limits<std::size_t>::max(), 8192);
        INFO(name << (summary ? " summary" : "") << (layout == JsonStream::kNoOneLine ? " dump(2)" : ""));
        CHECK(text(1, 1) == one_thread);
        CHECK(text(1, 2) == one_thread);
      }
    }
  }
}

TEST_CASE("each change a chain passes through is listed once, shared by every tenant") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute, needs: feed}
tenants:
  - {name: shop, needs: [vm]}
  - {name: blog, needs: [vm]}
faults:
  - {at: "01:00", target: feed, action: fail}
)"));
  const auto doc = outagesim::reports::run_json(run.spec, run.result, kMeta);
  std::vector<std::string> listed;
  for (const auto& c : doc["changes"]) listed.push_back(c["component"].get<std::string>());
  std::sort(listed.begin(), listed.end());
  // Each tenant's own two records, and the vm and feed records once for both.
  CHECK(listed == std::vector<std::string>{"blog", "blog/service", "feed", "shop", "shop/service", "vm"});
}

TEST_CASE("the text report names tenants, causes, components and milestones") {
  const Run run = run_yaml(scenario_yaml(kScenario));
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  CHECK(text.find("TENANTS") != std::string::npos);
  CHECK(text.find("shop/service down 01:00 - 02:30 (1h 30m)") != std::string::npos);
  CHECK(text.find("came back:  recovery steps done after vm returned") != std::string::npos);
  CHECK(text.find("shop back") != std::string::npos);
}

TEST_CASE("JSON injections come out in time order, whatever the section they are written in") {
  // Regression: they came out in file order, every fault before every operator action.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
faults:
  - {at: "03:00", target: feed, action: fail, note: second fall}
  - {at: "01:00", target: feed, action: fail, note: first fall}
operator_actions:
  - {at: "02:00", target: feed, action: repair, note: first repair}
)"));
  const auto doc = outagesim::reports::run_json(run.spec, run.result, kMeta);
  REQUIRE(doc["injections"].size() == 3);
  CHECK(doc["injections"][0]["note"] == "first fall");
  CHECK(doc["injections"][1]["note"] == "first repair");
  CHECK(doc["injections"][2]["note"] == "second fall");
}

TEST_CASE("the tenants legend says what degraded means for a tenant and a function") {
  const Run run = run_yaml(scenario_yaml(kScenario));
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  CHECK(text.find("degraded: some functions down") == std::string::npos);
  CHECK(text.find("degraded: some function not up") != std::string::npos);
}

TEST_CASE("the results show each room's peak, crossings and temperature trace") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 250}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000,
     base_load_kw: 50, alarm_c: 30}
  - {name: hosts, kind: host_pool, room: room, hosts: 45, kw_per_host: 10}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 4}
operator_actions:
  - {at: "01:30", target: plant, action: restore_chillers, count: 4}
)"));
  const auto doc = outagesim::reports::run_json(run.spec, run.result, kMeta);
  REQUIRE(doc["rooms"].size() == 1);
  const auto& room = doc["rooms"][0];
  CHECK(room["name"] == "room");
  CHECK(room["peak_c"] == 39.0);
  CHECK(room["peak_at"] == "2022-01-01T01:30:00+00:00");
  REQUIRE(room["crossings"].size() == 3);
  CHECK(room["crossings"][0]["threshold"] == "alarm");
  CHECK(room["crossings"][0]["direction"] == "rising");
  CHECK(room["crossings"][0]["at_s"] == 4320);
  CHECK(room["crossings"][2]["threshold"] == "setpoint");
  CHECK(room["trace"]["every_s"] == 300);
  CHECK(room["trace"]["c"].size() == 289);
  CHECK(room["trace"]["c"][15] == 24.0 + 7.5);  // 01:15
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  // Back down at 0.5 °C/min (500 kW of heat, 1000 kW of cooling): alarm at 01:48, setpoint at 02:00.
  CHECK(text.find("room  39.0 °C  01:30  alarm 30 °C 01:12-01:48; back at setpoint 24 °C 02:00") !=
        std::string::npos);
}

namespace {

// A hall whose pool is damaged by heat (10 hosts, found at 03:30), replaced as `replace` says.
Run heat_damage_run(const std::string& replace) {
  return run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 180000, alarm_c: 45}
  - {name: a, kind: host_pool, room: room, hosts: 100, kw_per_host: 5, rated_c: 29, damage: {pct_per_c_hour: 1},
     replace: )" + replace + R"(}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 2}
operator_actions:
  - {at: "02:30", target: plant, action: restore_chillers, count: 2}
)"));
}

}  // namespace

TEST_CASE("the text report lists heat-damaged hosts, when found, and when their pool is whole again") {
  const Run run = heat_damage_run("{spares: 10, hosts_per_person_hour: 5}");
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  INFO(text);
  // 10 °C·h at 1 % per °C·h: 10 hosts, found at 03:30 when the room is back at 29 °C; 2 h to replace.
  CHECK(text.find("HEAT DAMAGE (hosts that stay down until replaced)\n"
                  "  host pool  damaged hosts  found  whole again\n") != std::string::npos);
  CHECK(text.find("  a                     10  03:30  05:30") != std::string::npos);
  // The JSON gives the same finding, between the rooms and the injections.
  const auto doc = outagesim::reports::run_json(run.spec, run.result, kMeta);
  REQUIRE(doc["heat_damage"].size() == 1);
  CHECK(
      doc["heat_damage"][0].dump() ==
      R"({"pool":"a","hosts":10,"by":"heat","found_s":12600,"found":"2022-01-01T03:30:00+00:00","whole_again_s":19800,)"
      R"("whole_again":"2022-01-01T05:30:00+00:00"})");
  std::vector<std::string> keys;
  for (const auto& [key, value] : doc.items()) keys.push_back(key);
  const auto at = std::find(keys.begin(), keys.end(), "heat_damage");
  REQUIRE(at != keys.end());
  CHECK(*(at - 1) == "rooms");
  CHECK(*(at + 1) == "injections");
}

TEST_CASE("a heat-damage finding not replaced by the end has no whole-again time in the JSON") {
  const Run run = heat_damage_run("{spares: 0}");
  const auto doc = outagesim::reports::run_json(run.spec, run.result, kMeta);
  REQUIRE(doc["heat_damage"].size() == 1);
  CHECK(doc["heat_damage"][0]["whole_again_s"].is_null());
  CHECK(doc["heat_damage"][0]["whole_again"].is_null());
  CHECK(outagesim::reports::run_text(run.spec, run.result, kMeta).find("(not by end)") != std::string::npos);
}

TEST_CASE("the text report has no heat damage section when nothing was damaged") {
  const Run run = run_yaml(scenario_yaml(kScenario));
  CHECK(outagesim::reports::run_text(run.spec, run.result, kMeta).find("HEAT DAMAGE") == std::string::npos);
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
            "  shop/service degraded 01:00 - 02:15 (1h 15m)\n"
            "    degraded:  ebs degraded at 01:00: serving 75% of capacity: nodes serves that share <- nodes "
            "degraded at 01:00: serving 75% of capacity: fault set_capacity on nodes at 01:00 (rack lost)\n"
            "    ended:     ebs up at 02:15: rebuilt\n") != std::string::npos);
  const Run plain = run_yaml(scenario_yaml(kScenario));
  CHECK(outagesim::reports::run_text(plain.spec, plain.result, kMeta).find("DEGRADED") == std::string::npos);
}

TEST_CASE("the text header prints the scenario's path escaped") {
  // Regression (session 17): a path with a newline or an escape sequence went raw into the header.
  const outagesim::models::ScenarioSpec spec =
      load_spec(scenario_yaml("components:\n  - {name: a, kind: power_feed}\n"));
  const outagesim::reports::RunMetadata meta{"0.0.0", "dir\n\x1b[31m/x.yaml", 0xabc, 1};
  const std::string header = outagesim::reports::header_text(spec, meta);
  CHECK(header.find("(dir\\x0a\\x1b[31m/x.yaml, fnv1a64 0000000000000abc)") != std::string::npos);
  CHECK(std::count(header.begin(), header.end(), '\n') == 1);
  CHECK(header.find('\x1b') == std::string::npos);
}

TEST_CASE("the text report lists triggered actions that never ran, and what they waited for") {
  // Before, such an action was only missing from the causes, which reads as if it had had no effect.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute, needs: feed}
faults:
  - {at: "01:00", target: vm, action: fail}
operator_actions:
  - {when: {component: feed, event: enters_down}, delay: 5m, target: vm, action: repair, note: never needed}
  - {when: {component: vm, event: enters_down}, delay: 1h, target: vm, action: repair}
)"));
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  INFO(text);
  CHECK_THAT(text, Catch::Contains("NEVER TAKEN"));
  CHECK_THAT(text, Catch::Contains("feed enters_down"));
  CHECK_THAT(text, Catch::Contains("never needed"));
  CHECK_THAT(text, !Catch::Contains("vm enters_down"));  // that one ran at 02:00
}

TEST_CASE("hosts destroyed by a damage_hosts action are listed as hardware damage, with what did it") {
  // Left alone in session 28: lightning's destroyed hosts were in no damage section.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000}
  - {name: hosts, kind: host_pool, room: hall, hosts: 100, kw_per_host: 5}
faults:
  - {at: "01:00", target: hosts, action: damage_hosts, share: 0.1, note: lightning}
)"));
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  INFO(text);
  CHECK_THAT(text, Catch::Contains("HARDWARE DAMAGE (hosts that stay down until replaced)"));
  CHECK_THAT(
      text,
      Catch::Contains("  hosts                 10  fault damage_hosts on hosts at 01:00 (lightning)  01:00"));
  const auto doc = outagesim::reports::run_json(run.spec, run.result, kMeta);
  REQUIRE(doc["heat_damage"].size() == 1);
  CHECK(doc["heat_damage"][0]["by"] == "fault damage_hosts on hosts at 01:00 (lightning)");
  CHECK(doc["heat_damage"][0]["hosts"] == 10);
}

TEST_CASE("a crossing of outside air that starts past it says why it never came") {
  // Blind trial J: a horizon that starts in the heat never fires `above_c` of that heat, and the table
  // said only "waited for outside air at or above 40 °C" while the air was at 40 °C for hours.
  const Run run = run_yaml(scenario_yaml(R"(
weather: {outside_c: [{at: "00:00", c: 40}, {at: "05:00", c: 34}]}
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
faults:
  - {when: {outside_air: above_c, c: 40}, target: plant, action: fail}
  - {when: {outside_air: below_c, c: 30}, target: plant, action: fail}
repairs:
  - name: fix when warm
    when: {outside_air: above_c, c: 40}
    stages: [{name: fix, duration: 1h}]
)"));
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  INFO(text);
  CHECK_THAT(text,
             Catch::Contains("outside air at or above 40 °C (a crossing: the air starts at 40 °C and never "
                             "rose to it from below)"));
  // A repair with such a start says it too (review 8).
  CHECK_THAT(text,
             Catch::Contains("never started: 'fix when warm' waited for outside air at or above 40 °C (a "
                             "crossing: the air starts at 40 °C and never rose to it from below)"));
  // One that starts on the near side simply never got there: no note.
  CHECK_THAT(text, Catch::Contains("outside air at or below 30 °C\n"));
}

TEST_CASE("the text report says which tenant functions are cut at the horizon") {
  // Regression (session 25's blind trial): downtime past the horizon was cut with only "(end)" to show it.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: power_feed}
  - {name: b, kind: power_feed}
tenants:
  - {name: shop, needs: a}
  - {name: blog, needs: b}
faults:
  - {at: "01:00", target: a, action: fail}
  - {at: "01:00", target: b, action: fail}
  - {at: "02:00", target: b, action: repair}
)",
                                         "6h"));
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  CHECK(text.find("  cut at the horizon (06:00): shop/service (down) still not up at the end") !=
        std::string::npos);
  CHECK(text.find("blog/service (down)") == std::string::npos);
  const Run closed = run_yaml(scenario_yaml(kScenario));
  CHECK(outagesim::reports::run_text(closed.spec, closed.result, kMeta).find("cut at the horizon") ==
        std::string::npos);
}

TEST_CASE("the text report lists faults and actions that ran but changed nothing") {
  // Regression (session 25's blind trial): a repair scheduled before its fault did nothing, and only the
  // JSON's had_effect said so.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: power_feed}
tenants:
  - {name: shop, needs: a}
faults:
  - {at: "02:00", target: a, action: fail}
operator_actions:
  - {at: "01:00", target: a, action: repair, note: a clock an hour off}
)",
                                         "6h"));
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  CHECK(text.find("NO EFFECT (faults and actions that ran but changed nothing)\n") != std::string::npos);
  CHECK(text.find("  01:00  a       repair  operator action  a clock an hour off\n") != std::string::npos);
  const Run plain = run_yaml(scenario_yaml(kScenario));
  CHECK(outagesim::reports::run_text(plain.spec, plain.result, kMeta).find("NO EFFECT") == std::string::npos);
}

TEST_CASE("crews say when work ran short-handed though nothing queued") {
  // User trial (session 32): a 4-person stage ran with the night's 2 for twice as long, and CREWS said the
  // crew "was not what held anything up".
  const Run run = run_yaml(scenario_yaml(R"(
crews:
  - {name: ops, shifts: [{from: "07:00", headcount: 4}, {from: "19:00", headcount: 2}]}
components:
  - {name: svc, kind: compute}
faults:
  - {at: "21:00", target: svc, action: fail}
repairs:
  - name: fix
    when: {component: svc, event: enters_down}
    stages:
      - {name: repair by hand, work: 4h, crew: ops, people: 4, then: [{target: svc, action: repair}]}
)"));
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  CHECK(
      text.find("ops: work ran with fewer people than it asked for (a smaller shift on duty, or people held "
                "by other work): 'repair by hand' (2 of 4)") != std::string::npos);
  CHECK(text.find("no work ever waited for the people of ops") == std::string::npos);
}

TEST_CASE("a function served from its strategy's site says what data it lost") {
  // User trial (session 32): a standby's 5 s of replication lag showed only in compare, beside a variant.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: db-a, kind: compute}
  - {name: db-c, kind: compute}
faults:
  - {at: "10:00", target: db-a, action: fail}
tenants:
  - name: t
    functions:
      - name: api
        needs: [db-a]
        strategy: {kind: standby, needs: [db-c], detection: 1m, switchover: 2m, replication_lag: 5s}
)"));
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  CHECK(text.find("t/api data lost: 5s (served from its standby site") != std::string::npos);
  const auto doc = outagesim::reports::run_json(run.spec, run.result, kMeta);
  CHECK(doc["tenants"][0]["functions"][0]["data_lost_s"] == 5);
}

TEST_CASE("crews name a stage short-handed for part of its run") {
  // Review 13 (session 32): 2 of 4 by night, then 4 by day, and CREWS said "not what held anything up".
  const Run run = run_yaml(scenario_yaml(R"(
crews:
  - {name: ops, shifts: [{from: "07:00", headcount: 4}, {from: "19:00", headcount: 2}]}
components:
  - {name: svc, kind: compute}
faults:
  - {at: "21:00", target: svc, action: fail}
repairs:
  - name: fix
    when: {component: svc, event: enters_down}
    stages:
      - {name: repair by hand, work: 40h, crew: ops, people: 4, then: [{target: svc, action: repair}]}
)",
                                         "3d"));
  const std::string text = outagesim::reports::run_text(run.spec, run.result, kMeta);
  CHECK(text.find("'repair by hand' (2 of 4 at the fewest)") != std::string::npos);
}
