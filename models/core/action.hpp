// Scripted faults and operator actions: what can be done to which kind of component.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "models/core/component_kind.hpp"

namespace outagesim::models {

enum class Action : std::uint8_t {
  kFail,              // any component: forced down until repaired
  kRepair,            // any component: lifts kFail
  kVoltageSag,        // any component: down for `duration` (ms in the amount), then back by itself
  kFailChillers,      // cooling plant: `count` primary chillers stop
  kLoopAirlock,       // cooling plant: air in the chilled-water loop stops every chiller on it
  kSwitchToStandby,   // cooling plant: operator brings standby chillers in (fails on an air-locked shared
                      // loop)
  kRestoreChillers,   // cooling plant: `count` primary chillers run again
  kAuxiliaryCooling,  // room: `kw` of temporary cooling added (negative removes)
  kPowerOff,     // room: operator cuts power; host pool: operator shuts the hosts down and keeps them off
  kPowerOn,      // room, host pool: lifts kPowerOff
  kClearDamage,  // room: sprinkler damage repaired and checked; the room may be powered again
  kShedLoad,     // host pool: operator shuts the hosts down to shed heat
  kSwitchOver,   // database: operator moves service to the other site now
  kSetCapacity,  // generic service: `share` (0..1) of its own nodes serve from now on; room: `share` of its
                 // plant's cooling that reaches it (air handlers, a valve)
  kDischarge,    // room: fire suppression discharges now (smoke detection, a false alarm, a manual release)
  kDamageHosts,  // host pool: a `share` of its hosts is destroyed (a surge, a flood): replaced as heat damage
                 // is
  kFlood,        // room: water in the hall from outside its fire suppression (a leak, a burst pipe, a roof):
                 // power lost, damaged and sealed as by a water discharge, whatever its suppression
};

std::string_view action_name(Action action);
std::span<const Action> all_actions();
std::optional<Action> parse_action(std::string_view name);
// Whether the action applies to components of this kind.
bool accepts(ComponentKind kind, Action action);
// The scenario key of the action's argument ("count", "kw", "duration": milliseconds in the amount), or
// empty when it takes none.
std::string_view amount_key(Action action);

}  // namespace outagesim::models
