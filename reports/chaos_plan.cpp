// Fault-to-injection mapping of reports/chaos_plan.hpp: by the fault's action and its target's kind.
#include "reports/chaos_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>
#include <variant>

#include "reports/clock_format.hpp"

namespace outagesim::reports {

namespace {

using models::Action;
using models::ComponentKind;

// A whole component out of service, as the real world can cause it; none for kinds with no managed
// fault action.
std::optional<ChaosKind> outage_of(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::kCompute:
    case ComponentKind::kHostPool:
      return ChaosKind::kStopInstances;
    case ComponentKind::kRoom:
    case ComponentKind::kPowerFeed:
      return ChaosKind::kPowerInterruption;
    case ComponentKind::kNetwork:
    case ComponentKind::kLoadBalancer:
      return ChaosKind::kDisruptNetwork;
    case ComponentKind::kObjectStorage:
      return ChaosKind::kDisruptObjectStorage;
    case ComponentKind::kBlockStorage:
      return ChaosKind::kPauseVolumeIo;
    case ComponentKind::kDatabase:
      return ChaosKind::kFailoverDatabase;
    case ComponentKind::kControlPlane:
      return ChaosKind::kApiUnavailable;
    default:
      return std::nullopt;
  }
}

struct Mapping {
  std::optional<ChaosKind> kind;
  std::string reason;  // when there is no kind
  // A repair written among the faults: it ends a fault (that step's duration), it injects nothing.
  bool lifts = false;
};

Mapping map_fault(ComponentKind target, Action action) {
  switch (action) {
    case Action::kFail:
    case Action::kVoltageSag:
    case Action::kPowerOff:
    case Action::kShedLoad:
    case Action::kSwitchOver:
      if (const auto kind = outage_of(target)) return {kind, {}};
      if (target == ComponentKind::kCoolingPlant) {
        return {std::nullopt, "a cooling plant has no real-world fault injection"};
      }
      return {std::nullopt, fmt::format("no managed fault action stops a {}; use its own tooling",
                                        models::kind_name(target))};
    case Action::kFailChillers:
    case Action::kLoopAirlock:
    case Action::kAuxiliaryCooling:
      return {std::nullopt, "a thermal fault has no real-world fault injection"};
    case Action::kDischarge:
      return {std::nullopt, "a fire-suppression discharge has no real-world fault injection"};
    case Action::kFlood:
      return {std::nullopt, "water in a hall has no real-world fault injection"};
    case Action::kDamageHosts:
      return {std::nullopt, "destroyed hardware has no real-world fault injection"};
    case Action::kSetCapacity:
      return {std::nullopt, "a share of capacity has no single real-world action"};
    case Action::kRepair:
    case Action::kPowerOn:
    case Action::kRestoreChillers:
    case Action::kSwitchToStandby:
    case Action::kClearDamage:
      return {std::nullopt, {}, true};
  }
  return {std::nullopt, "unknown action"};
}

// How long `id` stays out of the up state from `at` on in the run: its interval that holds `at` or
// begins first after it, to that interval's end.
sim::Time held_for(const models::RunResult& result, models::ComponentId id, sim::Time at) {
  for (const models::Interval& interval : result.intervals[id]) {
    if (interval.end > at) return interval.end - std::max(interval.start, at);
  }
  return sim::Time();
}

// The component's zone; a host pool's is its room's when it names none.
std::string zone_of(const models::ScenarioSpec& spec, models::ComponentId id) {
  const models::ComponentSpec& component = spec.components[id];
  if (!component.zone.empty()) return component.zone;
  if (const auto* pool = std::get_if<models::HostPoolParams>(&component.params)) {
    if (pool->room != models::kNoComponent) return spec.components[pool->room].zone;
  }
  return {};
}

}  // namespace

std::string_view chaos_kind_name(ChaosKind kind) {
  switch (kind) {
    case ChaosKind::kStopInstances:
      return "stop_instances";
    case ChaosKind::kPowerInterruption:
      return "power_interruption";
    case ChaosKind::kDisruptNetwork:
      return "disrupt_network";
    case ChaosKind::kDisruptObjectStorage:
      return "disrupt_object_storage";
    case ChaosKind::kPauseVolumeIo:
      return "pause_volume_io";
    case ChaosKind::kFailoverDatabase:
      return "failover_database";
    case ChaosKind::kApiUnavailable:
      return "api_unavailable";
  }
  return "unknown";
}

ChaosPlan plan_chaos(const models::ScenarioSpec& spec, const models::RunResult& result) {
  ChaosPlan plan;
  std::set<models::ComponentId> targeted;
  for (std::size_t i = 0; i < spec.injections.size(); ++i) {
    const models::InjectionSpec& injection = spec.injections[i];
    if (!injection.is_fault) continue;
    const models::ComponentSpec& target = spec.components[injection.target];
    const std::string action(models::action_name(injection.action));
    const Mapping mapping = map_fault(target.kind, injection.action);
    if (mapping.lifts) continue;
    const sim::Time at = result.injection_applied_at[i];
    if (at.is_never()) {
      plan.unmapped.push_back({target.name, action, "it never applied in the run (its trigger never came)"});
      continue;
    }
    if (!mapping.kind) {
      plan.unmapped.push_back({target.name, action, mapping.reason});
      continue;
    }
    const bool one_off = *mapping.kind == ChaosKind::kFailoverDatabase;
    plan.steps.push_back({*mapping.kind, target.name, zone_of(spec, injection.target), at,
                          one_off ? sim::Time() : held_for(result, injection.target, at),
                          fmt::format("fault: {} {} at {}", action, target.name, local_clock(spec, at)),
                          false});
    targeted.insert(injection.target);
  }

  // Whether the mapped steps reproduce what the run did: not when a fault is unmapped, and not when the
  // run keeps facility components down past the mapped steps' end (a two-second voltage sag that trips the
  // chillers and takes halls down for hours maps to a one-minute power interruption).
  sim::Time mapped_end;
  for (const ChaosStep& step : plan.steps) mapped_end = std::max(mapped_end, step.at + step.duration);
  const bool all_mapped = plan.unmapped.empty();
  {
    // Where the unmappable causes land: facility components the run takes down. A host pool whose room
    // is already down by then follows from the room's step.
    std::vector<std::optional<sim::Time>> first_down(spec.components.size());
    for (models::ComponentId id = 0; id < spec.components.size(); ++id) {
      for (const models::Interval& interval : result.intervals[id]) {
        if (interval.state == models::State::kDown) {
          first_down[id] = interval.start;
          break;
        }
      }
    }
    // Whether the run's outage of `id` from its first time down lies within what the mapped steps do.
    const auto within_mapped = [&](models::ComponentId id) {
      return all_mapped && *first_down[id] + held_for(result, id, *first_down[id]) <= mapped_end;
    };
    for (models::ComponentId id = 0; id < spec.components.size(); ++id) {
      const models::ComponentSpec& component = spec.components[id];
      const bool facility = component.kind == ComponentKind::kRoom ||
                            component.kind == ComponentKind::kPowerFeed ||
                            component.kind == ComponentKind::kHostPool;
      if (!facility || !first_down[id] || targeted.contains(id)) continue;
      if (const auto* pool = std::get_if<models::HostPoolParams>(&component.params)) {
        // Its room's step stops it too, when the room has one (a fault's, or a predicted one kept).
        const models::ComponentId room = pool->room;
        if (room != models::kNoComponent && first_down[room] && *first_down[room] <= *first_down[id] &&
            (targeted.contains(room) || !within_mapped(room)))
          continue;
      }
      const sim::Time at = *first_down[id];
      const sim::Time held = held_for(result, id, at);
      if (within_mapped(id)) continue;
      plan.steps.push_back({*outage_of(component.kind), component.name, zone_of(spec, id), at, held,
                            fmt::format("predicted: {} down at {}", component.name, local_clock(spec, at)),
                            true});
      if (all_mapped) ++plan.outlasting;
    }
  }
  for (ChaosStep& step : plan.steps) step.returns = step.at + step.duration < spec.horizon;
  std::stable_sort(plan.steps.begin(), plan.steps.end(),
                   [](const ChaosStep& a, const ChaosStep& b) { return a.at < b.at; });
  return plan;
}

std::string unmapped_text(const ChaosPlan& plan) {
  std::string text;
  for (const UnmappedFault& fault : plan.unmapped) {
    text += fmt::format("unmapped: {} {}: {}\n", fault.component, fault.action, fault.reason);
  }
  if (plan.outlasting > 0) {
    text += fmt::format(
        "predicted: {} component{} the run keeps down past the mapped faults' end, added as steps (the "
        "mapped "
        "faults alone would not reproduce {})\n",
        plan.outlasting, plan.outlasting == 1 ? "" : "s", plan.outlasting == 1 ? "it" : "them");
  }
  return text;
}

std::string iso_duration(sim::Time d) {
  std::int64_t s = std::max<std::int64_t>(0, d.floor_seconds());
  const std::int64_t h = s / 3600;
  const std::int64_t m = s % 3600 / 60;
  s %= 60;
  std::string text = "PT";
  if (h > 0) text += fmt::format("{}H", h);
  if (m > 0) text += fmt::format("{}M", m);
  if (s > 0 || (h == 0 && m == 0)) text += fmt::format("{}S", s);
  return text;
}

}  // namespace outagesim::reports
