// How a tenant function gets back to serving. The function always tracks its primary deployment (its
// needs plus its own recovery steps); a strategy decides the function's state from that and from
// whatever else it runs: standby sites, launches, restores. Strategies are an open set of kinds, hence
// virtual; each function owns one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/services/recovery_sequence.hpp"
#include "sim/engine.hpp"
#include "sim/random_stream.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

class ModelContext;

// What a strategy may use of its function's run: the context, the function's handler for timers
// (payloads from kStrategyTagBase up are the strategy's), its id and name, and the run's random streams.
struct StrategyContext {
  ModelContext& ctx;
  sim::HandlerId handler;
  ComponentId function;
  std::string_view function_name;
  const sim::RandomStreams& streams;
};

inline constexpr std::uint32_t kStrategyTagBase = 16;

// What a recovery waited on; reports put it into words. Most name a component as well.
enum class Wait : std::uint8_t {
  kNothing,
  kDetectionAndDecision,  // people noticing and deciding
  kDecisionTime,          // the clock time the failover was given (`at`), later than detection and decision
  kStandbyNeeds,          // the standby's own needs (component)
  kFailoverNeeds,         // what the switchover needs, not serving (component)
  kProvisioning,          // a cold standby built from backups
  kSwitchover,            // switchover and DNS
  kSiteNeeds,             // the new site's needs (component)
  kSiteRecovery,          // a recovery step on the new site (the step's name alongside)
  kLaunchThrottled,       // launch calls throttled (the control plane)
  kControlPlaneDown,      // launch calls refused (the control plane)
  kTargetDown,            // the zone instances launch into cannot take them (component)
  kTargetLostAtBoot,      // that zone failed under booting instances (component)
  kImageUnavailable,      // instances launch but cannot boot their custom image (image service)
  kBackupsUnreachable,    // the backup location is down (component)
  kRestoring,             // the data restore itself
  kBooting,               // instances booting
  kNoSpareCapacity,       // the target zone has no spare instances left: a stock-out (component)
  kTooFewSites,           // active-active: the serving sites cannot carry the load
  kSiteDown,              // active-active: a site's needs (component)
  kHealthChecks,          // active-active: health checks steering traffic away from a failed site
  kSiteRejoining,         // active-active: a recovery step on a returning site (the step's name alongside)
  kDependency,            // the function waited for this dependency to return (component)
  kStillDown,             // the function was still down at the end, waiting for this (component)
};

// One span of a strategy's own timeline: what it waited on from `start` to `end`, a component or
// (kNoComponent) its own fixed work, and for which of its sites (an active-active site's index; 0 for
// the one alternative site of the others). Reports read these to say which part of an outage the
// strategy's path held.
struct StrategyHold {
  sim::Time start;
  sim::Time end;
  ComponentId component = kNoComponent;
  Wait wait = Wait::kNothing;
  std::string step;  // for Wait::kSiteRecovery and kSiteRejoining: the step's name (from the scenario)
  std::uint32_t site = 0;

  bool operator==(const StrategyHold&) const = default;
};

// What a strategy reports after the run, beyond the function's intervals.
struct StrategyResult {
  sim::Time data_loss;  // work lost by serving from a copy (RPO), summed over failovers
  // What held the strategy's own path back the longest, and how; kNoComponent / empty when it never ran
  // or nothing in particular did.
  ComponentId limited_by = kNoComponent;
  Wait limitation = Wait::kNothing;
  std::string step;       // for Wait::kSiteRecovery: the step's name (from the scenario)
  sim::Time limited_for;  // how long it waited on that (up to the horizon when still waiting)
  std::optional<sim::Time> procedure_started;  // when the strategy's procedure (failover, launch) began
  std::optional<sim::Time> alternative_ready;  // when its site could first take over
  bool served_by_alternative = false;
  // The strategy's waits, each closed when it changed, in the order they ended (active-active: a site's
  // are contiguous while it does not serve).
  std::vector<StrategyHold> holds;

  bool operator==(const StrategyResult&) const = default;
};

class RecoveryStrategy {
 public:
  virtual ~RecoveryStrategy() = default;

  // Called once at time 0.
  virtual void start(StrategyContext&) {}
  // The function's state given its primary deployment's outcome; may start or stop the strategy's
  // own procedures.
  virtual RecoverySequence::Outcome decide(StrategyContext& sc, const RecoverySequence::Outcome& primary) = 0;
  // A timer with a payload >= kStrategyTagBase fired; returns the function's state as decide() would.
  virtual RecoverySequence::Outcome on_timer(StrategyContext& sc, std::uint32_t tag,
                                             const RecoverySequence::Outcome& primary) {
    (void)tag;
    return decide(sc, primary);
  }
  // The run reached its horizon: close the books. Called once, before result().
  virtual void finish(StrategyContext&) {}
  virtual StrategyResult result() const { return {}; }

  // Whether result() keeps StrategyResult::holds, which only the segments of one run read; replications
  // leave them out (on a year of active-active flaps they were most of a run's memory).
  void set_record_holds(bool on) { record_holds_ = on; }

 protected:
  bool record_holds_ = true;
};

}  // namespace outagesim::models
