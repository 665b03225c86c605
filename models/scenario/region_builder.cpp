// Construction and wiring of components from their specs.
#include "models/scenario/region_builder.hpp"

#include <cassert>

#include "models/facility/cooling_plant.hpp"
#include "models/facility/host_pool.hpp"
#include "models/facility/thermal_room.hpp"
#include "models/services/control_plane.hpp"
#include "models/services/database.hpp"
#include "models/services/service.hpp"
#include "models/strategies/active_active.hpp"
#include "models/strategies/capacity_launch.hpp"
#include "models/strategies/standby_failover.hpp"
#include "models/strategies/wait_for_repair.hpp"
#include "models/tenants/tenant.hpp"
#include "models/tenants/tenant_function.hpp"

namespace outagesim::models {

namespace {

struct MakeComponent {
  const ComponentSpec& spec;
  ComponentId id;

  std::unique_ptr<Component> operator()(const CoolingPlantParams& p) const {
    return std::make_unique<CoolingPlant>(id, p);
  }
  std::unique_ptr<Component> operator()(const RoomParams& p) const {
    return std::make_unique<ThermalRoom>(id, p);
  }
  std::unique_ptr<Component> operator()(const HostPoolParams& p) const {
    return std::make_unique<HostPool>(id, spec.name, p);
  }
  std::unique_ptr<Component> operator()(const ServiceParams& p) const {
    return std::make_unique<Service>(id, spec.kind, p);
  }
  std::unique_ptr<Component> operator()(const DatabaseParams& p) const {
    return std::make_unique<Database>(id, p);
  }
  std::unique_ptr<Component> operator()(const ControlPlaneParams& p) const {
    return std::make_unique<ControlPlane>(id, p);
  }
};

struct MakeStrategy {
  std::unique_ptr<RecoveryStrategy> operator()(const WaitForRepairSpec&) const {
    return std::make_unique<WaitForRepair>();
  }
  std::unique_ptr<RecoveryStrategy> operator()(const StandbySpec& s) const {
    return std::make_unique<StandbyFailover>(s);
  }
  std::unique_ptr<RecoveryStrategy> operator()(const ActiveActiveSpec& s) const {
    return std::make_unique<ActiveActive>(s);
  }
  std::unique_ptr<RecoveryStrategy> operator()(const LaunchSpec& s) const {
    return std::make_unique<CapacityLaunch>(s);
  }
};

}  // namespace

std::unique_ptr<RecoveryStrategy> make_strategy(const StrategySpec& spec) {
  return std::visit(MakeStrategy{}, spec);
}

std::vector<std::unique_ptr<Component>> build_components(const ScenarioSpec& spec) {
  std::vector<std::unique_ptr<Component>> components;
  components.reserve(spec.vertex_count());
  for (ComponentId id = 0; id < spec.components.size(); ++id) {
    components.push_back(std::visit(MakeComponent{spec.components[id], id}, spec.components[id].params));
  }
  for (const TenantSpec& t : spec.tenants) {
    for (const TenantFunctionSpec& f : t.functions) {
      assert(f.id == components.size());
      // A strategy without recovery steps of its own takes the function's, here rather than only in the
      // loader, so that a replication's drawn steps reach the strategy too.
      // Waiting for repair has no steps of its own and no state: most functions need neither a copy of the
      // strategy nor an object (TenantFunction takes none as waiting for repair).
      std::unique_ptr<RecoveryStrategy> made;
      std::string name;
      if (!std::holds_alternative<WaitForRepairSpec>(f.strategy.get())) {
        StrategySpec strategy = f.strategy.get();
        inherit_recovery(strategy, f.recovery);
        made = make_strategy(strategy);
        name = t.name + "/" + f.name;
      }
      components.push_back(std::make_unique<TenantFunction>(f.id, f, std::move(made), std::move(name)));
    }
  }
  for (const TenantSpec& t : spec.tenants) {
    assert(t.id == components.size());
    assert(!t.functions.empty() && t.functions.back().id - t.functions.front().id + 1 == t.functions.size());
    components.push_back(std::make_unique<Tenant>(t.id, t.functions.front().id,
                                                  static_cast<std::uint32_t>(t.functions.size())));
  }

  // Rooms exchange heat and cooling with their pools and plant directly, not through states.
  std::vector<std::vector<HostPool*>> pools_of_room(spec.components.size());
  for (ComponentId id = 0; id < spec.components.size(); ++id) {
    if (const auto* p = std::get_if<HostPoolParams>(&spec.components[id].params)) {
      auto* pool = static_cast<HostPool*>(components[id].get());
      pool->wire(static_cast<ThermalRoom&>(*components[p->room]));
      pools_of_room[p->room].push_back(pool);
    }
  }
  for (ComponentId id = 0; id < spec.components.size(); ++id) {
    if (const auto* r = std::get_if<RoomParams>(&spec.components[id].params)) {
      static_cast<ThermalRoom*>(components[id].get())
          ->wire(static_cast<CoolingPlant&>(*components[r->cooling_plant]), std::move(pools_of_room[id]));
    }
  }
  // Rooms time the crossings of the temperatures that triggers watch.
  const auto watch = [&](const std::vector<TriggerSpec>& triggers) {
    for (const TriggerSpec& when : triggers) {
      if (when.source != TriggerSpec::Source::kComponent || !is_temperature_event(when.event)) continue;
      if (when.component < spec.components.size() &&
          std::holds_alternative<RoomParams>(spec.components[when.component].params))
        static_cast<ThermalRoom*>(components[when.component].get())
            ->watch_temperature(when.threshold_c, when.event == TriggerEvent::kAboveC);
    }
  };
  for (const InjectionSpec& injection : spec.injections) {
    watch(injection.when);
    watch(injection.cancel_when);
  }
  for (const RepairSpec& repair : spec.repairs) {
    watch(repair.when);
    watch(repair.cancel_when);
  }
  return components;
}

}  // namespace outagesim::models
