// Step timing of RecoverySequence.
#include "models/services/recovery_sequence.hpp"

#include <algorithm>
#include <cassert>

#include "models/core/model_context.hpp"

namespace outagesim::models {

RecoverySequence::RecoverySequence(const Requirement& needs, std::span<const RecoveryStep> steps,
                                   std::uint32_t tag)
    : needs_(&needs), steps_(steps), tag_(tag) {}

const RecoveryStep* RecoverySequence::current_step() const {
  return awaiting_recovery_ && step_ < steps_.size() && timer_.is_set() ? &steps_[step_] : nullptr;
}

void RecoverySequence::start_step(ModelContext& ctx, sim::HandlerId owner) {
  timer_ = ctx.engine().start_timer_at(ctx.now() + steps_[step_].time(), owner, tag_);
}

RecoverySequence::Outcome RecoverySequence::update(ModelContext& ctx, sim::HandlerId owner, double down_below,
                                                   double own_share) {
  const Verdict v = evaluate(*needs_, ctx.status());
  verdict_ = v;
  if (v.state == State::kDown) {
    ctx.engine().cancel(timer_);
    awaiting_recovery_ = !steps_.empty();
    after_own_loss_ = false;
    outcome_ = Outcome{State::kDown, Cause{Reason::kDependency, v.blamed, v.trigger}};
    return outcome_;
  }
  const double served = std::min(v.capacity, own_share);
  if (served <= 0.0 || served < down_below) {
    // Down by its share (a storage below its quorum): its checks run when the share is back, as after
    // its needs were down.
    ctx.engine().cancel(timer_);
    awaiting_recovery_ = !steps_.empty();
    after_own_loss_ = !(v.capacity <= 0.0 || v.capacity < down_below);
    outcome_ = Outcome{v.state, Cause{Reason::kDependency, v.blamed, v.trigger}};
    return outcome_;
  }
  if (awaiting_recovery_) {
    if (!ctx.engine().is_pending(timer_)) {
      // After a loss of its own, no dependency is what the steps waited for.
      returned_ = after_own_loss_ ? Verdict{} : v;
      step_ = 0;
      steps_began_ = true;
      start_step(ctx, owner);
      if (outcome_.state != State::kDown) {
        outcome_ = Outcome{State::kDown, Cause{Reason::kDependency, v.blamed, v.trigger}};
      }
    }
    return outcome_;  // still down, for the reason it went down
  }
  outcome_ = Outcome{v.state, Cause{Reason::kDependency, v.blamed, v.trigger}};
  return outcome_;
}

RecoverySequence::Outcome RecoverySequence::on_step_done(ModelContext& ctx, sim::HandlerId owner) {
  assert(awaiting_recovery_);
  timer_ = sim::TimerId{};
  if (++step_ < steps_.size()) {
    start_step(ctx, owner);
    return outcome_;
  }
  awaiting_recovery_ = false;
  const Verdict v = evaluate(*needs_, ctx.status());
  verdict_ = v;
  outcome_ = Outcome{v.state, Cause{Reason::kRecovered, returned_.blamed, returned_.trigger}};
  return outcome_;
}

}  // namespace outagesim::models
