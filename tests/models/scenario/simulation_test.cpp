// Whole runs: determinism, and properties that must hold for any scenario (random ones here).
#include "models/scenario/simulation.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::models;
using outagesim::sim::Time;

namespace {

// A random layered region: feeds, then services needing earlier ones (all-of, any-of or k-of-n), then
// tenants; random fail/repair faults on the feeds and services.
ScenarioSpec random_spec(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  ScenarioSpec spec;
  spec.name = "random";
  spec.horizon = Time::hours(24);
  const int feeds = 3 + static_cast<int>(rng() % 4);
  const int services = 5 + static_cast<int>(rng() % 15);
  for (int i = 0; i < feeds + services; ++i) {
    ComponentSpec c;
    c.name = "c" + std::to_string(i);
    c.kind = i < feeds ? ComponentKind::kPowerFeed : ComponentKind::kCompute;
    ServiceParams p;
    if (i >= feeds) {
      std::vector<Requirement> children;
      const int n = 1 + static_cast<int>(rng() % 3);
      for (int k = 0; k < n; ++k) children.push_back(Requirement::of(static_cast<ComponentId>(rng() % i)));
      const int mode = static_cast<int>(rng() % 3);
      p.needs = mode == 0   ? Requirement::all_of(children)
                : mode == 1 ? Requirement::any_of(children)
                            : Requirement::k_of_n(1 + static_cast<std::uint32_t>(rng() % n), children);
      if (rng() % 2) p.recovery.push_back({"check", Time::minutes(static_cast<std::int64_t>(rng() % 90))});
    }
    c.params = p;
    spec.components.push_back(std::move(c));
  }
  for (int t = 0; t < 5; ++t) {
    TenantSpec tenant;
    tenant.name = "t" + std::to_string(t);
    TenantFunctionSpec f;
    f.name = "service";
    f.needs = Requirement::of(static_cast<ComponentId>(rng() % (feeds + services)));
    f.recovery.push_back({"reconcile", Time::minutes(static_cast<std::int64_t>(rng() % 120))});
    tenant.functions.push_back(std::move(f));
    spec.tenants.push_back(std::move(tenant));
  }
  number_tenants(spec);
  const int faults = static_cast<int>(rng() % 12);
  for (int i = 0; i < faults; ++i) {
    InjectionSpec inj;
    inj.at = Time::minutes(static_cast<std::int64_t>(rng() % (24 * 60)));
    inj.target = static_cast<ComponentId>(rng() % (feeds + services));
    inj.action = rng() % 3 == 0 ? Action::kRepair : Action::kFail;
    spec.injections.push_back(inj);
  }
  return spec;
}

}  // namespace

TEST_CASE("a run is a pure function of scenario and seed") {
  const ScenarioSpec spec = random_spec(99);
  const RunResult a = simulate(spec, 5);
  const RunResult b = simulate(spec, 5);
  REQUIRE(a.journal.size() == b.journal.size());
  for (std::size_t i = 0; i < a.journal.size(); ++i) {
    CHECK(a.journal[i].time == b.journal[i].time);
    CHECK(a.journal[i].component == b.journal[i].component);
    CHECK(a.journal[i].to == b.journal[i].to);
  }
}

TEST_CASE("properties hold on random regions") {
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    const ScenarioSpec spec = random_spec(seed);
    const RunResult result = simulate(spec);
    INFO("seed " << seed);
    for (ComponentId id = 0; id < spec.vertex_count(); ++id) {
      // Intervals lie in the horizon, in order, without overlap, and downtime never exceeds the horizon.
      Time previous_end;
      for (const Interval& i : result.intervals[id]) {
        REQUIRE(i.start >= previous_end);
        REQUIRE(i.end > i.start);
        REQUIRE(i.end <= spec.horizon);
        previous_end = i.end;
      }
      REQUIRE(result.downtime(id) <= spec.horizon);
    }
    // A component never forced down whose requirement's leaves were never down is never down.
    std::vector<bool> ever_down(spec.vertex_count(), false);
    for (const StateChange& c : result.journal)
      ever_down[c.component] = ever_down[c.component] || c.to == State::kDown;
    std::vector<bool> forced(spec.vertex_count(), false);
    for (const InjectionSpec& inj : spec.injections)
      forced[inj.target] = forced[inj.target] || inj.action == Action::kFail;
    for (ComponentId id = 0; id < spec.components.size(); ++id) {
      const auto* p = std::get_if<ServiceParams>(&spec.components[id].params);
      std::vector<ComponentId> leaves;
      p->needs.collect_components(leaves);
      bool any_leaf_down = false;
      for (const ComponentId leaf : leaves) any_leaf_down = any_leaf_down || ever_down[leaf];
      if (!any_leaf_down && !forced[id]) REQUIRE_FALSE(ever_down[id]);
    }
  }
}

TEST_CASE("a run that leaves out the strategies' waits has the same outcome") {
  const outagesim::testing::Run run = outagesim::testing::run_yaml(outagesim::testing::scenario_yaml(R"(
components:
  - {name: a, kind: middleware}
  - {name: b, kind: middleware}
tenants:
  - name: shop
    needs: [a]
    strategy:
      kind: active_active
      sites: [{needs: a}, {needs: b}]
      min_sites: 2
  - name: bank
    needs: [a]
    strategy: {kind: standby, detection: 5m, switchover: 10m, needs: [b]}
faults:
  - {at: "01:00", target: a, action: fail}
  - {at: "01:10", target: b, action: fail}
  - {at: "02:00", target: b, action: repair}
  - {at: "03:00", target: a, action: repair}
)"));
  const RunResult without = simulate(run.spec, run.spec.seed, 0, {.strategy_holds = false});
  REQUIRE(run.result.strategies.size() == 2);
  REQUIRE(without.strategies.size() == 2);
  for (const std::string_view f : {"shop/service", "bank/service"}) {
    const ComponentId id = run.id(f);
    CHECK(without.downtime(id) == run.result.downtime(id));
    CHECK(without.intervals[id].size() == run.result.intervals[id].size());
  }
  CHECK(without.journal.size() == run.result.journal.size());
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK_FALSE(run.result.strategies[i].second.holds.empty());
    CHECK(without.strategies[i].second.holds.empty());
    CHECK(without.strategies[i].second.limited_by == run.result.strategies[i].second.limited_by);
    CHECK(without.strategies[i].second.limited_for == run.result.strategies[i].second.limited_for);
  }
}
