// Why a component changed state. Each StateChange carries one reason plus a numeric detail whose meaning
// the reason fixes (see the comment on each); reports turn the pair into words.
#pragma once

#include <cstdint>
#include <string_view>

namespace outagesim::models {

enum class Reason : std::uint8_t {
  kFault,            // a scripted fault forced the component down
  kOperatorAction,   // a scripted operator action changed it directly
  kRepaired,         // a scripted repair lifted a forced fault
  kDependency,       // it follows a dependency's state (the blamed component)
  kCoolingCapacity,  // cooling plant: detail = chillers running
  kOverheating,      // room: temperature reached its alarm threshold; detail = °C
  kCooledDown,       // room: temperature fell below its alarm threshold; detail = °C
  kSprinkler,        // room: fire sprinklers fired; detail = °C
  kDamageCleared,    // room: post-sprinkler checks done, room powered again
  kReentryAllowed,   // room: people may enter again after a fire-suppression discharge
  kPowerLost,        // room: power requirement lost and UPS exhausted
  kPowerRestored,    // room: power requirement back
  kThermalShutdown,  // host pool: protective shutdown; detail = room °C
  kShedByOperator,   // host pool: operator shut it down to shed heat
  kRoomPowerLost,    // host pool: its room lost power
  kRestarted,        // host pool: (a batch) powered on and checked; detail = share serving (0..1)
  kHeatDamage,       // host pool: heat-damaged hosts found; detail = hosts
  kHostsDestroyed,   // host pool: a damage_hosts action destroyed hosts (injection: it); detail = hosts
  kHostsReplaced,    // host pool: damaged hosts replaced; detail = share of hosts serving (0..1)
  kRecovered,     // recovery steps after the dependencies returned are done; detail = share served (0: whole)
  kSwitchover,    // database/strategy: now served from another site
  kThrottled,     // control plane: demand above capacity; detail = availability (0..1)
  kCapacityLost,  // control plane: no capacity left
  kCapacityRestored,    // control plane: demand within capacity again
  kFailover,            // tenant function: served by its recovery strategy's site
  kChillerTrip,         // cooling plant: its power was lost (a sag or an outage); detail = chillers running
  kChillerAutoRestart,  // cooling plant: tripped chillers restarted by themselves; detail = chillers running
  kChillerRetrip,       // cooling plant: an auto-restarted chiller tripped again; detail = chillers running
  kControlLost,         // cooling plant: its control system went down; detail = chillers running
  kControlRestored,     // cooling plant: its control system returned; detail = chillers running
  kStorageSpent,        // cooling plant: chilled-water storage ran out; detail = chillers running
  kPartialCapacity,     // service: serves a share of its normal capacity; detail = the share (0..1)
  kRebuilding,          // storage: re-replicating the data of lost nodes; detail = TB to copy
  kRebuilt,             // storage: the rebuild is done
  kTrafficSteered,      // active-active: health checks noticed a lost site (blamed: what it lost)
  kOutsideAir,          // cooling plant: capacity derated or recovered with the outside air; detail = °C
  kTemperatureRose,     // room: temperature rose to a threshold a trigger watches; detail = °C
  kTemperatureFell,     // room: temperature fell to a threshold a trigger watches; detail = °C
  kHostsRestartable,    // room: its hosts may restart (1) or may not (0): power, below alarm, cooling enough
  kRecoveryStarted,     // service: its recovery steps began (a moment: its needs, or its share, came back)
  kRecoveryStopped,     // service: its recovery steps stopped before their end (a moment: lost again)
  kAwaitingCooling,     // host pool: its room has power again but cannot take its hosts back (cooling short
                        // or still hot); blamed: the plant (or the room); a note, no change of state
  kDemandFell,          // control plane: back within its capacity because its demand fell (an outage,
                        // its surge or its recovery traffic ended), none added; detail = demand, rps
  kHeldOff,             // host pool: its room could take its hosts back, but the operators' power_off holds
                        // them off (injection: it); blamed: the pool; a note, no change of state
  kFlooded,             // room: water in the hall from outside its fire suppression (a flood action)
  kDataLost,            // storage: every copy of its data is gone (blamed: the host pool whose loss was last)
};

std::string_view reason_name(Reason reason);

}  // namespace outagesim::models
