// Names of trigger events and the rule that matches them against journal records.
#include "models/operations/trigger.hpp"

#include <array>
#include <vector>

namespace outagesim::models {

namespace {
constexpr std::array<std::string_view, 12> kNames = {
    "enters_down", "enters_degraded", "leaves_up",  "returns_up", "recovers", "leaves_down",
    "cooled",      "accessible",      "discharged", "above_c",    "below_c",  "done"};
constexpr std::array<TriggerEvent, 9> kComponentEvents = {
    TriggerEvent::kEntersDown, TriggerEvent::kEntersDegraded, TriggerEvent::kLeavesUp,
    TriggerEvent::kReturnsUp,  TriggerEvent::kRecovers,       TriggerEvent::kLeavesDown,
    TriggerEvent::kCooled,     TriggerEvent::kAccessible,     TriggerEvent::kDischarged};
}  // namespace

std::string_view trigger_event_name(TriggerEvent event) {
  return kNames[static_cast<std::size_t>(event)];
}

std::optional<TriggerEvent> parse_trigger_event(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<TriggerEvent>(i);
  }
  return std::nullopt;
}

std::span<const TriggerEvent> component_trigger_events() {
  return kComponentEvents;
}

bool is_temperature_event(TriggerEvent event) {
  return event == TriggerEvent::kAboveC || event == TriggerEvent::kBelowC;
}

bool matches(TriggerEvent event, const StateChange& change, bool down_since_up) {
  switch (event) {
    case TriggerEvent::kEntersDown:
      return change.changes_state() && change.to == State::kDown;
    case TriggerEvent::kEntersDegraded:
      return change.changes_state() && change.to == State::kDegraded;
    case TriggerEvent::kLeavesUp:
      return change.from == State::kUp && change.to != State::kUp;
    case TriggerEvent::kReturnsUp:
      return change.changes_state() && change.to == State::kUp && down_since_up;
    case TriggerEvent::kRecovers:
      return change.changes_state() && change.to == State::kUp;
    case TriggerEvent::kLeavesDown:
      return change.from == State::kDown && change.to != State::kDown;
    case TriggerEvent::kCooled:
      return change.cause.reason == Reason::kCooledDown;
    case TriggerEvent::kAccessible:
      return change.cause.reason == Reason::kReentryAllowed;
    case TriggerEvent::kDischarged:
      return change.cause.reason == Reason::kSprinkler;
    case TriggerEvent::kAboveC:
      return change.cause.reason == Reason::kTemperatureRose;
    case TriggerEvent::kBelowC:
      return change.cause.reason == Reason::kTemperatureFell;
    case TriggerEvent::kDone:
      return false;  // repairs and stages are not journalled
  }
  return false;
}

bool matches(const TriggerSpec& trigger, const StateChange& change, bool down_since_up) {
  // The room journals each watched threshold it crosses with that threshold as its value, exactly.
  return matches(trigger.event, change, down_since_up) &&
         (!is_temperature_event(trigger.event) || change.cause.value == trigger.threshold_c);
}

bool still_holds(TriggerEvent event, State before, State now) {
  switch (event) {
    case TriggerEvent::kEntersDown:
      return now == State::kDown && before != State::kDown;
    case TriggerEvent::kEntersDegraded:
      return now == State::kDegraded && before != State::kDegraded;
    case TriggerEvent::kLeavesUp:
      return now != State::kUp && before == State::kUp;
    case TriggerEvent::kReturnsUp:
    case TriggerEvent::kRecovers:
      return now == State::kUp && before != State::kUp;
    case TriggerEvent::kLeavesDown:
      return now != State::kDown && before == State::kDown;
    case TriggerEvent::kCooled:
    case TriggerEvent::kAccessible:
    case TriggerEvent::kDischarged:
    case TriggerEvent::kAboveC:
    case TriggerEvent::kBelowC:
    case TriggerEvent::kDone:
      return true;
  }
  return true;
}

std::vector<sim::Time> weather_crossings(const TriggerSpec& trigger, const OutsideAir& air) {
  const bool rising = trigger.event == TriggerEvent::kAboveC;
  const auto past = [&](double c) { return rising ? c >= trigger.threshold_c : c <= trigger.threshold_c; };
  const std::vector<OutsideAir::Step>& steps = air.steps();
  std::vector<sim::Time> out;
  for (std::size_t i = 1; i < steps.size(); ++i) {
    if (past(steps[i].c) && !past(steps[i - 1].c)) out.push_back(steps[i].from);
  }
  return out;
}

sim::Time weather_crossing(const TriggerSpec& trigger, const OutsideAir& air) {
  const std::vector<sim::Time> all = weather_crossings(trigger, air);
  return all.empty() ? sim::Time::never() : all.front();
}

bool weather_holds(const TriggerSpec& trigger, const OutsideAir& air, sim::Time t) {
  const double c = air.at(t);
  return trigger.event == TriggerEvent::kAboveC ? c >= trigger.threshold_c : c <= trigger.threshold_c;
}

}  // namespace outagesim::models
