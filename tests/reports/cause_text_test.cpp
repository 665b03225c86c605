#include "reports/cause_text.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <string>

#include "loader/scenario_loader.hpp"
#include "models/scenario/simulation.hpp"
#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;

TEST_CASE("a cause reads from the nearest dependency back to the injected fault") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 1000}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000, alarm_c: 30}
  - {name: hosts, kind: host_pool, room: room, hosts: 50, kw_per_host: 10, shutdown_c: 40}
  - {name: vm, kind: compute, needs: hosts}
tenants:
  - {name: shop, needs: [vm]}
faults:
  - {at: "01:00", target: plant, action: fail, note: compressor}
)"));
  const auto& down = run.result.intervals[run.id("shop/service")][0];
  CHECK(outagesim::reports::describe_cause(run.spec, run.result, down.began) ==
        "vm down at 01:32 <- hosts down at 01:32: thermal shutdown at 40.0 °C <- room degraded at 01:12: "
        "overheating at 30.0 °C <- plant down at 01:00: fault fail on plant at 01:00 (compressor)");
}

TEST_CASE("a partial return names what still holds it back, not what came back") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
  - {name: c, kind: compute}
  - {name: d, kind: compute, needs: c, down_below: 0.5, degraded_below: 0.9}
tenants:
  - {name: shop, needs: [a, b]}
  - {name: blog, needs: [d]}
faults:
  - {at: "00:30", target: a, action: set_capacity, share: 0.7, note: half a rack}
  - {at: "01:00", target: b, action: fail}
  - {at: "02:00", target: b, action: repair}
  - {at: "01:00", target: c, action: set_capacity, share: 0.3}
  - {at: "02:00", target: c, action: set_capacity, share: 0.7}
)"));
  // shop comes back degraded at 02:00 because b returned; a, degraded since 00:30, still holds it.
  REQUIRE(run.result.intervals[run.id("shop/service")].size() > 1);
  const auto& shop_down = run.result.intervals[run.id("shop/service")][1];
  REQUIRE(shop_down.ended < run.result.journal.size());
  const auto& returned = run.result.journal[shop_down.ended];
  CHECK(outagesim::reports::describe_reason(run.spec, run.result, returned) ==
        "only in part, a still degraded");
  CHECK(outagesim::reports::describe_cause(run.spec, run.result, shop_down.ended)
            .starts_with("only in part, a still degraded <- a degraded at 00:30"));
  // blog comes back degraded because d itself came back in part: that is what came back.
  REQUIRE(!run.result.intervals[run.id("blog/service")].empty());
  const auto& blog_down = run.result.intervals[run.id("blog/service")][0];
  REQUIRE(blog_down.ended < run.result.journal.size());
  CHECK(outagesim::reports::describe_reason(run.spec, run.result, run.result.journal[blog_down.ended]) ==
        "after d came back");
}

TEST_CASE("overheating after a voltage sag traces back through the spent storage and the trip to the sag") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 1000, power: feed, storage_kwh: 250}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000, alarm_c: 30}
  - {name: hosts, kind: host_pool, room: room, hosts: 50, kw_per_host: 10}
faults:
  - {at: "01:00", target: feed, action: voltage_sag, duration: 1s, note: storm}
)"));
  // No chiller restarts by itself: storage gives 1000 kW for 15 min, then the room rises 0.5 °C/min.
  const auto& hot = run.result.intervals[run.id("room")][0];
  CHECK(clock(hot.start) == "01:27");
  CHECK(outagesim::reports::describe_cause(run.spec, run.result, hot.began) ==
        "overheating at 30.0 °C <- plant still down at 01:15: chilled-water storage spent, 0 running <- "
        "plant down at 01:00: chillers tripped, 0 running (feed) <- feed down at 01:00: fault voltage_sag on "
        "feed at 01:00 (storm)");
}

TEST_CASE("the end of a voltage sag names the sag's own time, and says it is over") {
  // Regression (session 23's probe): the end read "fault voltage_sag on feed at 02:00", the sag being at
  // 01:00.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute, needs: feed}
tenants:
  - {name: shop, needs: [vm]}
faults:
  - {at: "01:00", target: feed, action: voltage_sag, duration: 1h}
)"));
  const auto& down = run.result.intervals[run.id("shop/service")][0];
  CHECK(outagesim::reports::describe_cause(run.spec, run.result, down.ended) ==
        "vm up at 02:00 <- feed up at 02:00: fault voltage_sag on feed at 01:00, over at 02:00");
}

TEST_CASE("a flood reads as water in the room and a discharge in a gas hall as its agent") {
  // Blind trials N and O: a leak written as a discharge read "sprinklers fired".
  const auto cause = [](std::string_view action) {
    const Run run = run_yaml(scenario_yaml(fmt::format(R"(
components:
  - {{name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 1000}}
  - {{name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000,
     suppression: gas}}
  - {{name: hosts, kind: host_pool, room: room, hosts: 50, kw_per_host: 10}}
  - {{name: vm, kind: compute, needs: hosts}}
tenants:
  - {{name: shop, needs: [vm]}}
faults:
  - {{at: "01:00", target: room, action: {}, note: a burst pipe}}
)",
                                                       action)));
    const auto& journal = run.result.journal;
    for (std::size_t i = 0; i < journal.size(); ++i) {
      if (journal[i].component == run.id("room"))
        return outagesim::reports::describe_cause(run.spec, run.result, i);
    }
    return std::string("(nothing)");
  };
  CHECK(cause("flood") == "water in the room: fault flood on room at 01:00 (a burst pipe)");
  CHECK(cause("discharge") ==
        "gas fire suppression discharged: fault discharge on room at 01:00 (a burst pipe)");
}

TEST_CASE("a random failure and its repair read as the process that made them") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute, needs: feed}
failures:
  - {name: feed trips, targets: feed, time_to_failure: 90m, time_to_repair: 30m}
)"));
  const auto& down = run.result.intervals[run.id("vm")][0];
  CHECK(outagesim::reports::describe_cause(run.spec, run.result, down.began) ==
        "feed down at 01:30: random failure 'feed trips' at 01:30");
  CHECK(outagesim::reports::describe_change(run.spec, run.result,
                                            run.result.intervals[run.id("feed")][0].ended) ==
        "feed up at 02:00: repaired: random failure 'feed trips' over at 02:00");
}

namespace {

// Every interval of every vertex of `run` is described alike by describe_cause() and a CauseDescriber.
void check_describer_agrees(const Run& run) {
  outagesim::reports::CauseDescriber causes(run.spec, run.result);
  std::size_t checked = 0;
  for (outagesim::models::ComponentId v = 0; v < run.result.intervals.size(); ++v) {
    for (const auto& interval : run.result.intervals[v]) {
      CHECK(causes.describe(interval.began) ==
            outagesim::reports::describe_cause(run.spec, run.result, interval.began));
      ++checked;
    }
  }
  CHECK(checked > 0);
}

// Components in a line, each needing the one before, and a tenant at the end: a chain of `length` links.
std::string chain_yaml(int length) {
  std::string yaml = "components:\n  - {name: c0, kind: power_feed}\n";
  for (int i = 1; i < length; ++i)
    yaml += fmt::format("  - {{name: c{}, kind: compute, needs: c{}}}\n", i, i - 1);
  yaml += fmt::format(
      "tenants:\n  - {{name: t, needs: [c{}]}}\nfaults:\n  - {{at: \"01:00\", target: c0, action: fail}}\n",
      length - 1);
  return yaml;
}

}  // namespace

TEST_CASE("a cause describer words each chain as describe_cause does, in every shipped scenario") {
  for (const char* file :
       {"scenarios/hk-2022-zone-c.yaml", "scenarios/aws-tokyo-2019.yaml", "scenarios/azure-aue-2023.yaml",
        "scenarios/power-feed-loss.yaml", "scenarios/control-plane-outage.yaml"}) {
    INFO(file);
    const auto loaded = outagesim::loader::load_scenario_file(file);
    REQUIRE(loaded.ok());
    check_describer_agrees(Run{*loaded.spec, outagesim::models::simulate(*loaded.spec, 1)});
  }
}

TEST_CASE("a cause describer agrees on long chains, those cut at the link limit included") {
  for (const int length : {3, 40, 63, 64, 70}) {
    INFO(length);
    check_describer_agrees(run_yaml(scenario_yaml(chain_yaml(length))));
  }
}

TEST_CASE("a note over two lines stays on the cause's one line") {
  // Regression (session 20): a note's newline broke the WHY lines of the text report.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: vm, kind: compute}
tenants:
  - {name: shop, needs: [vm]}
faults:
  - {at: "01:00", target: vm, action: fail, note: "first line\nsecond\tline"}
)"));
  const auto& down = run.result.intervals[run.id("shop/service")][0];
  CHECK(outagesim::reports::describe_cause(run.spec, run.result, down.began) ==
        "vm down at 01:00: fault fail on vm at 01:00 (first line\\x0asecond\\x09line)");
}

TEST_CASE("a share cut that still holds when a service comes back names the cut at its own time") {
  // Regression (session 25's review): "fault set_capacity on ebs at 05:00" when the cut was at 01:00 and
  // 05:00 was the feed's repair.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: ebs, kind: block_storage, needs: feed}
faults:
  - {at: "01:00", target: ebs, action: set_capacity, share: 0.75}
  - {at: "03:00", target: feed, action: fail}
  - {at: "05:00", target: feed, action: repair}
)"));
  const auto& down = run.result.intervals[run.id("ebs")][1];
  REQUIRE(down.state == outagesim::models::State::kDown);
  CHECK(outagesim::reports::describe_cause(run.spec, run.result, down.ended) ==
        "serving 75% of capacity: fault set_capacity on ebs at 01:00");
}

TEST_CASE("a flood in the minute of a power cut is the flood's") {
  // Review 12 (session 32): a flood ran after the instant's faults, found the hall dark for want of power,
  // and explain and rank put the flood's damage checks on the grid.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: grid, kind: power_feed}
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 1000}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 100000,
     power: grid, damage_checks: 2h}
  - {name: hosts, kind: host_pool, room: hall, hosts: 50, kw_per_host: 10}
  - {name: vm, kind: compute, needs: hosts}
tenants:
  - {name: shop, needs: [vm]}
faults:
  - {at: "01:00", target: hall, action: flood, note: a burst pipe}
  - {at: "01:00", target: grid, action: fail, note: water in the switchgear}
  - {at: "01:30", target: grid, action: repair}
)"));
  const auto& down = run.result.intervals[run.id("hall")][0];
  CHECK(outagesim::reports::describe_cause(run.spec, run.result, down.began) ==
        "water in the room: fault flood on hall at 01:00 (a burst pipe)");
}

TEST_CASE("one host destroyed reads as one host") {
  // Blind trial O (session 32): "1 hosts damaged by heat".
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 1000}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000}
  - {name: hosts, kind: host_pool, room: room, hosts: 10, kw_per_host: 10}
faults:
  - {at: "01:00", target: hosts, action: damage_hosts, share: 0.1, note: a surge}
)"));
  const auto& journal = run.result.journal;
  std::string text;
  for (std::size_t i = 0; i < journal.size(); ++i) {
    if (journal[i].cause.reason == outagesim::models::Reason::kHostsDestroyed)
      text = outagesim::reports::describe_cause(run.spec, run.result, i);
  }
  CHECK(text == "1 host destroyed by fault damage_hosts on hosts at 01:00 (a surge)");
}
