// How a tenant function gets back to serving. The function always tracks its primary deployment (its
// needs plus its own recovery steps); a strategy decides the function's state from that and from
// whatever else it runs: standby sites, launches, restores. Strategies are an open set of kinds, hence
// virtual; each function owns one.
#pragma once

#include <cstdint>

#include "models/recovery_sequence.hpp"
#include "sim/engine.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

class ModelContext;

// What a strategy may use of its function's run: the context, the function's handler for timers
// (payloads from kStrategyTagBase up are the strategy's) and the function's id.
struct StrategyContext {
  ModelContext& ctx;
  sim::HandlerId handler;
  ComponentId function;
};

inline constexpr std::uint32_t kStrategyTagBase = 16;

// What a strategy reports after the run, beyond the function's intervals.
struct StrategyResult {
  sim::Time data_loss;                    // work lost by serving from a copy (RPO), summed over failovers
  ComponentId limited_by = kNoComponent;  // what held the recovery back the longest, if known
  const char* limitation = nullptr;       // static text naming how it held it back, or nullptr
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
  virtual StrategyResult result() const { return {}; }
};

}  // namespace outagesim::models
