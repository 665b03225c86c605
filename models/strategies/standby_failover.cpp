// The failover procedure of a standby site.
#include "models/strategies/standby_failover.hpp"

#include "models/core/model_context.hpp"

namespace outagesim::models {

StandbyFailover::StandbyFailover(const StandbySpec& spec)
    : AlternativeSiteStrategy(spec.trigger, spec.needs, spec.recovery), spec_(spec) {}

void StandbyFailover::start_step(StrategyContext& sc, Step step, sim::Time duration, Wait wait) {
  step_ = step;
  set_blocker(sc, kNoComponent, wait);
  timer_ = sc.ctx.engine().start_timer_at(sc.ctx.now() + duration, sc.handler, kStepDone);
}

void StandbyFailover::advance(StrategyContext& sc) {
  const Verdict standby = evaluate(spec_.needs, sc.ctx.status());
  if (standby.state == State::kDown) {
    // Nothing to fail over to: wait for the standby's needs, then redo the step that was cut short.
    sc.ctx.engine().cancel(timer_);
    step_ = Step::kWaitingForStandby;
    set_blocker(sc, standby.blamed, Wait::kStandbyNeeds);
    return;
  }
  const bool may_switch =
      step_ == Step::kWaitingForStandby || step_ == Step::kNone || step_ == Step::kSwitching;
  if (may_switch && (!spec_.cold || provisioned_) && !spec_.failover_needs.is_empty()) {
    // The switchover cannot be performed without these: wait, then switch over from the start.
    const Verdict failover = evaluate(spec_.failover_needs, sc.ctx.status());
    if (failover.state == State::kDown) {
      sc.ctx.engine().cancel(timer_);
      step_ = Step::kWaitingForStandby;
      set_blocker(sc, failover.blamed, Wait::kFailoverNeeds);
      return;
    }
  }
  if (step_ == Step::kWaitingForStandby || step_ == Step::kNone) {
    if (spec_.cold && !provisioned_) {
      start_step(sc, Step::kProvisioning, spec_.provision, Wait::kProvisioning);
    } else {
      start_step(sc, Step::kSwitching, spec_.switchover + spec_.dns_ttl, Wait::kSwitchover);
    }
  }
}

void StandbyFailover::begin(StrategyContext& sc) {
  step_ = Step::kNone;
  advance(sc);
}

void StandbyFailover::progress(StrategyContext& sc) {
  advance(sc);
}

void StandbyFailover::on_procedure_timer(StrategyContext& sc, std::uint32_t) {
  timer_ = sim::TimerId{};
  if (step_ == Step::kProvisioning) {
    provisioned_ = true;
    step_ = Step::kWaitingForStandby;
    advance(sc);
  } else if (step_ == Step::kSwitching) {
    step_ = Step::kNone;
    procedure_done(sc);
  }
}

void StandbyFailover::abort(StrategyContext& sc) {
  sc.ctx.engine().cancel(timer_);
  step_ = Step::kNone;
}

sim::Time StandbyFailover::data_loss(sim::Time failed_at) const {
  return spec_.cold ? spec_.backups.age_at(failed_at) : spec_.replication_lag;
}

}  // namespace outagesim::models
