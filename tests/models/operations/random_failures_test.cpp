// Random fault processes: long-run unavailability against the closed form, common causes failing a group
// at one instant, streams that do not shift when processes or targets are added, and repairs that lift
// only their own failure.
#include "models/operations/random_failures.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "models/scenario/simulation.hpp"
#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
namespace m = outagesim::models;
using outagesim::sim::Time;

namespace {

// The down intervals of `name` in replication `r`, as "start-end" in ms.
std::string down_ms(const m::ScenarioSpec& spec, std::string_view name, std::uint64_t r = 0) {
  const m::RunResult result = m::simulate(spec, spec.seed, r);
  m::ComponentId id = 0;
  while (spec.components[id].name != name) ++id;
  std::string text;
  for (const m::Interval& i : result.intervals[id]) {
    if (i.state != m::State::kDown) continue;
    text += std::to_string(i.start.count_ms()) + "-" + std::to_string(i.end.count_ms()) + " ";
  }
  return text;
}

}  // namespace

TEST_CASE("exponential failure and repair: long-run unavailability is MTTR / (MTTF + MTTR)") {
  const m::ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
failures:
  - name: feed trips
    targets: feed
    time_to_failure: {dist: exponential, mean: 100h}
    time_to_repair: {dist: exponential, mean: 10h}
)",
                                                       "366d"));
  constexpr int kRuns = 200;
  double sum = 0, sum_sq = 0;
  for (std::uint64_t r = 0; r < kRuns; ++r) {
    const m::RunResult result = m::simulate(spec, spec.seed, r);
    const double share =
        static_cast<double>(result.downtime(0).count_ms()) / static_cast<double>(result.horizon.count_ms());
    sum += share;
    sum_sq += share * share;
  }
  const double mean = sum / kRuns;
  const double sd = std::sqrt((sum_sq - kRuns * mean * mean) / (kRuns - 1));
  const double expected = 10.0 / (100.0 + 10.0);
  // Within four standard errors of the mean over runs (about 1e-3). Every run starts up, which lowers its
  // expected share by lambda / (lambda + mu)^2 / horizon = 0.83 h / 8784 h, about 1e-4: far below that.
  CHECK(std::abs(mean - expected) < 4 * sd / std::sqrt(kRuns));
  CHECK(sd > 0);
}

TEST_CASE("a common cause fails every member of its group at the same instant") {
  const m::ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: a, kind: compute, zone: z1}
  - {name: b, kind: compute, zone: z1}
  - {name: c, kind: compute, zone: z2}
  - {name: d, kind: compute, zone: z2}
  - {name: lb, kind: load_balancer, zone: z1}
failures:
  - name: zone power
    targets: {kind: compute}
    common_cause: zone
    time_to_failure: {dist: exponential, mean: 6h}
    time_to_repair: {dist: uniform, min: 30m, max: 2h}
  - name: everything
    targets: [lb, {zone: z2}]
    common_cause: true
    time_to_failure: {dist: exponential, mean: 200d}
    time_to_repair: 1h
)",
                                                       "7d"));
  REQUIRE(spec.failures.size() == 2);
  REQUIRE(spec.failures[0].groups.size() == 2);
  CHECK(spec.failures[0].groups[0].name == "z1");
  CHECK(spec.failures[1].groups.size() == 1);
  CHECK(spec.failures[1].groups[0].members.size() == 3);
  const std::string a = down_ms(spec, "a");
  CHECK_FALSE(a.empty());
  CHECK(down_ms(spec, "b") == a);
  CHECK(down_ms(spec, "d") == down_ms(spec, "c"));
  CHECK(down_ms(spec, "c") != a);  // the zones fail apart
}

TEST_CASE("adding a process or a target leaves the draws of the others unchanged") {
  const auto with = [](std::string_view extra_target, std::string_view extra_process) {
    return load_spec(scenario_yaml(std::string(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: feed2, kind: power_feed}
  - {name: api, kind: compute, needs: feed}
failures:
  - name: trips
    targets: [feed)") + std::string(extra_target) +
                                       R"(]
    time_to_failure: {dist: weibull, shape: 1.5, scale: 20h}
    time_to_repair: {dist: lognormal, median: 1h, sigma: 0.8}
)" + std::string(extra_process),
                                   "30d"));
  };
  const m::ScenarioSpec alone = with("", "");
  const std::string base = down_ms(alone, "feed", 3);
  CHECK_FALSE(base.empty());
  CHECK(down_ms(with(", feed2", ""), "feed", 3) == base);
  CHECK(down_ms(with("", R"(  - {name: other, targets: [api, feed2], time_to_failure: 5h, time_to_repair: 1h}
)"),
                "feed", 3) == base);
  CHECK(down_ms(alone, "feed", 4) != base);  // another replication draws anew
}

TEST_CASE("a random repair lifts only its own failure, causes name the process") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: api, kind: compute}
faults:
  - {at: "00:10", target: feed, action: fail}
failures:
  - {name: trips, targets: [feed, api], time_to_failure: 30m, time_to_repair: 2h}
)",
                                         "8h"));
  // The scripted fault at 00:10 holds the feed down to the end; the random one never takes it over.
  CHECK(run.intervals("feed") == "00:10-end");
  // api: up 30 min, down 2 h, over and over.
  CHECK(run.intervals("api") == "00:30-02:30, 03:00-05:00, 05:30-07:30");
  const m::ComponentId api = run.id("api");
  std::vector<m::InjectionId> causes;
  for (const m::StateChange& c : run.result.journal) {
    if (c.component == api) causes.push_back(c.cause.injection);
  }
  CHECK(causes == std::vector<m::InjectionId>(6, m::random_failure_id(0)));
}

TEST_CASE("a scripted fault during a random failure holds the target until its own repair") {
  // Regression (session 26's review): the random repair at 03:00 lifted the scripted fault of 02:30, which
  // was counted as having no effect.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: x, kind: network}
faults:
  - {at: "02:30", target: x, action: fail}
  - {at: "03:30", target: x, action: repair}
failures:
  - {name: f, targets: x, time_to_failure: 2h, time_to_repair: 1h}
)",
                                         "8h"));
  CHECK(run.intervals("x") == "02:00-03:30, 05:00-06:00");
  CHECK(run.result.injection_had_effect[0]);
}

TEST_CASE("a share of a pool fails: the pool serves the rest, and the hosts restart after the repair") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000}
  - {name: a, kind: host_pool, room: room, hosts: 100, kw_per_host: 1, power_on: 10m}
failures:
  - {name: racks, targets: a, share: 0.3, time_to_failure: 1h, time_to_repair: 1h}
)",
                                         "4h"));
  // 30 hosts out from 01:00; repaired at 02:00, serving after a pro-rata power-on of 3 min; the next time
  // to failure runs from the repair, so out again at 03:00.
  CHECK(run.intervals("a").empty());
  CHECK(run.intervals("a", m::State::kDegraded) == "01:00-02:03, 03:00-end");
  bool partial = false;
  for (const m::StateChange& c : run.result.journal) {
    if (c.component == run.id("a") && c.to == m::State::kDegraded)
      partial = c.cause.injection == m::random_failure_id(0);
  }
  CHECK(partial);
}

TEST_CASE("a random repair acts together with the scripted faults of its instant") {
  // Regression (session 23's probe): a fixed one-hour process repairs a at 02:00 as b fails; the repair
  // ran after b's fault had settled, and the service that needs either ran its steps for nothing.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: network}
  - {name: b, kind: network}
  - {name: s, kind: compute, needs: {any_of: [a, b]}, recovery: 10m}
tenants:
  - {name: t, needs: [s]}
failures:
  - {name: aflap, targets: a, time_to_failure: 1h, time_to_repair: 1h}
faults:
  - {at: "02:00", target: b, action: fail}
)",
                                         "2h30m"));
  CHECK(run.intervals("a") == "01:00-02:00");
  CHECK(run.intervals("s").empty());
}
