// Wording of reasons, injections and chains.
#include "reports/cause_text.hpp"

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

#include "models/results/cause_chain.hpp"
#include "reports/clock_format.hpp"
#include "reports/printable_text.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;

namespace {
// A share as a percentage, in whole per cent unless that would round a partial share to 100 % or 0 %:
// "down: serving 100% of capacity" would read as a contradiction (599 hosts of 600 give 99.8%).
std::string percent_of(double share) {
  const double pct = 100 * share;
  int decimals = 0;
  double scale = 1;
  while (decimals < 4) {
    const double shown = std::round(pct * scale) / scale;
    if (!((share < 1 && shown >= 100) || (share > 0 && shown <= 0))) break;
    ++decimals;
    scale *= 10;
  }
  return fmt::format("{:.{}f}%", pct, decimals);
}
// Whether the component's needs pool capacity somewhere: its share is then the members' together, and the
// one named is the member that lost the most of it, not the one serving that share.
bool pools_needs(const m::ScenarioSpec& spec, m::ComponentId id) {
  if (id >= spec.components.size()) return false;
  const auto* service = std::get_if<m::ServiceParams>(&spec.components[id].params);
  if (service == nullptr) return false;
  const auto pooled = [](const auto& self, const m::Requirement& r) -> bool {
    if (r.mode == m::Requirement::Mode::kPooled) return true;
    for (const m::Requirement& child : r.children)
      if (self(self, child)) return true;
    return false;
  };
  return pooled(pooled, service->needs);
}

}  // namespace

std::string describe_wait(m::Wait wait, const std::string& step) {
  switch (wait) {
    case m::Wait::kNothing:
      return "";
    case m::Wait::kDetectionAndDecision:
      return "detection and decision";
    case m::Wait::kDecisionTime:
      return "its clock time ('at')";
    case m::Wait::kStandbyNeeds:
      return "the standby's needs";
    case m::Wait::kFailoverNeeds:
      return "what the switchover needs";
    case m::Wait::kProvisioning:
      return "provisioning from backups";
    case m::Wait::kSwitchover:
      return "switchover and DNS";
    case m::Wait::kSiteNeeds:
      return "the new site's needs";
    case m::Wait::kSiteRecovery:
      return fmt::format("{} on the new site", printable(step));
    case m::Wait::kLaunchThrottled:
      return "launch calls throttled by the control plane";
    case m::Wait::kControlPlaneDown:
      return "launch calls refused: the control plane is down";
    case m::Wait::kTargetDown:
      return "the target zone cannot take instances";
    case m::Wait::kTargetLostAtBoot:
      return "the target zone failed under the booting instances";
    case m::Wait::kImageUnavailable:
      return "the custom image is unavailable: instances launch but cannot boot";
    case m::Wait::kBackupsUnreachable:
      return "backups unreachable";
    case m::Wait::kRestoring:
      return "restoring data from backups";
    case m::Wait::kBooting:
      return "instances booting";
    case m::Wait::kNoSpareCapacity:
      return "no spare capacity left in the target zone (stock-out)";
    case m::Wait::kTooFewSites:
      return "the sites serving cannot carry the load";
    case m::Wait::kSiteDown:
      return "a site's needs";
    case m::Wait::kHealthChecks:
      return "health checks steering traffic away from a failed site";
    case m::Wait::kSiteRejoining:
      return fmt::format("{} on a returning site", printable(step));
    case m::Wait::kDependency:
      return "waited for it to return";
    case m::Wait::kStillDown:
      return "still down at the end";
  }
  return "?";
}

std::string describe_injection(const m::ScenarioSpec& spec, m::InjectionId id, sim::Time applied_at) {
  if (m::is_random_failure(id)) {
    return fmt::format("random failure '{}' at {}", spec.failures[m::random_failure_process(id)].name,
                       local_clock(spec, applied_at));
  }
  const m::InjectionSpec& inj = spec.injections[id];
  std::string text =
      fmt::format("{} {} on {} at {}", inj.is_fault ? "fault" : "operator action", m::action_name(inj.action),
                  spec.components[inj.target].name, local_clock(spec, applied_at));
  if (!inj.note.empty()) text += fmt::format(" ({})", printable(inj.note));
  return text;
}

std::string describe_applied_injection(const m::ScenarioSpec& spec, const m::RunResult& result,
                                       const m::StateChange& c) {
  // When it was applied: a pool powered on (or repaired) comes back after its restart, later.
  if (!m::is_random_failure(c.cause.injection) && c.cause.injection < result.injection_applied_at.size() &&
      !result.injection_applied_at[c.cause.injection].is_never()) {
    sim::Time applied = result.injection_applied_at[c.cause.injection];
    // A standing policy applied several times: the last time at or before this change.
    if (c.cause.injection < result.injection_applications.size()) {
      for (const sim::Time t : result.injection_applications[c.cause.injection]) {
        if (t <= c.time) applied = t;
      }
    }
    return describe_injection(spec, c.cause.injection, applied);
  }
  return describe_injection(spec, c.cause.injection, c.time);
}

std::string describe_reason(const m::ScenarioSpec& spec, const m::RunResult& result,
                            const m::StateChange& c) {
  const auto blamed = [&] {
    return c.cause.blamed == m::kNoComponent ? std::string("?") : m::vertex_name(spec, c.cause.blamed);
  };
  switch (c.cause.reason) {
    case m::Reason::kFault:
    case m::Reason::kOperatorAction:
    case m::Reason::kRepaired:
      if (c.cause.reason == m::Reason::kRepaired && m::is_random_failure(c.cause.injection)) {
        return fmt::format("repaired: random failure '{}' over at {}",
                           spec.failures[m::random_failure_process(c.cause.injection)].name,
                           local_clock(spec, c.time));
      }
      if (c.cause.injection == m::kNoInjection) return std::string(m::reason_name(c.cause.reason));
      // A voltage sag lifts itself: say when it began, and that it is over now.
      if (c.cause.reason == m::Reason::kRepaired && !m::is_random_failure(c.cause.injection) &&
          spec.injections[c.cause.injection].action == m::Action::kVoltageSag &&
          c.cause.injection < result.injection_applied_at.size()) {
        return fmt::format(
            "{}, over at {}",
            describe_injection(spec, c.cause.injection, result.injection_applied_at[c.cause.injection]),
            local_clock(spec, c.time));
      }
      return describe_applied_injection(spec, result, c);
    case m::Reason::kDependency:
      if (c.cause.blamed == m::kNoComponent) return "its needs";
      if (c.to < c.from) {
        // A partial return is blamed on what still holds it back (the latest of the dependencies in its
        // new state). When that one did not change just now, something else came back: say what holds.
        if (c.to != m::State::kUp && c.cause.trigger < result.journal.size()) {
          const m::StateChange& holding = result.journal[c.cause.trigger];
          if (holding.time < c.time) {
            return fmt::format("only in part, {} still {}", blamed(), m::state_name(holding.to));
          }
        }
        return fmt::format("after {} came back", blamed());
      }
      return fmt::format("needs {}", blamed());
    case m::Reason::kCoolingCapacity:
      return fmt::format("{:.0f} chillers running", c.cause.value);
    case m::Reason::kOverheating:
      return fmt::format("overheating at {:.1f} °C", c.cause.value);
    case m::Reason::kCooledDown:
      return fmt::format("cooled below {:.1f} °C", c.cause.value);
    case m::Reason::kSprinkler: {
      const auto* room = c.component < spec.components.size()
                             ? std::get_if<m::RoomParams>(&spec.components[c.component].params)
                             : nullptr;
      const bool gas = room != nullptr && room->suppression == m::RoomParams::Suppression::kGas;
      const std::string what = gas ? "gas fire suppression discharged" : "sprinklers fired";
      if (c.cause.injection != m::kNoInjection && !m::is_random_failure(c.cause.injection) &&
          c.cause.injection < spec.injections.size()) {
        // Set off by hand or a detector, not by the temperature: no temperature is named.
        return fmt::format("{}: {}", what, describe_injection(spec, c.cause.injection, c.time));
      }
      return fmt::format("{} at {:.1f} °C", what, c.cause.value);
    }
    case m::Reason::kDataLost:
      return fmt::format("data lost for good: every copy was on hosts lost for good ({})", blamed());
    case m::Reason::kFlooded:
      if (c.cause.injection != m::kNoInjection && !m::is_random_failure(c.cause.injection) &&
          c.cause.injection < spec.injections.size()) {
        return fmt::format("water in the room: {}", describe_injection(spec, c.cause.injection, c.time));
      }
      return "water in the room";
    case m::Reason::kThermalShutdown:
      return fmt::format("thermal shutdown at {:.1f} °C", c.cause.value);
    case m::Reason::kChillerTrip:
    case m::Reason::kChillerAutoRestart:
    case m::Reason::kChillerRetrip:
    case m::Reason::kControlLost:
    case m::Reason::kControlRestored:
    case m::Reason::kStorageSpent: {
      std::string text = fmt::format("{}, {:.0f} running", m::reason_name(c.cause.reason), c.cause.value);
      if (c.cause.blamed != m::kNoComponent) text += fmt::format(" ({})", blamed());
      return text;
    }
    case m::Reason::kTrafficSteered:
      return c.cause.blamed == m::kNoComponent
                 ? std::string("health checks steered traffic away from the lost site")
                 : fmt::format("health checks steered traffic away from the site that lost {}", blamed());
    case m::Reason::kOutsideAir:
      return fmt::format("outside air at {:.1f} °C", c.cause.value);
    case m::Reason::kTemperatureRose:
      return fmt::format("temperature reached {:.1f} °C", c.cause.value);
    case m::Reason::kTemperatureFell:
      return fmt::format("temperature fell to {:.1f} °C", c.cause.value);
    case m::Reason::kHostsRestartable:
      return c.cause.value > 0.5 ? "powered, below its alarm and cooled enough to restart its hosts"
                                 : "no longer able to restart its hosts";
    case m::Reason::kAwaitingCooling:
      return "its room has power again but cannot take its hosts back";
    case m::Reason::kDemandFell:
      return fmt::format("its demand fell to {:.0f} rps, within its capacity", c.cause.value);
    case m::Reason::kHeldOff:
      if (c.cause.injection == m::kNoInjection || m::is_random_failure(c.cause.injection)) return "held off";
      return fmt::format("its room could take its hosts back, but {} holds them off",
                         describe_applied_injection(spec, result, c));
    case m::Reason::kRecoveryStarted:
      return "its recovery steps began";
    case m::Reason::kRecoveryStopped:
      return "its recovery steps stopped, to start over";
    case m::Reason::kHeatDamage:
      return fmt::format("{:.0f} {} damaged by heat", c.cause.value, c.cause.value == 1.0 ? "host" : "hosts");
    case m::Reason::kHostsDestroyed:
      if (c.cause.injection == m::kNoInjection || m::is_random_failure(c.cause.injection))
        return fmt::format("{:.0f} hosts destroyed", c.cause.value);
      return fmt::format("{:.0f} {} destroyed by {}", c.cause.value, c.cause.value == 1.0 ? "host" : "hosts",
                         describe_applied_injection(spec, result, c));
    case m::Reason::kHostsReplaced:
      return fmt::format("damaged hosts replaced: {} serving", percent_of(c.cause.value));
    case m::Reason::kThrottled:
      return fmt::format("throttled: {} of calls succeed", percent_of(c.cause.value));
    case m::Reason::kPartialCapacity:
      if (c.cause.blamed != m::kNoComponent) {
        if (pools_needs(spec, c.component))
          return fmt::format("serving {} of capacity: {} lost the most of it", percent_of(c.cause.value),
                             blamed());
        return fmt::format("serving {} of capacity: {} serves that share", percent_of(c.cause.value),
                           blamed());
      }
      if (c.cause.injection != m::kNoInjection) {
        // The share cut by an injection earlier still holds (the service came back to it later): name
        // the injection at its own time, not at this record's.
        const bool scripted = !m::is_random_failure(c.cause.injection) &&
                              c.cause.injection < result.injection_applied_at.size();
        return fmt::format(
            "serving {} of capacity: {}", percent_of(c.cause.value),
            describe_injection(spec, c.cause.injection,
                               scripted ? result.injection_applied_at[c.cause.injection] : c.time));
      }
      return fmt::format("serving {} of capacity", percent_of(c.cause.value));
    case m::Reason::kRebuilding:
      return fmt::format("rebuilding the data of lost nodes: {:.0f} TB to copy", c.cause.value);
    case m::Reason::kRecovered: {
      std::string text =
          c.cause.blamed != m::kNoComponent ? fmt::format("recovery steps done after {} returned", blamed())
          : c.cause.injection == m::kNoInjection ? std::string("recovery steps done")
          : m::is_random_failure(c.cause.injection)
              ? fmt::format("recovery steps done after its own outage (random failure '{}')",
                            spec.failures[m::random_failure_process(c.cause.injection)].name)
              : fmt::format("recovery steps done after its own outage ({})",
                            describe_injection(spec, c.cause.injection,
                                               result.injection_applied_at[c.cause.injection]));
      // A service back from its steps with part of its share says so (0: whole, or not a share).
      if (c.cause.value > 0 && c.cause.value < 1)
        text += fmt::format("; serving {} of capacity", percent_of(c.cause.value));
      return text;
    }
    case m::Reason::kRoomPowerLost:
    case m::Reason::kPowerLost:
    case m::Reason::kPowerRestored:
    case m::Reason::kShedByOperator:
    case m::Reason::kRestarted:
    case m::Reason::kDamageCleared:
    case m::Reason::kReentryAllowed:
    case m::Reason::kSwitchover:
    case m::Reason::kCapacityLost:
    case m::Reason::kCapacityRestored:
    case m::Reason::kFailover:
    case m::Reason::kRebuilt:
      break;
  }
  return std::string(m::reason_name(c.cause.reason));
}

std::string describe_change(const m::ScenarioSpec& spec, const m::RunResult& result, m::ChangeId id) {
  const m::StateChange& c = result.journal[id];
  // A note (no change of state) says the state held: "plant down at 01:00: power restored" read as if
  // the return of power had taken the plant down.
  return fmt::format("{} {}{} at {}: {}", m::vertex_name(spec, c.component),
                     c.changes_state() ? "" : "still ", m::state_name(c.to), local_clock(spec, c.time),
                     describe_reason(spec, result, c));
}

namespace {

constexpr std::size_t kMaxChainLinks = 64;  // cause_chain()'s default cut

bool passes_through(const m::StateChange& c) {
  return c.cause.reason == m::Reason::kDependency && c.cause.trigger != m::kNoChange;
}

// The words both describers begin with: the change's own reason (unless it only passes a dependency's
// state along), then the chain's first link, named when it only passes a state along and explained
// otherwise. Later links that only pass a state along are left out: the next link says it all.
std::string chain_head(const m::ScenarioSpec& spec, const m::RunResult& result, m::ChangeId change,
                       m::ChangeId first_link) {
  std::string text;
  const m::StateChange& own = result.journal[change];
  // A dependency's state passed along needs no words, but a partial return held by an earlier change
  // does: the chain that follows is what still holds it, not what came back.
  const bool held_back = own.cause.reason == m::Reason::kDependency && own.to < own.from &&
                         own.to != m::State::kUp && first_link < result.journal.size() &&
                         result.journal[first_link].time < own.time;
  if (own.cause.reason != m::Reason::kDependency || held_back) text = describe_reason(spec, result, own);
  if (!text.empty()) text += " <- ";
  const m::StateChange& first = result.journal[first_link];
  text += passes_through(first) ? fmt::format("{} {} at {}", m::vertex_name(spec, first.component),
                                              m::state_name(first.to), local_clock(spec, first.time))
                                : describe_change(spec, result, first_link);
  return text;
}

}  // namespace

CauseDescriber::CauseDescriber(const m::ScenarioSpec& spec, const m::RunResult& result)
    : spec_(spec), result_(result) {}

const std::string& CauseDescriber::tail(m::ChangeId id) {
  // Walk back to a remembered tail or the root, then put the links in words from the root forward.
  std::vector<m::ChangeId> pending;
  m::ChangeId at = id;
  while (at != m::kNoChange && at < result_.journal.size() && !tails_.contains(at)) {
    pending.push_back(at);
    const m::ChangeId next = result_.journal[at].cause.trigger;
    at = next < at ? next : m::kNoChange;  // only earlier changes can be causes
  }
  for (auto it = pending.rbegin(); it != pending.rend(); ++it) {
    const m::StateChange& c = result_.journal[*it];
    const m::ChangeId next = c.cause.trigger < *it ? c.cause.trigger : m::kNoChange;
    static const std::string kNone;
    const std::string& rest = next == m::kNoChange ? kNone : tails_.at(next);
    std::string text;
    if (!passes_through(c)) text = describe_change(spec_, result_, *it);
    if (!text.empty() && !rest.empty()) text += " <- ";
    text += rest;
    tails_.emplace(*it, std::move(text));
  }
  return tails_.at(id);
}

std::string CauseDescriber::describe(m::ChangeId change) {
  const auto chain = m::cause_chain(result_, change, kMaxChainLinks);
  // A chain cut at the limit is worded as describe_cause() cuts it; a short one has its tail remembered.
  if (chain.size() <= 2 || chain.size() >= kMaxChainLinks) return describe_cause(spec_, result_, change);
  std::string text = chain_head(spec_, result_, change, chain[1]);
  if (const std::string& rest = tail(chain[2]); !rest.empty()) {
    text += " <- ";
    text += rest;
  }
  return text;
}

std::string describe_cause(const m::ScenarioSpec& spec, const m::RunResult& result, m::ChangeId change) {
  const auto chain = m::cause_chain(result, change);
  if (chain.size() <= 1) return describe_reason(spec, result, result.journal[change]);
  std::string text = chain_head(spec, result, change, chain[1]);
  for (std::size_t i = 2; i < chain.size(); ++i) {
    if (passes_through(result.journal[chain[i]])) continue;
    text += " <- ";
    text += describe_change(spec, result, chain[i]);
  }
  return text;
}

}  // namespace outagesim::reports
