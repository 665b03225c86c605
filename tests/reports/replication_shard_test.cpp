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
    o.sla_breached = {k % 2 == 1};
    o.milestones = {k % 3 == 0 ? std::nullopt : std::optional(Time::ms(9'000'000'123))};
    o.inputs = {awkward[k]};
    shard.outcomes.push_back(o);
  }
  const std::string text = r::shard_file_text(shard);
  const r::ShardReading back = r::shard_from_json(nlohmann::json::parse(text), spec);
  INFO(back.error);
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
  o.milestones = {std::nullopt};
  o.inputs = {};  // the scenario has one input
  m::ReplicationOutcome back;
  const auto error = r::outcome_from_json(r::outcome_json(o), spec, back);
  REQUIRE(error);
  CHECK(*error == "replication 4: 'inputs' has 0 entries but the scenario has 1 uncertain inputs");
}
