// What an operator action or a repair waits for: a component's change of state (or a room's cooling and
// re-entry), the outside air reaching a temperature, or the end of a repair or of one of its stages. Plain
// values the loader fills; matching a journal record against a trigger is the one rule both the triggers and
// the stage waits use.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "models/core/state_change.hpp"
#include "models/facility/outside_air.hpp"

namespace outagesim::models {

enum class TriggerEvent : std::uint8_t {
  kEntersDown,      // becomes down
  kEntersDegraded,  // becomes degraded
  kLeavesUp,        // leaves the up state
  kReturnsUp,       // becomes up after having been down since it was last up
  kRecovers,        // becomes up, from degraded or down
  kLeavesDown,      // becomes degraded or up, from down (serves again, perhaps in part)
  kCooled,          // room: temperature fell back below its alarm threshold
  kAccessible,      // room: people may enter again after a fire-suppression discharge
  kDischarged,      // room: its fire suppression discharged (the hall is sealed)
  kAboveC,          // room: temperature rose to threshold_c (triggers only, not stage waits)
  kBelowC,          // room: temperature fell to threshold_c (triggers only, not stage waits)
  kDone,            // repair or stage: finished
};

std::string_view trigger_event_name(TriggerEvent event);
std::optional<TriggerEvent> parse_trigger_event(std::string_view name);
// The events a component can give that a stage may wait for (every event but the temperature crossings and
// kDone).
std::span<const TriggerEvent> component_trigger_events();
// Whether the event is a room's temperature crossing, which takes a threshold.
bool is_temperature_event(TriggerEvent event);

struct TriggerSpec {
  // kWeather: the scenario's outside air (kAboveC, kBelowC with threshold_c).
  enum class Source : std::uint8_t { kComponent, kRepair, kStage, kWeather };
  Source source = Source::kComponent;
  ComponentId component = kNoComponent;  // kComponent
  TriggerEvent event = TriggerEvent::kEntersDown;
  std::uint32_t repair = 0;  // kRepair, kStage: index into ScenarioSpec::repairs
  std::uint32_t stage = 0;   // kStage: index into that repair's stages
  double threshold_c = 0;    // kAboveC, kBelowC: the room's (or outside air's) temperature watched
  // Set only by the held-up what-if (scenario/held_up.hpp), on a stage's wait for the held component's
  // return (returns_up, recovers): met while the component is up, since it never left.
  bool met_while_up = false;
};

// Whether the journal record is an occurrence of `event` on its component; `down_since_up` says whether the
// component was down at some point since it was last up (returns_up needs it).
bool matches(TriggerEvent event, const StateChange& change, bool down_since_up);
// The same for a trigger, whose temperature crossings match only the threshold it watches.
bool matches(const TriggerSpec& trigger, const StateChange& change, bool down_since_up);
// Whether an occurrence of `event` earlier in this instant still stands, its component having been in
// `before` when the instant's changes began and being in `now`: changes undone within the instant (a fault
// and a repair at the same moment) were no outage, and no return either. Room events (cooled, accessible)
// stand once they happen.
bool still_holds(TriggerEvent event, State before, State now);
// When the outside air (piecewise constant, `steps` as OutsideAir keeps them: the first at 0) first crosses
// the trigger's temperature the trigger's way: rising from below c to c or above (kAboveC), or falling
// from above c to c or below (kBelowC). Air that starts past c has not crossed it. never() if it does not.
sim::Time weather_crossing(const TriggerSpec& trigger, const OutsideAir& air);
// Every such crossing, in time order.
std::vector<sim::Time> weather_crossings(const TriggerSpec& trigger, const OutsideAir& air);
// Whether the outside air at `t` is at or above (kAboveC) or at or below (kBelowC) the trigger's c: a
// stage's wait for the weather is a state.
bool weather_holds(const TriggerSpec& trigger, const OutsideAir& air, sim::Time t);

}  // namespace outagesim::models
