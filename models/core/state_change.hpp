// The journal record of one state change, and the cause a component gives when it changes state.
// Every change names what triggered it (another change, or an injected event), so the records form
// chains back to the injected faults: the raw material of cause reports.
#pragma once

#include <cstdint>
#include <limits>

#include "models/core/reason.hpp"
#include "models/core/state.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

using ComponentId = std::uint32_t;
using ChangeId = std::uint32_t;
using InjectionId = std::uint32_t;

inline constexpr ComponentId kNoComponent = std::numeric_limits<ComponentId>::max();
inline constexpr ChangeId kNoChange = std::numeric_limits<ChangeId>::max();
inline constexpr InjectionId kNoInjection = std::numeric_limits<InjectionId>::max();
// Changes a random failure makes carry an injection id with this bit set and the process's index below
// it, so that cause chains lead back to the process and never to an entry of ScenarioSpec::injections.
inline constexpr InjectionId kRandomFailureBit = 0x8000'0000u;
constexpr bool is_random_failure(InjectionId id) {
  return id != kNoInjection && (id & kRandomFailureBit) != 0;
}

struct Cause {
  Reason reason = Reason::kDependency;
  // The dependency held responsible, and the change of it that led here; kNoComponent/kNoChange when the
  // cause is an injection or the component's own process (a timer).
  ComponentId blamed = kNoComponent;
  ChangeId trigger = kNoChange;
  InjectionId injection = kNoInjection;
  double value = 0.0;  // meaning fixed by `reason`
};

// A journal record. Usually a change of state (from != to); a record with from == to notes a change
// that dependents act on without a change of state (a plant from one chiller to two, a control plane's
// availability), so that causes can point at it.
struct StateChange {
  sim::Time time;
  ComponentId component = kNoComponent;
  State from = State::kUp;
  State to = State::kUp;
  Cause cause;

  bool changes_state() const { return from != to; }
};

}  // namespace outagesim::models
