// Sensitivity on a region where one input obviously drives the downtime (the recovery checks of the
// service the tenant needs) and another obviously does not (the warm-up of a service nobody needs and
// that never fails).
#include "models/scenario/sensitivity.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
namespace m = outagesim::models;
using outagesim::sim::Time;

namespace {

const char* const kRegion = R"(
components:
  - {name: feed, kind: power_feed}
  - name: api
    kind: compute
    needs: feed
    recovery: [{step: checks, duration: {dist: uniform, min: 1h, max: 5h, name: api checks}}]
  - name: spare
    kind: compute
    recovery: [{step: warmup, duration: {dist: uniform, min: 1h, max: 5h, name: spare warmup}}]
tenants:
  - {name: shop, needs: api}
  - name: mall
    functions:
      - {name: checkout, needs: api}
      - {name: catalog, needs: spare}
faults:
  - {at: "02:00", target: feed, action: fail}
operator_actions:
  - {at: "06:00", target: feed, action: repair}
)";

const m::ScenarioSpec& spec() {
  static const m::ScenarioSpec s = load_spec(scenario_yaml(kRegion));
  return s;
}

const std::string& input_name(std::uint32_t i) {
  return spec().inputs[i].name;
}

}  // namespace

TEST_CASE("the tornado ranks the input that drives the downtime first, with its sign") {
  REQUIRE(spec().inputs.size() == 2);
  const m::Tornado t = m::tornado(spec(), 1, m::SensitivityTarget{0, std::nullopt});
  // 4 h without power, then the checks at their nominal value (the median of uniform 1h-5h: 3 h).
  CHECK(t.base_downtime == Time::hours(7));
  REQUIRE(t.bars.size() == 2);
  CHECK(input_name(t.bars[0].input) == "api checks");
  CHECK(t.bars[0].low == Approx(Time::minutes(84).count_ms()));  // p10 of uniform(1h, 5h)
  CHECK(t.bars[0].high == Approx(Time::minutes(276).count_ms()));
  CHECK(t.bars[0].downtime_low == Time::minutes(240 + 84));
  CHECK(t.bars[0].downtime_high == Time::minutes(240 + 276));
  CHECK(t.bars[0].swing() == Time::minutes(192));  // positive: longer checks, longer downtime
  CHECK(input_name(t.bars[1].input) == "spare warmup");
  CHECK(t.bars[1].swing() == Time());
  CHECK(t.bars[1].downtime_low == t.base_downtime);
}

TEST_CASE("an input that shortens the downtime swings negative") {
  // The power goes out between 01:00 and 03:00 and comes back at 06:00: the later it goes, the shorter
  // the outage.
  std::string region = kRegion;
  const std::string fixed_fault = R"({at: "02:00", target: feed)";
  region.replace(region.find(fixed_fault), fixed_fault.size(),
                 R"({at: {dist: uniform, min: "01:00", max: "03:00", name: power lost}, target: feed)");
  const m::ScenarioSpec s = load_spec(scenario_yaml(region));
  const m::Tornado t = m::tornado(s, 1, m::SensitivityTarget{0, std::nullopt});
  CHECK(t.base_downtime == Time::hours(7));  // the nominal fault time is the median, 02:00
  REQUIRE(t.bars.size() == 3);
  CHECK(s.inputs[t.bars[0].input].name == "api checks");
  CHECK(s.inputs[t.bars[1].input].name == "power lost");
  CHECK(t.bars[1].low == Approx(Time::minutes(72).count_ms()));
  CHECK(t.bars[1].swing() == Time() - Time::minutes(96));
  CHECK(s.inputs[t.bars[2].input].name == "spare warmup");
  const m::RankCorrelations rc = m::rank_correlations(
      s, m::sensitivity_samples(s, 1, m::SensitivityTarget{0, std::nullopt}, 200, 2).samples);
  CHECK(s.inputs[rc.inputs[1].input].name == "power lost");
  CHECK(rc.inputs[1].rho < -0.2);
  CHECK(rc.inputs[1].distinguishable);
}

TEST_CASE("the tornado of a function measures that function only") {
  const m::Tornado checkout = m::tornado(spec(), 1, m::SensitivityTarget{1, 0u}, 2);
  CHECK(input_name(checkout.bars[0].input) == "api checks");
  CHECK(checkout.bars[0].swing() == Time::minutes(192));
  const m::Tornado catalog = m::tornado(spec(), 1, m::SensitivityTarget{1, 1u});
  CHECK(catalog.base_downtime == Time());
  for (const m::TornadoBar& bar : catalog.bars) CHECK(bar.swing() == Time());
  // The mall is down only while both functions are, and the catalog never is.
  CHECK(m::tornado(spec(), 1, m::SensitivityTarget{1, std::nullopt}).base_downtime == Time());
}

TEST_CASE("rank correlations: near 1 for the driving input, near 0 for the idle one") {
  const m::SensitivitySamples s =
      m::sensitivity_samples(spec(), 1, m::SensitivityTarget{0, std::nullopt}, 200, 2);
  REQUIRE(s.samples.size() == 200);
  CHECK_FALSE(s.stopped);
  const m::RankCorrelations rc = m::rank_correlations(spec(), s.samples);
  CHECK(rc.runs == 200);
  CHECK(rc.threshold == Approx(1.96 / std::sqrt(199.0)));
  REQUIRE(rc.inputs.size() == 2);
  CHECK(input_name(rc.inputs[0].input) == "api checks");
  CHECK(rc.inputs[0].rho > 0.99);
  CHECK(rc.inputs[0].distinguishable);
  CHECK(input_name(rc.inputs[1].input) == "spare warmup");
  INFO("rho of the idle input: " << rc.inputs[1].rho);
  CHECK(std::abs(rc.inputs[1].rho) < 0.2);
}

TEST_CASE("the samples do not depend on the thread count") {
  const m::SensitivityTarget shop{0, std::nullopt};
  const m::SensitivitySamples one = m::sensitivity_samples(spec(), 7, shop, 40, 1);
  const m::SensitivitySamples two = m::sensitivity_samples(spec(), 7, shop, 40, 2);
  REQUIRE(one.samples.size() == two.samples.size());
  for (std::size_t k = 0; k < one.samples.size(); ++k) {
    CHECK(one.samples[k].inputs == two.samples[k].inputs);
    CHECK(one.samples[k].downtime == two.samples[k].downtime);
  }
}

TEST_CASE("fewer than 3 replications tell no rho from 0") {
  const m::SensitivitySamples s =
      m::sensitivity_samples(spec(), 1, m::SensitivityTarget{0, std::nullopt}, 2, 1);
  const m::RankCorrelations rc = m::rank_correlations(spec(), s.samples);
  CHECK(std::isinf(rc.threshold));
  for (const m::InputCorrelation& c : rc.inputs) CHECK_FALSE(c.distinguishable);
}

TEST_CASE("a downtime that never varies has no rank correlation rather than a rho of 0") {
  // mall's catalog needs only the spare, which never fails: 0 s in every replication.
  const m::SensitivitySamples s = m::sensitivity_samples(spec(), 1, m::SensitivityTarget{1, 1}, 50, 1);
  const m::RankCorrelations rc = m::rank_correlations(spec(), s.samples);
  REQUIRE(rc.inputs.size() == 2);
  for (const m::InputCorrelation& c : rc.inputs) {
    CHECK_FALSE(c.defined);
    CHECK_FALSE(c.distinguishable);
  }
  // shop's downtime varies with both inputs drawn: both are defined, idle or not.
  const m::SensitivitySamples shop =
      m::sensitivity_samples(spec(), 1, m::SensitivityTarget{0, std::nullopt}, 50, 1);
  for (const m::InputCorrelation& c : m::rank_correlations(spec(), shop.samples).inputs) CHECK(c.defined);
}

TEST_CASE("with not_up the tornado measures degraded time too, which the downtime misses") {
  // Blind trial J: an outage of partial capacity is mostly degraded, and its sensitivity read "none".
  const m::ScenarioSpec partial = load_spec(scenario_yaml(R"(
components:
  - {name: vm, kind: compute}
tenants:
  - {name: shop, needs: vm}
faults:
  - {at: "02:00", target: vm, action: set_capacity, share: 0.8}
  - {at: {dist: uniform, min: "04:00", max: "08:00", name: fixed at}, target: vm, action: set_capacity, share: 1}
)"));
  const m::Tornado down = m::tornado(partial, 1, m::SensitivityTarget{0, std::nullopt});
  CHECK(down.base_downtime == Time());
  CHECK(down.bars[0].swing() == Time());
  const m::Tornado not_up = m::tornado(partial, 1, m::SensitivityTarget{0, std::nullopt, true});
  CHECK(not_up.base_downtime == Time::hours(4));  // degraded 02:00 to the median repair at 06:00
  CHECK(not_up.bars[0].swing() > Time::hours(3));
}
