// A requirement plus the recovery steps that run each time it returns from down: a service's integrity
// checks, a tenant's reconciliation. Not a component: components own one or more and forward their
// evaluations and timers to it. While the steps run, the outcome stays down with the original cause;
// when they finish, the outcome turns to the requirement's state, blaming the last dependency to return.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "models/core/requirement.hpp"
#include "models/core/state_change.hpp"
#include "models/services/recovery_step.hpp"
#include "sim/engine.hpp"

namespace outagesim::models {

class ModelContext;

class RecoverySequence {
 public:
  struct Outcome {
    State state = State::kUp;
    Cause cause;
  };

  // `tag` is the timer payload this sequence uses on its owner's handler. Refers to `needs` and `steps`,
  // which stay in the scenario's spec (or the owner's copy of it) for the run: a region of a million
  // tenants copies no requirement tree.
  RecoverySequence(const Requirement& needs, std::span<const RecoveryStep> steps, std::uint32_t tag);

  // Re-reads the requirement against the current statuses; starts, keeps or abandons the steps. A
  // service that serves nothing while its requirement is not down (the share it serves, the smaller of
  // the requirement's and `own_share`, is 0 or below `down_below`) came back from down all the same: its
  // steps run once that share is back. The outcome then follows the requirement; the owner applies its
  // threshold.
  Outcome update(ModelContext& ctx, sim::HandlerId owner, double down_below = 0.0, double own_share = 1.0);
  // The steps must run before the next time the requirement is met (a site about to take over for the
  // first time), even if it never went down.
  void require_recovery() { awaiting_recovery_ = !steps_.empty(); }
  // The owner received a timer with this sequence's tag. Returns the new outcome.
  Outcome on_step_done(ModelContext& ctx, sim::HandlerId owner);

  // Whether the steps under way (or last begun) follow a loss of the owner's own (its share, or a fault on
  // itself) rather than of its needs: their cause then names no dependency.
  bool after_own_loss() const { return after_own_loss_; }
  // Whether the last update began the steps (the needs, or the share served, came back); clears it.
  bool take_steps_began() { return std::exchange(steps_began_, false); }

  std::uint32_t tag() const { return tag_; }
  const Requirement& needs() const { return *needs_; }
  // The step under way, or nullptr.
  const RecoveryStep* current_step() const;
  const Outcome& outcome() const { return outcome_; }
  // The requirement's verdict at the last update or step: its state and the capacity share it provides.
  const Verdict& verdict() const { return verdict_; }

 private:
  void start_step(ModelContext& ctx, sim::HandlerId owner);

  const Requirement* needs_;
  std::span<const RecoveryStep> steps_;
  std::uint32_t tag_;
  bool awaiting_recovery_ = false;  // the requirement was down and the steps have not completed since
  bool steps_began_ = false;        // set by update() when it starts the first step
  bool after_own_loss_ = false;     // the last loss that armed the steps was the owner's own
  std::size_t step_ = 0;
  sim::TimerId timer_;
  Verdict returned_;  // the requirement's verdict when it came back: blamed for the recovery
  Outcome outcome_;
  Verdict verdict_;
};

}  // namespace outagesim::models
