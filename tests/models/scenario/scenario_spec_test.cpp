// Tests for models/scenario/scenario_spec.*: vertex numbering and the names and kinds of vertices.
#include "models/scenario/scenario_spec.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>

namespace m = outagesim::models;

namespace {

m::ScenarioSpec spec_with(std::size_t components, const std::vector<std::size_t>& functions_per_tenant) {
  m::ScenarioSpec spec;
  for (std::size_t i = 0; i < components; ++i) {
    m::ComponentSpec c;
    c.name = fmt::format("c{}", i);
    spec.components.push_back(std::move(c));
  }
  for (std::size_t t = 0; t < functions_per_tenant.size(); ++t) {
    m::TenantSpec tenant;
    tenant.name = fmt::format("t{}", t);
    for (std::size_t f = 0; f < functions_per_tenant[t]; ++f) {
      m::TenantFunctionSpec function;
      function.name = fmt::format("f{}", f);
      tenant.functions.push_back(std::move(function));
    }
    spec.tenants.push_back(std::move(tenant));
  }
  return spec;
}

}  // namespace

TEST_CASE("every vertex is named after what it stands for", "[scenario_spec]") {
  m::ScenarioSpec spec = spec_with(3, {1, 3, 1, 2});
  m::number_tenants(spec);
  REQUIRE(spec.vertex_count() == 3 + 4 + 7);
  std::vector<std::string> names;
  for (m::ComponentId id = 0; id < spec.vertex_count(); ++id) names.push_back(m::vertex_name(spec, id));
  CHECK(names == std::vector<std::string>{"c0", "c1", "c2", "t0/f0", "t1/f0", "t1/f1", "t1/f2", "t2/f0",
                                          "t3/f0", "t3/f1", "t0", "t1", "t2", "t3"});
  CHECK(m::vertex_kind(spec, 2) == m::ComponentKind::kCompute);
  CHECK(m::vertex_kind(spec, 6) == m::ComponentKind::kTenantFunction);
  CHECK(m::vertex_kind(spec, 13) == m::ComponentKind::kTenant);
}

TEST_CASE("a spec numbered by hand is still named right", "[scenario_spec]") {
  // Ids not in number_tenants() order: the direct lookup misses, and the search over all finds them.
  m::ScenarioSpec spec = spec_with(1, {2, 1});
  spec.tenants[0].id = 1;
  spec.tenants[1].id = 2;
  spec.tenants[0].functions[0].id = 5;
  spec.tenants[0].functions[1].id = 3;
  spec.tenants[1].functions[0].id = 4;
  CHECK(m::vertex_name(spec, 1) == "t0");
  CHECK(m::vertex_name(spec, 2) == "t1");
  CHECK(m::vertex_name(spec, 3) == "t0/f1");
  CHECK(m::vertex_name(spec, 4) == "t1/f0");
  CHECK(m::vertex_name(spec, 5) == "t0/f0");
}

TEST_CASE("a vertex's name appends to what the buffer holds", "[scenario_spec]") {
  m::ScenarioSpec spec = spec_with(1, {2});
  m::number_tenants(spec);
  std::string out = "names: ";
  m::append_vertex_name(out, spec, 0);
  out += ", ";
  m::append_vertex_name(out, spec, 2);
  out += ", ";
  m::append_vertex_name(out, spec, 3);
  CHECK(out == "names: c0, t0/f1, t0");
}

TEST_CASE("prefetching a vertex's name reads only what is there", "[scenario_spec]") {
  // Every vertex, every level, ids past the end, a spec numbered by hand and an empty one: under the
  // sanitizers a read out of bounds fails this test.
  m::ScenarioSpec spec = spec_with(2, {1, 3, 0, 2});
  m::number_tenants(spec);
  for (m::ComponentId id = 0; id < spec.vertex_count() + 3; ++id) {
    for (int level = 0; level < m::kVertexNameLevels; ++level) m::prefetch_vertex_name(spec, id, level);
  }
  m::ScenarioSpec by_hand = spec_with(1, {2});
  by_hand.tenants[0].id = 1;
  by_hand.tenants[0].functions[0].id = 3;
  by_hand.tenants[0].functions[1].id = 2;
  const m::ScenarioSpec empty;
  for (m::ComponentId id = 0; id < 5; ++id) {
    for (int level = 0; level < m::kVertexNameLevels; ++level) {
      m::prefetch_vertex_name(by_hand, id, level);
      m::prefetch_vertex_name(empty, id, level);
    }
  }
  CHECK(m::vertex_name(spec, 2) == "t0/f0");
}
