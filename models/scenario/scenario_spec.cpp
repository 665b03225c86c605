// Numbering and naming of the vertices a scenario spec describes.
#include "models/scenario/scenario_spec.hpp"

#include <cassert>

namespace outagesim::models {

std::uint32_t ScenarioSpec::vertex_count() const {
  std::size_t n = components.size() + tenants.size();
  for (const TenantSpec& t : tenants) n += t.functions.size();
  return static_cast<std::uint32_t>(n);
}

void number_tenants(ScenarioSpec& spec) {
  auto next = static_cast<ComponentId>(spec.components.size());
  for (TenantSpec& t : spec.tenants) {
    for (TenantFunctionSpec& f : t.functions) f.id = next++;
  }
  for (TenantSpec& t : spec.tenants) t.id = next++;
}

namespace {

// Finds the tenant and function a vertex id past the components stands for. Linear: for names in
// reports and errors, not for the simulation's inner loop.
struct TenantVertex {
  const TenantSpec* tenant = nullptr;
  const TenantFunctionSpec* function = nullptr;
};

TenantVertex find_tenant_vertex(const ScenarioSpec& spec, ComponentId id) {
  for (const TenantSpec& t : spec.tenants) {
    if (t.id == id) return {&t, nullptr};
    for (const TenantFunctionSpec& f : t.functions) {
      if (f.id == id) return {&t, &f};
    }
  }
  return {};
}

}  // namespace

std::string vertex_name(const ScenarioSpec& spec, ComponentId id) {
  if (id < spec.components.size()) return spec.components[id].name;
  const TenantVertex v = find_tenant_vertex(spec, id);
  assert(v.tenant != nullptr);
  if (v.function == nullptr) return v.tenant->name;
  return v.tenant->name + "/" + v.function->name;
}

ComponentKind vertex_kind(const ScenarioSpec& spec, ComponentId id) {
  if (id < spec.components.size()) return spec.components[id].kind;
  const TenantVertex v = find_tenant_vertex(spec, id);
  assert(v.tenant != nullptr);
  return v.function == nullptr ? ComponentKind::kTenant : ComponentKind::kTenantFunction;
}

}  // namespace outagesim::models
