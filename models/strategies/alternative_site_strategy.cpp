// Trigger, procedure hand-off, serving from the better site, and the bookkeeping of failovers.
#include "models/strategies/alternative_site_strategy.hpp"

#include <algorithm>

#include "models/core/model_context.hpp"

namespace outagesim::models {

AlternativeSiteStrategy::AlternativeSiteStrategy(const FailoverTrigger& trigger, Requirement site_needs,
                                                 std::vector<RecoveryStep> recovery)
    : trigger_(trigger),
      site_needs_(std::move(site_needs)),
      site_recovery_(std::move(recovery)),
      site_(site_needs_, site_recovery_, kSiteStepTag) {}

void AlternativeSiteStrategy::set_blocker(StrategyContext& sc, ComponentId component, Wait wait,
                                          std::string step) {
  Blocker next{component, wait, std::move(step)};
  if (blocker_ && *blocker_ == next) return;
  clear_blocker(sc);
  blocker_ = std::move(next);
  blocker_since_ = sc.ctx.now();
}

void AlternativeSiteStrategy::clear_blocker(StrategyContext& sc) {
  if (!blocker_) return;
  const sim::Time now = sc.ctx.now();
  waited_[*blocker_] += now - blocker_since_;
  if (now > blocker_since_ && record_holds_) {
    auto& [component, wait, step] = *blocker_;
    result_.holds.push_back(StrategyHold{blocker_since_, now, component, wait, std::move(step), 0});
  }
  blocker_.reset();
}

void AlternativeSiteStrategy::procedure_done(StrategyContext& sc) {
  phase_ = Phase::kArmed;
  site_.require_recovery();  // the new site runs its own recovery steps before it serves
  clear_blocker(sc);
  if (!result_.alternative_ready) result_.alternative_ready = sc.ctx.now();
}

RecoverySequence::Outcome AlternativeSiteStrategy::decide(StrategyContext& sc,
                                                          const RecoverySequence::Outcome& primary) {
  const bool primary_down = primary.state == State::kDown;
  switch (phase_) {
    case Phase::kIdle:
      if (primary_down) {
        phase_ = Phase::kTriggered;
        failed_at_ = sc.ctx.now();
        const sim::Time decided = sc.ctx.now() + trigger_.detection + trigger_.decision;
        // A clock time later than detection and decision holds the failover back by itself.
        const bool scheduled = trigger_.not_before && *trigger_.not_before > decided;
        trigger_timer_ = sc.ctx.engine().start_timer_at(scheduled ? *trigger_.not_before : decided,
                                                        sc.handler, kTriggerTag);
        set_blocker(sc, kNoComponent, scheduled ? Wait::kDecisionTime : Wait::kDetectionAndDecision);
      }
      break;
    case Phase::kTriggered:
      if (!primary_down) {
        sc.ctx.engine().cancel(trigger_timer_);
        phase_ = Phase::kIdle;
        clear_blocker(sc);
      }
      break;
    case Phase::kProcedure:
      if (!primary_down) {
        abort(sc);
        phase_ = Phase::kIdle;
        clear_blocker(sc);
      } else {
        progress(sc);
      }
      break;
    case Phase::kArmed:
      // The site is live already: a later fall of the primary fails over at once, losing the work since
      // this fall.
      if (primary_down && !primary_was_down_) failed_at_ = sc.ctx.now();
      site_.update(sc.ctx, sc.handler);
      break;
  }
  primary_was_down_ = primary_down;
  return combine(sc, primary);
}

RecoverySequence::Outcome AlternativeSiteStrategy::on_timer(StrategyContext& sc, std::uint32_t tag,
                                                            const RecoverySequence::Outcome& primary) {
  if (tag == kTriggerTag) {
    trigger_timer_ = sim::TimerId{};
    if (phase_ == Phase::kTriggered && primary.state == State::kDown) {
      phase_ = Phase::kProcedure;
      if (!result_.procedure_started) result_.procedure_started = sc.ctx.now();
      clear_blocker(sc);
      begin(sc);
      if (phase_ == Phase::kArmed) site_.update(sc.ctx, sc.handler);
    }
  } else if (tag == kSiteStepTag) {
    site_.on_step_done(sc.ctx, sc.handler);
  } else {
    on_procedure_timer(sc, tag);
    if (phase_ == Phase::kArmed) site_.update(sc.ctx, sc.handler);
  }
  return combine(sc, primary);
}

RecoverySequence::Outcome AlternativeSiteStrategy::combine(StrategyContext& sc,
                                                           const RecoverySequence::Outcome& primary) {
  if (phase_ != Phase::kArmed) return primary;
  const RecoverySequence::Outcome& alternative = site_.outcome();
  if (alternative.state < primary.state) {
    if (primary.state == State::kDown && !serving_from_site_) {
      serving_from_site_ = true;
      result_.served_by_alternative = true;
      result_.data_loss += data_loss(failed_at_);
    }
    clear_blocker(sc);
    return RecoverySequence::Outcome{
        alternative.state, Cause{Reason::kFailover, alternative.cause.blamed, alternative.cause.trigger}};
  }
  if (primary.state != State::kDown) {
    serving_from_site_ = false;
    clear_blocker(sc);
  } else if (alternative.state == State::kDown) {
    // Waiting for the new site's needs, or for its own recovery steps once they are met.
    if (const RecoveryStep* step = site_.current_step()) {
      set_blocker(sc, kNoComponent, Wait::kSiteRecovery, step->name);
    } else {
      set_blocker(sc, alternative.cause.blamed, Wait::kSiteNeeds);
    }
  }
  return primary;
}

void AlternativeSiteStrategy::finish(StrategyContext& sc) {
  blocked_at_end_ = blocker_;
  clear_blocker(sc);
}

StrategyResult AlternativeSiteStrategy::result() const {
  StrategyResult out = result_;
  // Still waiting at the end of the run: that is what limited it. Otherwise the longest wait.
  if (blocked_at_end_) {
    std::tie(out.limited_by, out.limitation, out.step) = *blocked_at_end_;
    out.limited_for = waited_.at(*blocked_at_end_);
    return out;
  }
  const auto longest = std::max_element(waited_.begin(), waited_.end(),
                                        [](const auto& a, const auto& b) { return a.second < b.second; });
  if (longest != waited_.end()) {
    std::tie(out.limited_by, out.limitation, out.step) = longest->first;
    out.limited_for = longest->second;
  }
  return out;
}

}  // namespace outagesim::models
