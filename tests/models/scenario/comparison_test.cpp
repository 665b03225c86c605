#include "models/scenario/comparison.hpp"

#include <catch2/catch.hpp>

#include "models/scenario/uncertain_input.hpp"
#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using namespace outagesim::models;
using outagesim::sim::Time;

TEST_CASE("a comparison runs the baseline and each variant on the same faults") {
  const auto spec = load_spec(scenario_yaml(R"(
components:
  - {name: zone-a, kind: power_feed}
  - {name: zone-b, kind: power_feed}
tenants:
  - name: shop
    functions:
      - {name: checkout, needs: [zone-a], recovery: 10m}
      - {name: catalogue, needs: [zone-b]}
  - {name: other, needs: [zone-a]}
faults:
  - {at: "01:00", target: zone-a, action: fail}
  - {at: "03:00", target: zone-a, action: repair}
variants:
  - name: standby in b
    tenant: shop
    functions:
      checkout: {kind: standby, needs: zone-b, switchover: 20m, replication_lag: 1m}
)"));
  const Comparison c = compare_variants(spec, 1);
  REQUIRE(c.rows.size() == 2);  // checkout only: no variant changes the catalogue; no variants for "other"
  CHECK(c.rows[0].baseline);
  CHECK(c.rows[0].variant.empty());
  CHECK(c.rows[0].downtime == Time::minutes(130));
  CHECK(c.rows[0].limited_by == 0);  // zone-a
  CHECK(c.rows[1].variant == "standby in b");
  CHECK(c.rows[1].strategy_kind == "standby");
  // The standby runs checkout's own 10-minute recovery after its 20-minute switchover, as the baseline does.
  CHECK(c.rows[1].downtime == Time::minutes(30));
  CHECK(c.rows[1].delta == Time::minutes(-100));
  CHECK(c.rows[1].data_loss == Time::minutes(1));
  CHECK(*c.rows[1].recovered_at == Time::minutes(90));
}

TEST_CASE("a comparison counts degraded time beside downtime") {
  const auto spec = load_spec(scenario_yaml(R"(
components:
  - {name: nodes-a, kind: power_feed}
  - {name: ebs-a, kind: block_storage, needs: nodes-a}
  - {name: zone-b, kind: power_feed}
tenants:
  - {name: shop, needs: [ebs-a]}
faults:
  - {at: "01:00", target: nodes-a, action: set_capacity, share: 0.6}
  - {at: "04:00", target: nodes-a, action: set_capacity, share: 1}
variants:
  - name: standby in b
    tenant: shop
    functions:
      service: {kind: standby, needs: zone-b, switchover: 20m}
)"));
  const Comparison c = compare_variants(spec, 1);
  REQUIRE(c.rows.size() == 2);
  CHECK(c.rows[0].downtime == Time());
  CHECK(c.rows[0].degraded == Time::hours(3));
  // A standby takes over only from a primary that is down: degraded is not down.
  CHECK(c.rows[1].degraded == Time::hours(3));
}

TEST_CASE("one outage's time to recover is its downtime in the same whole seconds") {
  // Regression (session 17): down from 0.6 s to 3600.4 s read "downtime 1h 00m, time to recover 59m 59s".
  const auto spec = load_spec(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
tenants:
  - {name: t, needs: a}
faults:
  - {at: "+600ms", target: a, action: fail}
  - {at: "+1h400ms", target: a, action: repair}
variants:
  - {name: standby, tenant: t, strategy: {kind: standby, needs: b, switchover: 2h}}
)"));
  const Comparison c = compare_variants(spec, 1);
  REQUIRE_FALSE(c.rows.empty());
  CHECK(c.rows[0].downtime == Time::seconds(3600));
  REQUIRE(c.rows[0].time_to_recover);
  CHECK(*c.rows[0].time_to_recover == c.rows[0].downtime);
  CHECK(c.rows[0].limited_for == c.rows[0].downtime);
}

TEST_CASE("a return undone in its instant is no recovery: the outage goes on to the next return") {
  // Cross-command trial (session 32): an action triggered by svc's return took it down again at once, and
  // compare said "back at 12:00, 2 h to recover" for a function down until 14:00.
  const auto spec = load_spec(scenario_yaml(R"(
components:
  - {name: base, kind: network}
  - {name: svc, kind: compute, needs: base}
tenants:
  - {name: t, needs: svc}
faults:
  - {at: "10:00", target: base, action: fail}
  - {at: "12:00", target: base, action: repair}
  - {at: "14:00", target: svc, action: repair}
operator_actions:
  - {when: {component: svc, event: returns_up}, target: svc, action: fail}
variants:
  - {name: same, tenant: t, strategy: {kind: wait_for_repair}}
)"));
  const Comparison c = compare_variants(spec, 1);
  REQUIRE(!c.rows.empty());
  CHECK(c.rows[0].downtime == Time::hours(4));
  CHECK(c.rows[0].time_to_recover == Time::hours(4));
  REQUIRE(c.rows[0].recovered_at.has_value());
  CHECK(*c.rows[0].recovered_at == Time::hours(14));
}

TEST_CASE("an outage still open at the horizon is limited by what holds it then") {
  // Cross-command trial (session 32): compare named what began the outage as "still down at the end",
  // though it had been back for hours and another need held the function.
  const auto spec = load_spec(scenario_yaml(R"(
components:
  - {name: a, kind: network}
  - {name: b, kind: network}
tenants:
  - {name: t, needs: [a, b]}
faults:
  - {at: "01:00", target: a, action: fail}
  - {at: "02:00", target: b, action: fail}
  - {at: "03:00", target: a, action: repair}
variants:
  - {name: same, tenant: t, strategy: {kind: wait_for_repair}}
)",
                                            "6h"));
  const Comparison c = compare_variants(spec, 1);
  REQUIRE(!c.rows.empty());
  CHECK(c.rows[0].still_down_at_horizon);
  CHECK(c.rows[0].limited_by == 1);  // b
  CHECK(c.rows[0].limitation == Wait::kStillDown);
  CHECK(c.rows[0].limited_for == Time::hours(4));  // from 02:00, when b fell too, to the horizon
}

TEST_CASE("an outage is limited by the need that held it as it ended and not by one only degraded") {
  // User trial (session 32): a is degraded 10:00-15:00, b down 10:00-10:03; compare named a ("waited for
  // it to return (3m)") for the three minutes that were b's.
  const auto spec = load_spec(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
tenants:
  - {name: t, needs: [a, b]}
faults:
  - {at: "10:00", target: a, action: set_capacity, share: 0.5}
  - {at: "15:00", target: a, action: set_capacity, share: 1}
  - {at: "10:00", target: b, action: fail}
  - {at: "10:03", target: b, action: repair}
variants:
  - {name: same, tenant: t, strategy: {kind: wait_for_repair}}
)"));
  const Comparison c = compare_variants(spec, 1);
  REQUIRE(!c.rows.empty());
  CHECK(c.rows[0].downtime == Time::minutes(3));
  CHECK(c.rows[0].limited_by == 1);  // b
  CHECK(c.rows[0].limitation == Wait::kDependency);
}

TEST_CASE("a variant put in place takes the inputs drawn inside it") {
  // Meta trial 2 (session 32): sensitivity --variant drew the standby's switchover into the variants list,
  // not into the copy put in place of the tenant's strategy, and reported it as never varied.
  const auto spec = load_spec(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
tenants:
  - {name: t, needs: [a]}
variants:
  - name: sb
    tenant: t
    strategy: {kind: standby, needs: [b], switchover: {dist: uniform, min: 10m, max: 2h, name: switchover}}
)"));
  ScenarioSpec varied = apply_variant(spec, spec.variants[0]);
  REQUIRE(varied.inputs.size() == 1);
  const std::vector<double> drawn{static_cast<double>(Time::minutes(90).count_ms())};
  apply_inputs(varied, drawn);
  const auto* standby = std::get_if<StandbySpec>(&varied.tenants[0].functions[0].strategy.get());
  REQUIRE(standby != nullptr);
  CHECK(standby->switchover == Time::minutes(90));
}

TEST_CASE("a variant of another kind in place takes the draws meant for the strategy it replaced") {
  // Review 13 (session 32): the draws for the tenant's own standby were written into the variant put in
  // its place: a wait_for_repair crashed (std::get), a standby with fewer steps wrote past its end.
  const auto spec = load_spec(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
tenants:
  - name: t
    needs: [a]
    strategy:
      kind: standby
      needs: [b]
      switchover: 10m
      recovery: [{step: warm, duration: 5m}, {step: check, duration: {dist: uniform, min: 10m, max: 2h, name: chk}}]
      recovery_reason: caches
variants:
  - {name: wait, tenant: t, strategy: {kind: wait_for_repair}}
  - {name: sb2, tenant: t, strategy: {kind: standby, needs: [b], switchover: 20m}}
)"));
  const std::vector<double> drawn{static_cast<double>(Time::minutes(90).count_ms())};
  for (std::size_t v = 0; v < 2; ++v) {
    ScenarioSpec varied = apply_variant(spec, spec.variants[v]);
    apply_inputs(varied, drawn);
    apply_inputs(varied, drawn);  // again, as each replication does
    CHECK(varied.tenants[0].functions[0].strategy.get().index() ==
          spec.variants[v].strategies[0].second.index());
    REQUIRE(varied.replaced_strategies.size() == 1);
    const auto* own = std::get_if<StandbySpec>(&varied.replaced_strategies[0].get());
    REQUIRE(own != nullptr);
    CHECK(own->recovery.at(1).time() == Time::minutes(90));
  }
}
