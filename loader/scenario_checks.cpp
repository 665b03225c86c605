// Whole-scenario checks, once every section read cleanly: capacities a room or plant cannot carry, and
// dependency cycles.
#include <fmt/format.h>

#include <algorithm>

#include "loader/scenario_reader.hpp"
#include "models/core/dependency_graph.hpp"
#include "models/facility/thermal_room.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

void ScenarioReader::check_capacities() {
  std::vector<double> room_load(spec_.components.size(), 0.0);
  std::vector<double> plant_demand(spec_.components.size(), 0.0);
  for (m::ComponentId id = 0; id < spec_.components.size(); ++id) {
    const auto& c = spec_.components[id];
    if (const auto* pool = std::get_if<m::HostPoolParams>(&c.params)) {
      room_load[pool->room] += pool->hosts * pool->kw_per_host;
      const auto& room = std::get<m::RoomParams>(spec_.components[pool->room].params);
      if (pool->shutdown_c && *pool->shutdown_c - pool->shutdown_spread_c / 2 <= room.alarm_c) {
        sink_.error(
            component_marks_[id],
            fmt::format("host pool '{}' shuts down from {} °C, not above the alarm_c {} °C of room '{}'",
                        c.name, *pool->shutdown_c - pool->shutdown_spread_c / 2, room.alarm_c,
                        spec_.components[pool->room].name),
            "shutdown_c - shutdown_spread_c / 2 above the room's alarm_c (hosts restart only below alarm_c)");
      }
      if (pool->rated_c && *pool->rated_c <= room.setpoint_c) {
        sink_.error(
            component_marks_[id],
            fmt::format("host pool '{}' is rated to {} °C, not above the setpoint_c {} °C of room '{}'",
                        c.name, *pool->rated_c, room.setpoint_c, spec_.components[pool->room].name),
            "rated_c above the room's setpoint_c");
      }
    }
    if (const auto* room = std::get_if<m::RoomParams>(&c.params))
      plant_demand[room->cooling_plant] += room->design_cooling_kw;
  }
  for (m::ComponentId id = 0; id < spec_.components.size(); ++id) {
    const auto& c = spec_.components[id];
    if (const auto* room = std::get_if<m::RoomParams>(&c.params)) {
      // The model's own rule, so that whatever loads can also restart its hosts, in the room's coolest
      // air. Outside air above the setpoint does not count against the design: a heatwave that beats the
      // cooling is a scenario to simulate, not an input error.
      const double load = room->base_load_kw + room_load[id];
      const double design_outside_c = std::min(room->setpoint_c, room->outside.lowest_c());
      if (!m::room_can_carry(*room, design_outside_c, load, room->design_cooling_kw)) {
        const double removes =
            room->design_cooling_kw + room->heat_loss_kw_per_c * (room->setpoint_c - design_outside_c);
        sink_.error(component_marks_[id],
                    fmt::format("room '{}' cannot hold its setpoint at full load: its equipment gives {} kW, "
                                "its cooling and heat loss remove {} kW",
                                c.name, load, removes),
                    "design_cooling_kw at least the room's base load plus its host pools' power");
      }
    }
    if (const auto* plant = std::get_if<m::CoolingPlantParams>(&c.params)) {
      const double capacity = plant->chillers * plant->chiller_kw;
      if (plant_demand[id] > capacity + 1e-9) {
        sink_.error(component_marks_[id],
                    fmt::format("rooms cooled by '{}' are designed for {} kW but its chillers give {} kW",
                                c.name, plant_demand[id], capacity),
                    "chillers x chiller_kw at least the sum of its rooms' design_cooling_kw");
      }
    }
  }
}

void ScenarioReader::check_cycles() {
  const m::DependencyGraph graph(spec_.vertex_count(), m::dependency_edges(spec_));
  const std::vector<m::ComponentId> cycle = graph.find_cycle();
  if (cycle.empty()) return;
  std::vector<std::string> names;
  for (const m::ComponentId id : cycle) names.push_back(m::vertex_name(spec_, id));
  YAML::Mark at;
  if (cycle.front() < component_marks_.size()) {
    at = component_marks_[cycle.front()];
  } else {
    for (std::size_t t = 0; t < spec_.tenants.size(); ++t) {
      const auto& tenant = spec_.tenants[t];
      bool mine = tenant.id == cycle.front();
      for (const auto& f : tenant.functions) mine = mine || f.id == cycle.front();
      if (mine) at = tenant_marks_[t];
    }
  }
  sink_.error(at, fmt::format("dependency cycle: {}", fmt::join(names, " -> ")),
              "dependencies that form no cycle");
}

}  // namespace outagesim::loader
