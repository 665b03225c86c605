// Numbering and naming of the vertices a scenario spec describes.
#include "models/scenario/scenario_spec.hpp"

#include <cassert>
#include <span>

namespace outagesim::models {

std::uint32_t ScenarioSpec::vertex_count() const {
  std::size_t n = components.size() + tenants.size();
  for (const TenantSpec& t : tenants) n += t.functions.size();
  return static_cast<std::uint32_t>(n);
}

void set_weather(ScenarioSpec& spec) {
  spec.weather = (spec.weather_every > sim::Time() ? spec.weather_written.interpolated(spec.weather_every)
                                                   : spec.weather_written)
                     .shifted(spec.weather_shift_c);
  for (ComponentSpec& component : spec.components) {
    if (auto* plant = std::get_if<CoolingPlantParams>(&component.params); plant && plant->outside_is_weather)
      plant->outside = spec.weather;
    if (auto* room = std::get_if<RoomParams>(&component.params); room && room->outside_is_weather)
      room->outside = spec.weather;
  }
}

void number_tenants(ScenarioSpec& spec) {
  auto next = static_cast<ComponentId>(spec.components.size());
  spec.function_tenant.clear();
  for (std::uint32_t i = 0; i < spec.tenants.size(); ++i) {
    for (TenantFunctionSpec& f : spec.tenants[i].functions) {
      f.id = next++;
      spec.function_tenant.push_back(i);
    }
  }
  for (TenantSpec& t : spec.tenants) t.id = next++;
}

namespace {

// Finds the tenant and function a vertex id past the components stands for. number_tenants() gives every
// function of every tenant in order, then every tenant in order, so the tenant is an offset and the
// function's tenant is in `function_tenant`: reports name a vertex per interval and per cause link, and a
// linear scan made a 100,000-tenant report quadratic (a binary search cost a cache miss per step).
struct TenantVertex {
  const TenantSpec* tenant = nullptr;
  const TenantFunctionSpec* function = nullptr;
};

// Where vertex `id` sits if it was numbered as number_tenants() numbers: a tenant's index in `tenants`, or a
// function's index in `function_tenant` (of `functions` entries). Only the ranges are checked, not the
// ids found there.
struct NumberedPlace {
  enum class Kind { kNone, kTenant, kFunction };
  Kind kind = Kind::kNone;
  std::size_t index = 0;
};

NumberedPlace numbered_place(std::span<const TenantSpec> tenants, std::size_t functions, ComponentId id) {
  if (tenants.empty()) return {};
  const ComponentId first_tenant = tenants.front().id;
  if (id >= first_tenant) {
    const std::size_t at = id - first_tenant;
    if (at >= tenants.size()) return {};
    return {NumberedPlace::Kind::kTenant, at};
  }
  // Functions are numbered just before the first tenant.
  if (functions > first_tenant) return {};
  const std::size_t first_function = first_tenant - functions;
  if (id < first_function) return {};
  return {NumberedPlace::Kind::kFunction, id - first_function};
}

// The direct lookup, for ids and the function_tenant index as number_tenants() gives them; an empty
// result when they are not (find_tenant_vertex then searches).
TenantVertex find_numbered_vertex(std::span<const TenantSpec> tenants,
                                  std::span<const std::uint32_t> function_tenant, ComponentId id) {
  const NumberedPlace place = numbered_place(tenants, function_tenant.size(), id);
  if (place.kind == NumberedPlace::Kind::kTenant) {
    const TenantSpec& t = tenants[place.index];
    return t.id == id ? TenantVertex{&t, nullptr} : TenantVertex{};
  }
  if (place.kind != NumberedPlace::Kind::kFunction || function_tenant[place.index] >= tenants.size())
    return {};
  const TenantSpec& t = tenants[function_tenant[place.index]];
  if (t.functions.empty() || id < t.functions.front().id) return {};
  const std::size_t at = id - t.functions.front().id;
  if (at < t.functions.size() && t.functions[at].id == id) return {&t, &t.functions[at]};
  return {};
}

TenantVertex find_tenant_vertex(const ScenarioSpec& spec, ComponentId id) {
  if (const TenantVertex v = find_numbered_vertex(spec.tenants, spec.function_tenant, id);
      v.tenant != nullptr)
    return v;
  // Not numbered as number_tenants() does (a spec still being read, or built by hand): look everywhere.
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
  std::string name;
  append_vertex_name(name, spec, id);
  return name;
}

void append_vertex_name(std::string& out, const ScenarioSpec& spec, ComponentId id) {
  if (id < spec.components.size()) {
    out += spec.components[id].name;
    return;
  }
  const TenantVertex v = find_tenant_vertex(spec, id);
  assert(v.tenant != nullptr);
  out += v.tenant->name;
  if (v.function == nullptr) return;
  out += '/';
  out += v.function->name;
}

void prefetch_vertex_name(const ScenarioSpec& spec, ComponentId id, int level) {
#if defined(__GNUC__)
  if (id < spec.components.size()) {
    if (level == 0) __builtin_prefetch(&spec.components[id]);
    if (level == 1) __builtin_prefetch(spec.components[id].name.data());
    return;
  }
  const NumberedPlace place = numbered_place(spec.tenants, spec.function_tenant.size(), id);
  if (place.kind == NumberedPlace::Kind::kTenant) {  // its spec, then its name
    if (level == 0) __builtin_prefetch(&spec.tenants[place.index]);
    if (level == 1) __builtin_prefetch(spec.tenants[place.index].name.data());
    return;
  }
  if (place.kind != NumberedPlace::Kind::kFunction) return;
  // A function: its tenant's index, the tenant, then its functions.
  const std::uint32_t* tenant_index = &spec.function_tenant[place.index];
  if (level == 0) {
    __builtin_prefetch(tenant_index);
    return;
  }
  if (*tenant_index >= spec.tenants.size()) return;
  const TenantSpec& tenant = spec.tenants[*tenant_index];
  if (level == 1) {
    __builtin_prefetch(&tenant);
    return;
  }
  __builtin_prefetch(tenant.name.data());
  __builtin_prefetch(tenant.functions.data());
#else
  (void)spec;
  (void)id;
  (void)level;
#endif
}

ComponentKind vertex_kind(const ScenarioSpec& spec, ComponentId id) {
  if (id < spec.components.size()) return spec.components[id].kind;
  const TenantVertex v = find_tenant_vertex(spec, id);
  assert(v.tenant != nullptr);
  return v.function == nullptr ? ComponentKind::kTenant : ComponentKind::kTenantFunction;
}

}  // namespace outagesim::models
