// Names of actions and the table of which component kinds take them.
#include "models/core/action.hpp"

#include <array>

namespace outagesim::models {

namespace {
constexpr std::array kAll = {
    Action::kFail,        Action::kRepair,          Action::kVoltageSag,      Action::kFailChillers,
    Action::kLoopAirlock, Action::kSwitchToStandby, Action::kRestoreChillers, Action::kAuxiliaryCooling,
    Action::kPowerOff,    Action::kPowerOn,         Action::kClearDamage,     Action::kShedLoad,
    Action::kSwitchOver,  Action::kSetCapacity,     Action::kDischarge,       Action::kDamageHosts,
    Action::kFlood,
};
}  // namespace

std::string_view action_name(Action action) {
  switch (action) {
    case Action::kFail:
      return "fail";
    case Action::kRepair:
      return "repair";
    case Action::kVoltageSag:
      return "voltage_sag";
    case Action::kFailChillers:
      return "fail_chillers";
    case Action::kLoopAirlock:
      return "loop_airlock";
    case Action::kSwitchToStandby:
      return "switch_to_standby";
    case Action::kRestoreChillers:
      return "restore_chillers";
    case Action::kAuxiliaryCooling:
      return "auxiliary_cooling";
    case Action::kPowerOff:
      return "power_off";
    case Action::kPowerOn:
      return "power_on";
    case Action::kClearDamage:
      return "clear_damage";
    case Action::kDischarge:
      return "discharge";
    case Action::kDamageHosts:
      return "damage_hosts";
    case Action::kFlood:
      return "flood";
    case Action::kShedLoad:
      return "shed_load";
    case Action::kSwitchOver:
      return "switch_over";
    case Action::kSetCapacity:
      return "set_capacity";
  }
  return "?";
}

std::span<const Action> all_actions() {
  return kAll;
}

std::optional<Action> parse_action(std::string_view name) {
  for (const Action a : kAll) {
    if (action_name(a) == name) return a;
  }
  return std::nullopt;
}

bool accepts(ComponentKind kind, Action action) {
  switch (action) {
    case Action::kFail:
    case Action::kRepair:
    case Action::kVoltageSag:
      return kind != ComponentKind::kTenant && kind != ComponentKind::kTenantFunction;
    case Action::kFailChillers:
    case Action::kLoopAirlock:
    case Action::kSwitchToStandby:
    case Action::kRestoreChillers:
      return kind == ComponentKind::kCoolingPlant;
    case Action::kPowerOff:
    case Action::kPowerOn:
      return kind == ComponentKind::kRoom || kind == ComponentKind::kHostPool;
    case Action::kAuxiliaryCooling:
    case Action::kClearDamage:
    case Action::kDischarge:
    case Action::kFlood:
      return kind == ComponentKind::kRoom;
    case Action::kShedLoad:
    case Action::kDamageHosts:
      return kind == ComponentKind::kHostPool;
    case Action::kSwitchOver:
      return kind == ComponentKind::kDatabase;
    case Action::kSetCapacity:
      return is_generic_service(kind) || kind == ComponentKind::kRoom;
  }
  return false;
}

std::string_view amount_key(Action action) {
  switch (action) {
    case Action::kFailChillers:
    case Action::kRestoreChillers:
      return "count";
    case Action::kAuxiliaryCooling:
      return "kw";
    case Action::kVoltageSag:
      return "duration";
    case Action::kSetCapacity:
    case Action::kDamageHosts:
      return "share";
    default:
      return {};
  }
}

}  // namespace outagesim::models
