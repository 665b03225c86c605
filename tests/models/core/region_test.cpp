#include "models/core/region.hpp"

#include <catch2/catch.hpp>

#include "models/core/dependency_graph.hpp"
#include "models/scenario/region_builder.hpp"
#include "models/tenants/tenant_function.hpp"
#include "tests/support/scenario_fixture.hpp"

using namespace outagesim;
using namespace outagesim::models;

namespace {

const char* const kRegion = R"(
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
  - {name: c, kind: compute}
  - {name: ab, kind: database, primary: [a, b]}
  - {name: either, kind: load_balancer, needs: {any_of: [a, {all_of: [b, c]}]}}
tenants:
  - {name: one, needs: [a]}
  - {name: many, needs: [a, b, c, ab, either]}
  - name: shop
    functions:
      - {name: web, needs: [either]}
      - {name: db, needs: [ab], strategy: {kind: standby, needs: [c], switchover: 5m}}
)";

Region region_of(const ScenarioSpec& spec) {
  return Region(build_components(spec), DependencyGraph(spec.vertex_count(), dependency_edges(spec)));
}

}  // namespace

TEST_CASE("a region finds each component at its rank without the id") {
  const ScenarioSpec spec = testing::load_spec(testing::scenario_yaml(kRegion));
  Region region = region_of(spec);
  for (std::uint32_t rank = 0; rank < region.size(); ++rank)
    CHECK(&region.component_at_rank(rank) == &region.component(region.at_rank(rank)));
}

TEST_CASE("a region's evaluation hints name the requirement evaluated first and read only what it holds") {
  const ScenarioSpec spec = testing::load_spec(testing::scenario_yaml(kRegion));
  Region region = region_of(spec);
  for (std::uint32_t rank = 0; rank < region.size(); ++rank) {
    const Component& c = region.component_at_rank(rank);
    if (c.kind() == ComponentKind::kTenantFunction) {
      REQUIRE(c.evaluation_input() != nullptr);
      CHECK(c.evaluation_input() == &static_cast<const TenantFunction&>(c).primary().needs());
    }
    if (c.id() == spec.components.size() - 1) {  // "either", the last component
      REQUIRE(c.evaluation_input() != nullptr);
      CHECK(c.evaluation_input()->mode == Requirement::Mode::kAnyOf);
    }
    if (c.kind() == ComponentKind::kTenant || c.kind() == ComponentKind::kDatabase)
      CHECK(c.evaluation_input() == nullptr);
    // Every level, on every rank: under the sanitizers, a hint that reads past what it holds fails here.
    region.prefetch_entry(rank);
    region.prefetch_object(rank);
    region.prefetch_children(rank);
    region.prefetch_statuses(rank);
  }
}

TEST_CASE("a function that waits for repair has no strategy object and one with a standby has") {
  const ScenarioSpec spec = testing::load_spec(testing::scenario_yaml(kRegion));
  Region region = region_of(spec);
  const testing::Run run{spec, {}};
  CHECK(static_cast<const TenantFunction&>(region.component(run.id("shop/web"))).strategy() == nullptr);
  CHECK(static_cast<const TenantFunction&>(region.component(run.id("shop/db"))).strategy() != nullptr);
}
