// Whole-scenario checks, once every section read cleanly: capacities a room or plant cannot carry, and
// dependency cycles.
#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <string>

#include "loader/scenario_reader.hpp"
#include "models/core/dependency_graph.hpp"
#include "models/facility/cooling_plant.hpp"
#include "models/facility/thermal_room.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

void ScenarioReader::check_capacities() {
  check_capacities(spec_, sink_);
}

void ScenarioReader::check_capacities(const m::ScenarioSpec& spec, DiagnosticSink& sink) const {
  std::vector<double> room_load(spec.components.size(), 0.0);
  std::vector<double> plant_demand(spec.components.size(), 0.0);
  for (m::ComponentId id = 0; id < spec.components.size(); ++id) {
    const auto& c = spec.components[id];
    if (const auto* pool = std::get_if<m::HostPoolParams>(&c.params)) {
      room_load[pool->room] += pool->hosts * pool->kw_per_host;
      const auto& room = std::get<m::RoomParams>(spec.components[pool->room].params);
      if (pool->shutdown_c && *pool->shutdown_c - pool->shutdown_spread_c / 2 <= room.alarm_c) {
        sink.error(
            component_marks_[id],
            fmt::format("host pool '{}' shuts down from {} °C, not above the alarm_c {} °C of room '{}'",
                        c.name, *pool->shutdown_c - pool->shutdown_spread_c / 2, room.alarm_c,
                        spec.components[pool->room].name),
            "shutdown_c - shutdown_spread_c / 2 above the room's alarm_c (hosts restart only below alarm_c)");
      }
      if (pool->rated_c && *pool->rated_c <= room.setpoint_c) {
        sink.error(
            component_marks_[id],
            fmt::format("host pool '{}' is rated to {} °C, not above the setpoint_c {} °C of room '{}'",
                        c.name, *pool->rated_c, room.setpoint_c, spec.components[pool->room].name),
            "rated_c above the room's setpoint_c");
      }
    }
    if (const auto* room = std::get_if<m::RoomParams>(&c.params))
      plant_demand[room->cooling_plant] += room->design_cooling_kw;
  }
  for (m::ComponentId id = 0; id < spec.components.size(); ++id) {
    const auto& c = spec.components[id];
    if (const auto* room = std::get_if<m::RoomParams>(&c.params)) {
      // The model's own rule, so that whatever loads can also restart its hosts, in the room's coolest
      // air. Outside air above the setpoint does not count against the design: a heatwave that beats the
      // cooling is a scenario to simulate, not an input error.
      const double load = room->base_load_kw + room_load[id];
      const double design_outside_c = std::min(room->setpoint_c, room->outside.lowest_c());
      if (!m::room_can_carry(*room, design_outside_c, load, room->design_cooling_kw)) {
        const double removes = room->design_cooling_kw +
                               room->resolved_heat_loss_kw_per_c() * (room->setpoint_c - design_outside_c);
        sink.error(component_marks_[id],
                   fmt::format("room '{}' cannot hold its setpoint at full load: its equipment gives {} kW, "
                               "its cooling and heat loss remove {} kW",
                               c.name, load, removes),
                   "design_cooling_kw at least the room's base load plus its host pools' power");
      }
    }
    if (const auto* plant = std::get_if<m::CoolingPlantParams>(&c.params)) {
      const double capacity = plant->chillers * plant->chiller_kw;
      if (plant_demand[id] > capacity + 1e-9) {
        sink.error(component_marks_[id],
                   fmt::format("rooms cooled by '{}' are designed for {} kW but its chillers give {} kW",
                               c.name, plant_demand[id], capacity),
                   "chillers x chiller_kw at least the sum of its rooms' design_cooling_kw");
      }
    }
  }
  // A plant's ratings too: in its rooms' coolest air (counted as no warmer than the setpoint, as above),
  // with every unit running, each room must hold its setpoint with its share of what the derated chillers
  // give, or a rating typed wrong (10 for 40) reads as an outage the outside air caused (blind trial M).
  for (m::ComponentId id = 0; id < spec.components.size(); ++id) {
    const auto& c = spec.components[id];
    const auto* room = std::get_if<m::RoomParams>(&c.params);
    if (room == nullptr || room->cooling_plant >= spec.components.size()) continue;
    const auto* plant = std::get_if<m::CoolingPlantParams>(&spec.components[room->cooling_plant].params);
    if (plant == nullptr || plant_demand[room->cooling_plant] <= 0) continue;
    const double design_outside_c = std::min(room->setpoint_c, room->outside.lowest_c());
    const double air_c = std::min(room->setpoint_c, plant->outside.lowest_c());
    const double factor = m::chiller_derate_factor(*plant, air_c);
    if (factor >= 1) continue;  // the room's own check above holds
    const double plant_kw = (plant->chillers + plant->standby_chillers) * plant->chiller_kw * factor;
    const double share = std::min(1.0, plant_kw / plant_demand[room->cooling_plant]);
    const double load = room->base_load_kw + room_load[id];
    if (m::room_can_carry(*room, design_outside_c, load, room->design_cooling_kw * share)) continue;
    sink.error(
        component_marks_[room->cooling_plant],
        fmt::format("'{}' cannot cool room '{}' even in its coolest air ({:g} °C): rated to {:g} °C "
                    "outside{}, its chillers give {:.0f} % of their capacity there, and the room's "
                    "{:g} kW of equipment needs more",
                    spec.components[room->cooling_plant].name, c.name, air_c, plant->rated_outside_c,
                    plant->max_outside_c ? fmt::format(" and tripped above {:g} °C", *plant->max_outside_c)
                                         : std::string(),
                    factor * 100, load),
        "a rated_outside_c (and max_outside_c) at or above the coolest outside air, or less derating");
  }
}

namespace {

// The invariants between two numbers that the component readers check on the values as typed, stated
// on a whole spec so that they can be checked again on drawn values.
void check_pairs(const m::ScenarioSpec& spec, DiagnosticSink& sink) {
  for (const auto& c : spec.components) {
    if (const auto* room = std::get_if<m::RoomParams>(&c.params)) {
      if (room->resolved_thermal_mass_kj_per_c() < 1)
        sink.error_without_place(fmt::format("room '{}': thermal mass {} kJ/°C is below 1 kJ/°C", c.name,
                                             room->resolved_thermal_mass_kj_per_c()));
      if (room->resolved_heat_loss_kw_per_c() > 0 && room->resolved_heat_loss_kw_per_c() < 1e-6)
        sink.error_without_place(
            fmt::format("room '{}': heat_loss_kw_per_c {} is neither 0 nor at least 1e-6", c.name,
                        room->resolved_heat_loss_kw_per_c()));
      // The structure: both or neither, each at least the smallest the model computes with.
      const bool mass = room->structure_mass_kj_per_c > 0;
      const bool coupling = room->structure_coupling_kw_per_c > 0;
      if (mass != coupling)
        sink.error_without_place(
            fmt::format("room '{}': {} without {}", c.name,
                        mass ? "structure_mass_kj_per_c" : "structure_coupling_kw_per_c",
                        mass ? "structure_coupling_kw_per_c" : "structure_mass_kj_per_c"));
      else if (mass && (room->structure_mass_kj_per_c < 1 || room->structure_coupling_kw_per_c < 1e-6))
        sink.error_without_place(fmt::format(
            "room '{}': the structure's mass {} kJ/°C or coupling {} kW/°C is below the smallest the model "
            "computes with (1 kJ/°C, 1e-6 kW/°C)",
            c.name, room->structure_mass_kj_per_c, room->structure_coupling_kw_per_c));
      else if (mass && room->structure_mass_kj_per_c / room->structure_coupling_kw_per_c <
                           m::RoomParams::kMinStructureTimeConstantS)
        sink.error_without_place(
            fmt::format("room '{}': the structure's time constant (mass / coupling) is {:.4g} s, under the "
                        "{:.0f} s (1 h) "
                        "the structure node needs",
                        c.name, room->structure_mass_kj_per_c / room->structure_coupling_kw_per_c,
                        m::RoomParams::kMinStructureTimeConstantS));
      if (room->alarm_c <= room->setpoint_c)
        sink.error_without_place(fmt::format("room '{}': alarm_c {} is not above setpoint_c {}", c.name,
                                             room->alarm_c, room->setpoint_c));
      if (room->sprinkler_c && *room->sprinkler_c <= room->alarm_c)
        sink.error_without_place(fmt::format("room '{}': sprinkler_c {} is not above alarm_c {}", c.name,
                                             *room->sprinkler_c, room->alarm_c));
    }
    if (const auto* service = std::get_if<m::ServiceParams>(&c.params);
        service && service->degraded_below < service->down_below) {
      sink.error_without_place(fmt::format("'{}': degraded_below {} is below down_below {}", c.name,
                                           service->degraded_below, service->down_below));
    }
    if (const auto* plant = std::get_if<m::CoolingPlantParams>(&c.params)) {
      if (plant->auto_restart > plant->chillers + plant->standby_chillers ||
          plant->auto_restart_trips > plant->auto_restart)
        sink.error_without_place(fmt::format(
            "plant '{}': {} auto restarts ({} tripping again) of {} chillers", c.name, plant->auto_restart,
            plant->auto_restart_trips, plant->chillers + plant->standby_chillers));
    }
  }
  for (const auto& repair : spec.repairs) {
    for (const auto& stage : repair.stages) {
      if (stage.crew && stage.people > spec.crews[*stage.crew].max_headcount())
        sink.error_without_place(fmt::format(
            "stage '{}' of repair '{}' needs {} people, crew '{}' has at most {}", stage.name, repair.name,
            stage.people, spec.crews[*stage.crew].name, spec.crews[*stage.crew].max_headcount()));
    }
  }
}

// The value an input takes at one end of its range, as a replication would write it.
double end_value(const m::UncertainInput& input, bool high) {
  const double raw = high ? input.distribution.highest() : input.distribution.lowest();
  return std::clamp(m::round_for_unit(raw, input.unit), input.lowest, input.highest);
}

}  // namespace

void ScenarioReader::check_draws() {
  // Inputs are checked one at a time at each end of their range, and (up to kPairs inputs) two at a time
  // at the four corners, against the invariants between numbers: an invariant of two numbers fails, if
  // it can, at some corner of their two ranges. Problems are reported where the distribution is written.
  constexpr std::size_t kPairs = 60;
  const std::vector<m::UncertainInput>& inputs = sink_.inputs();
  if (inputs.empty()) return;
  const auto first_problem = [&](std::span<const std::pair<std::size_t, double>> values) -> std::string {
    m::ScenarioSpec drawn = spec_;
    for (const auto& [i, v] : values) inputs[i].set(drawn, v);
    DiagnosticSink probe(sink_.file());
    check_pairs(drawn, probe);
    check_capacities(drawn, probe);
    return probe.empty() ? std::string() : probe.diagnostics().front().message;
  };
  const auto report = [&](std::size_t i, const std::string& what, const std::string& problem) {
    const m::UncertainInput& input = inputs[i];
    // where is file:line:column; the file may itself hold colons.
    const std::size_t col = input.where.rfind(':');
    const std::size_t line = input.where.rfind(':', col - 1);
    sink_.error_in_file(input.where.substr(0, line), std::stoi(input.where.substr(line + 1, col - line - 1)),
                        std::stoi(input.where.substr(col + 1)),
                        fmt::format("{} can draw {}, and then: {}", input.name, what, problem),
                        "a range (min/max) whose every draw keeps the scenario valid");
  };
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    for (const bool high : {false, true}) {
      const std::pair<std::size_t, double> one[] = {{i, end_value(inputs[i], high)}};
      if (const std::string p = first_problem(one); !p.empty()) {
        report(i, fmt::format("{}", one[0].second), p);
        return;
      }
    }
  }
  if (inputs.size() > kPairs) return;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    for (std::size_t j = i + 1; j < inputs.size(); ++j) {
      for (const bool hi_i : {false, true}) {
        for (const bool hi_j : {false, true}) {
          const std::pair<std::size_t, double> two[] = {{i, end_value(inputs[i], hi_i)},
                                                        {j, end_value(inputs[j], hi_j)}};
          if (const std::string p = first_problem(two); !p.empty()) {
            report(i, fmt::format("{} while {} draws {}", two[0].second, inputs[j].name, two[1].second), p);
            return;
          }
        }
      }
    }
  }
}

void ScenarioReader::check_cycles() {
  // Only components can be on a cycle: nothing depends on a tenant or a function (needs name components),
  // so the check leaves them out, and a million tenants add nothing to it.
  const auto components = static_cast<m::ComponentId>(spec_.components.size());
  std::vector<m::DependencyEdge> edges = m::component_dependency_edges(spec_);
  // A component's needs name components only, but a mistake reported elsewhere must not reach the graph.
  std::erase_if(edges, [&](const m::DependencyEdge& e) {
    return e.dependent >= components || e.dependency >= components;
  });
  const m::DependencyGraph graph(components, edges);
  const std::vector<m::ComponentId> cycle = graph.find_cycle();
  if (cycle.empty()) return;
  std::vector<std::string> names;
  for (const m::ComponentId id : cycle) names.push_back(m::vertex_name(spec_, id));
  sink_.error(component_marks_[cycle.front()], fmt::format("dependency cycle: {}", fmt::join(names, " -> ")),
              "dependencies that form no cycle");
}

void ScenarioReader::lint() {
  // A plant on power whose chillers restart neither by themselves nor by anyone: after any loss of power,
  // even a sag of a second, it gives nothing to the end (blind trial K: a 2 s sag, 12 h dark).
  for (std::size_t i = 0; i < spec_.components.size(); ++i) {
    const auto* plant = std::get_if<m::CoolingPlantParams>(&spec_.components[i].params);
    if (plant == nullptr) continue;
    const bool restored = std::any_of(spec_.injections.begin(), spec_.injections.end(), [i](const auto& inj) {
      return inj.target == i && inj.action == m::Action::kRestoreChillers;
    });
    const YAML::Mark at = i < component_marks_.size() ? component_marks_[i] : YAML::Mark::null_mark();
    // Units that restart by themselves and stay running: those that trip again do not count.
    // On a day that wants no standby unit, at most its primaries restart (review 10).
    const std::uint32_t restarting = std::min(plant->auto_restart, plant->chillers);
    if (!restored && !plant->power.is_empty() && restarting <= plant->auto_restart_trips) {
      sink_.warning(at,
                    fmt::format("plant '{}' takes power, but after a loss of it (even a sag of a second) no "
                                "chiller restarts by itself and stays running ('auto_restart' {}, "
                                "'auto_restart_trips' {}) and nothing restores them ('restore_chillers'): it "
                                "would give no cooling to the end",
                                spec_.components[i].name, plant->auto_restart, plant->auto_restart_trips),
                    "'auto_restart: N' (chillers that restart once power is back), or an action or repair "
                    "stage that restores its chillers");
    }
    // The air past the chillers' high-ambient limit trips them as a power loss does (blind trial M).
    if (plant->max_outside_c) {
      const auto& steps = plant->outside.steps();
      const auto hot = std::find_if(steps.begin(), steps.end(),
                                    [&](const auto& s) { return s.c > *plant->max_outside_c; });
      if (hot == steps.begin()) {
        sink_.warning(
            at,
            fmt::format("plant '{}' starts in outside air of {:g} °C, above its max_outside_c {:g} °C: "
                        "its chillers are tripped from the start",
                        spec_.components[i].name, hot->c, *plant->max_outside_c),
            "a weather that starts within the chillers' limit, or a higher max_outside_c");
      } else if (!restored && hot != steps.end() && plant->auto_restart <= plant->auto_restart_trips) {
        sink_.warning(
            at,
            fmt::format("plant '{}' meets outside air of {:g} °C, above its max_outside_c {:g} °C: its "
                        "chillers trip, and none restarts by itself and stays running ('auto_restart' "
                        "{}) nor is restored ('restore_chillers'): it would give no cooling to the end",
                        spec_.components[i].name, hot->c, *plant->max_outside_c, plant->auto_restart),
            "'auto_restart: N' (chillers that restart once the air is back within the limit), or an "
            "action or repair stage that restores its chillers");
      }
    }
    if (!restored && !plant->control.is_empty() && !plant->control_auto_restart) {
      sink_.warning(at,
                    fmt::format("plant '{}' has 'control_restart: manual', but nothing restores its chillers "
                                "('restore_chillers'): after a loss of its control it would give no cooling "
                                "to the end",
                                spec_.components[i].name),
                    "'control_restart: auto', or an action or repair stage that restores its chillers");
    }
  }
  // Temporary cooling taken away where none was brought in changes nothing (blind trial O: a fire's heat
  // written as a negative auxiliary_cooling, a certain no-op seen only in the run's NO EFFECT list).
  for (std::size_t i = 0; i < spec_.components.size(); ++i) {
    if (!std::holds_alternative<m::RoomParams>(spec_.components[i].params)) continue;
    bool removes = false;
    bool adds = false;
    for (const m::InjectionSpec& inj : spec_.injections) {
      if (inj.target != i || inj.action != m::Action::kAuxiliaryCooling) continue;
      removes = removes || inj.amount < 0;
      adds = adds || inj.amount > 0;
    }
    if (!removes || adds) continue;
    sink_.warning(
        i < component_marks_.size() ? component_marks_[i] : YAML::Mark::null_mark(),
        fmt::format("room '{}' has an auxiliary_cooling that removes temporary cooling (a negative "
                    "kw or design_share), but nothing adds any to it: it has no effect, and adds no "
                    "heat",
                    spec_.components[i].name),
        "a positive auxiliary_cooling before it; for cooling taken from the room, a set_capacity "
        "share on it");
  }
  // A public timeline whose return comes before the first departure it answers cannot be met by any run
  // (blind trial N: "back" at 01:00 and "down" at 03:00 both loaded, even with --strict).
  using Event = m::MilestoneSpec::Event;
  // Only returns that need a down before them (a `recovers` may end a degraded spell that came first, and
  // a first `enters_degraded` may be a partial return), and only when even the tolerances cannot join
  // them (review 11).
  const auto departs = [](Event e) { return e == Event::kEntersDown || e == Event::kLeavesUp; };
  const auto returns = [](Event e) { return e == Event::kReturnsUp || e == Event::kLeavesDown; };
  for (std::size_t a = 0; a < spec_.milestones.size(); ++a) {
    const m::MilestoneSpec& back = spec_.milestones[a];
    if (!back.expected || !returns(back.event)) continue;
    for (const m::MilestoneSpec& down : spec_.milestones) {
      if (down.component != back.component || !down.expected || !departs(down.event) ||
          down.occurrence != m::MilestoneSpec::Occurrence::kFirst ||
          !(*back.expected + back.tolerance < *down.expected - down.tolerance))
        continue;
      sink_.warning(a < milestone_marks_.size() ? milestone_marks_[a] : YAML::Mark::null_mark(),
                    fmt::format("milestone '{}' (a return of {}) is public before milestone '{}' (its first "
                                "departure): a return cannot come first, so no run can meet both",
                                back.name, m::vertex_name(spec_, back.component), down.name),
                    "public times in the order they happened, or the milestones' components and events "
                    "checked");
      break;
    }
  }
}

}  // namespace outagesim::loader
