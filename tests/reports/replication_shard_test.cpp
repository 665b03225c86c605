#include "reports/replication_shard.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
namespace m = outagesim::models;
namespace r = outagesim::reports;
using outagesim::sim::Time;

namespace {

const char* const kScenario = R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute, needs: feed, recovery: [{step: boot, duration: {dist: uniform, min: 1m, max: 2m}}]}
tenants:
  - {name: shop, needs: [vm]}
faults:
  - {at: "01:00", target: feed, action: fail}
milestones:
  - {name: shop back, component: shop, event: returns_up, public: "02:30"}
)";

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace

TEST_CASE("a shard's outcomes read back exactly, doubles to the bit") {
  const m::ScenarioSpec spec = load_spec(scenario_yaml(kScenario));
  REQUIRE(spec.inputs.size() == 1);
  const double awkward[] = {0.1,
                            1.0 / 3.0,
                            0.30000000000000004,
                            5e-324,
                            std::numeric_limits<double>::max(),
                            -2.5e-308,
                            123456789.123456789,
                            std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::quiet_NaN()};
  r::ReplicationShard shard;
  shard.version = "9.9.9";
  shard.scenario_hash = 0xfedcba9876543210;
  shard.seed = 18446744073709551615u;
  shard.runs = 9;
  shard.range = {0, 9};
  for (std::uint64_t k = 0; k < std::size(awkward); ++k) {
    m::ReplicationOutcome o;
    o.replication = k;
    o.downtime = {Time::ms(static_cast<std::int64_t>(k) * 1001 + 1)};
    o.degraded = {Time::ms(0)};
    o.sla_breached = {false};  // the scenario has no SLA: merge checks it against the downtime
    o.at_horizon = {k % 2 == 0 ? m::State::kUp : m::State::kDown};
    o.milestones = {k % 3 == 0 ? std::nullopt : std::optional(Time::ms(9'000'123))};
    o.inputs = {awkward[k]};
    shard.outcomes.push_back(o);
  }
  // The file format keeps any double, to the bit; shard_from_json() then refuses what no run gives
  // (below), so the exact reading is held on the outcomes.
  for (const auto& a : shard.outcomes) {
    m::ReplicationOutcome b;
    REQUIRE_FALSE(r::outcome_from_json(nlohmann::json::parse(r::outcome_json(a).dump()), spec, b));
    CHECK(same_bits(b.inputs[0], a.inputs[0]));
  }
  for (std::uint64_t k = 0; k < std::size(awkward); ++k) shard.outcomes[k].inputs = {60'000.0 + k};
  const std::string text = r::shard_file_text(shard);
  const r::ShardReading back = r::shard_from_json(nlohmann::json::parse(text), spec);
  INFO(back.problem.message);
  REQUIRE(back.shard);
  CHECK(back.shard->scenario_hash == shard.scenario_hash);
  CHECK(back.shard->seed == shard.seed);
  REQUIRE(back.shard->outcomes.size() == shard.outcomes.size());
  for (std::size_t k = 0; k < shard.outcomes.size(); ++k) {
    const auto& a = shard.outcomes[k];
    const auto& b = back.shard->outcomes[k];
    CHECK(b.replication == a.replication);
    CHECK(b.downtime == a.downtime);
    CHECK(b.sla_breached == a.sla_breached);
    CHECK(b.at_horizon == a.at_horizon);
    CHECK(b.milestones == a.milestones);
    CHECK(same_bits(b.inputs[0], a.inputs[0]));
  }
  // Written again, the same bytes.
  CHECK(r::shard_file_text(*back.shard) == text);
}

TEST_CASE("an outcome that does not fit the scenario is refused") {
  const m::ScenarioSpec spec = load_spec(scenario_yaml(kScenario));
  m::ReplicationOutcome o;
  o.replication = 4;
  o.downtime = {Time::ms(1)};
  o.degraded = {Time::ms(1)};
  o.sla_breached = {false};
  o.at_horizon = {m::State::kUp};
  o.milestones = {std::nullopt};
  o.inputs = {};  // the scenario has one input
  m::ReplicationOutcome back;
  const auto error = r::outcome_from_json(r::outcome_json(o), spec, back);
  REQUIRE(error);
  CHECK(error->message == "replication 4: 'inputs' has 0 entries but the scenario has 1 uncertain inputs");
  CHECK(error->pointer == "/inputs");
}

TEST_CASE("an outcome no run of the scenario could give is refused, not merged") {
  // Regression (session 16): a shard edited by hand merged into a plausible report: a downtime of 2^63 ms
  // against a 24 h horizon, a negative one, an input of 'inf' printed as -nan, a draw far outside its
  // distribution.
  const m::ScenarioSpec spec = load_spec(scenario_yaml(kScenario));
  m::ReplicationOutcome o;
  o.replication = 2;
  o.downtime = {Time::ms(1)};
  o.degraded = {Time::ms(0)};
  o.sla_breached = {false};
  o.at_horizon = {m::State::kUp};
  o.milestones = {std::nullopt};
  o.inputs = {90'000};
  CHECK_FALSE(r::outcome_problem(o, spec));
  auto bad = o;
  bad.downtime = {Time::ms(-3'600'000)};
  const auto negative = r::outcome_problem(bad, spec);
  REQUIRE(negative);
  CHECK(negative->message ==
        "replication 2: 'downtime_ms' holds -3600000 ms, outside the scenario's horizon (0 to 86400000 ms)");
  CHECK(negative->pointer == "/downtime_ms/0");
  bad = o;
  bad.at_horizon = {m::State::kDegraded};  // with no degraded time: no run writes that
  CHECK_THAT(r::outcome_problem(bad, spec)->message,
             Catch::Contains("'state_at_horizon' holds \"degraded\", but its 'degraded_ms' is 0 ms"));
  bad = o;
  bad.milestones = {Time::ms(86'400'001)};
  CHECK_THAT(r::outcome_problem(bad, spec)->message, Catch::Contains("'milestones_ms' holds 86400001 ms"));
  bad = o;
  bad.inputs = {std::numeric_limits<double>::infinity()};
  CHECK_THAT(r::outcome_problem(bad, spec)->message, Catch::Contains("'inputs' holds inf for"));
  bad.inputs = {1e9};
  CHECK_THAT(r::outcome_problem(bad, spec)->message, Catch::Contains("which draws from 60000 to 120000"));
  CHECK(r::outcome_problem(bad, spec)->pointer == "/inputs/0");
}

TEST_CASE("an outcome whose values disagree with one another is refused") {
  // Regression (session 21's probe): each value was checked against its range only, so a breach edited
  // to false, or a downtime check set to null, merged into a plausible report.
  const m::ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: vm, kind: compute}
slas:
  - {name: gold, target_pct: 99.9, period: 30d}
tenants:
  - {name: shop, sla: gold, needs: [vm]}
milestones:
  - {name: shop short, component: shop, max_downtime: 3h}
  - {name: shop out, component: shop, not_up_at: "05:00"}
)"));
  m::ReplicationOutcome o;
  o.downtime = {Time::hours(2)};
  o.degraded = {Time()};
  o.sla_breached = {true};
  o.at_horizon = {m::State::kUp};
  o.milestones = {Time::hours(2), std::nullopt};
  CHECK_FALSE(r::outcome_problem(o, spec));
  auto bad = o;
  bad.sla_breached = {false};
  CHECK_THAT(
      r::outcome_problem(bad, spec)->message,
      Catch::Contains("'sla_breached' holds false, but shop/service down 7200000 ms breaches its SLA"));
  bad = o;
  bad.milestones = {std::nullopt, std::nullopt};
  CHECK_THAT(r::outcome_problem(bad, spec)->message, Catch::Contains("holds null for 'shop short'"));
  bad = o;
  bad.milestones = {Time(), std::nullopt};
  CHECK_THAT(r::outcome_problem(bad, spec)->message,
             Catch::Contains("holds 0 ms for 'shop short', but its function is down 7200000 ms"));
  bad = o;
  bad.milestones = {Time::hours(2), Time::hours(4)};
  CHECK_THAT(r::outcome_problem(bad, spec)->message, Catch::Contains("a check at 18000000 ms (or null)"));
  bad = o;
  bad.degraded = {Time::hours(23)};
  CHECK_THAT(r::outcome_problem(bad, spec)->message, Catch::Contains("more than the horizon"));
}

TEST_CASE("an empirical input's value must be one of its samples") {
  const m::ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute, needs: feed, recovery: [{step: boot, duration: {dist: empirical, samples: [10m, 20m, 30m]}}]}
tenants:
  - {name: shop, needs: [vm]}
)"));
  m::ReplicationOutcome o;
  o.replication = 1;
  o.downtime = {Time::ms(0)};
  o.degraded = {Time::ms(0)};
  o.sla_breached = {false};
  o.at_horizon = {m::State::kUp};
  o.milestones = {};
  o.inputs = {1'200'000};
  CHECK_FALSE(r::outcome_problem(o, spec));
  o.inputs = {1'500'000};  // 25m: inside the range, between two samples
  const auto between = r::outcome_problem(o, spec);
  REQUIRE(between);
  CHECK_THAT(between->message, Catch::Contains("which draws only its 3 samples"));
}
