// How a tenant function gets back to serving. The function always tracks its primary deployment (its
// needs plus its own recovery steps); a strategy decides the function's state from that and from
// whatever else it runs: standby sites, launches, restores. Strategies are an open set of kinds, hence
// virtual; each function owns one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "models/recovery_sequence.hpp"
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

// What a strategy reports after the run, beyond the function's intervals.
struct StrategyResult {
  sim::Time data_loss;  // work lost by serving from a copy (RPO), summed over failovers
  // What held the strategy's own path back the longest, and how; kNoComponent / empty when it never ran
  // or nothing in particular did.
  ComponentId limited_by = kNoComponent;
  std::string limitation;
  sim::Time limited_for;  // how long it waited on that (up to the horizon when still waiting)
  std::optional<sim::Time> procedure_started;  // when the strategy's procedure (failover, launch) began
  std::optional<sim::Time> alternative_ready;  // when its site could first take over
  bool served_by_alternative = false;
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
};

}  // namespace outagesim::models
