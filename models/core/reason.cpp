// Short names of reasons, used in reports and JSON.
#include "models/core/reason.hpp"

namespace outagesim::models {

std::string_view reason_name(Reason reason) {
  switch (reason) {
    case Reason::kFault:
      return "fault";
    case Reason::kOperatorAction:
      return "operator action";
    case Reason::kRepaired:
      return "repaired";
    case Reason::kDependency:
      return "dependency";
    case Reason::kCoolingCapacity:
      return "cooling capacity";
    case Reason::kOverheating:
      return "overheating";
    case Reason::kCooledDown:
      return "cooled down";
    case Reason::kSprinkler:
      return "sprinklers fired";
    case Reason::kFlooded:
      return "water in the room";
    case Reason::kDataLost:
      return "data lost";
    case Reason::kDamageCleared:
      return "damage checks done";
    case Reason::kReentryAllowed:
      return "re-entry allowed";
    case Reason::kPowerLost:
      return "power lost";
    case Reason::kPowerRestored:
      return "power restored";
    case Reason::kThermalShutdown:
      return "thermal shutdown";
    case Reason::kShedByOperator:
      return "shed by operator";
    case Reason::kRoomPowerLost:
      return "room power lost";
    case Reason::kRestarted:
      return "restarted";
    case Reason::kHeatDamage:
      return "heat damage";
    case Reason::kHostsDestroyed:
      return "hosts destroyed";
    case Reason::kHostsReplaced:
      return "hosts replaced";
    case Reason::kRecovered:
      return "recovered";
    case Reason::kSwitchover:
      return "switchover";
    case Reason::kThrottled:
      return "throttled";
    case Reason::kCapacityLost:
      return "capacity lost";
    case Reason::kCapacityRestored:
      return "capacity restored";
    case Reason::kFailover:
      return "failover";
    case Reason::kChillerTrip:
      return "chillers tripped";
    case Reason::kChillerAutoRestart:
      return "chillers restarted automatically";
    case Reason::kChillerRetrip:
      return "chiller tripped again";
    case Reason::kControlLost:
      return "cooling control lost";
    case Reason::kControlRestored:
      return "cooling control restored";
    case Reason::kStorageSpent:
      return "chilled-water storage spent";
    case Reason::kOutsideAir:
      return "outside air";
    case Reason::kPartialCapacity:
      return "partial capacity";
    case Reason::kRebuilding:
      return "rebuilding";
    case Reason::kRebuilt:
      return "rebuilt";
    case Reason::kTrafficSteered:
      return "traffic steered away";
    case Reason::kTemperatureRose:
      return "temperature rose";
    case Reason::kTemperatureFell:
      return "temperature fell";
    case Reason::kHostsRestartable:
      return "hosts may restart";
    case Reason::kRecoveryStarted:
      return "recovery steps began";
    case Reason::kRecoveryStopped:
      return "recovery steps stopped";
    case Reason::kAwaitingCooling:
      return "awaiting cooling";
    case Reason::kDemandFell:
      return "demand fell";
    case Reason::kHeldOff:
      return "held off";
  }
  return "?";
}

}  // namespace outagesim::models
