// Site selection and switchover of a managed database.
#include "models/services/database.hpp"

#include "models/core/model_context.hpp"

namespace outagesim::models {

Database::Database(ComponentId id, const DatabaseParams& params)
    : Component(id, ComponentKind::kDatabase),
      params_(params),
      primary_(params_.primary, params_.recovery, kPrimaryStep) {
  if (params_.standby) standby_.emplace(*params_.standby, std::span<const RecoveryStep>{}, kStandbyStep);
}

void Database::evaluate() {
  const bool stepping = primary_.current_step() != nullptr;
  primary_.update(ctx(), handler(), params_.down_below);
  if (standby_) standby_->update(ctx(), handler(), params_.down_below);
  // A single-site database's steps may follow a loss of share that changed no state: explain reads
  // when they began and stopped here, as a service's (models/services/service.cpp).
  if (!standby_) {
    if (stepping && primary_.current_step() == nullptr)
      ctx().note_moment(*this, Cause{Reason::kRecoveryStopped});
    if (primary_.take_steps_began()) ctx().note_moment(*this, Cause{Reason::kRecoveryStarted});
  }
  decide(std::nullopt);
}

RecoverySequence::Outcome Database::site_outcome(const RecoverySequence& site) const {
  RecoverySequence::Outcome outcome = site.outcome();
  const Verdict& v = site.verdict();
  if (outcome.state != State::kDown && v.capacity < params_.down_below) {
    outcome.state = State::kDown;
    outcome.cause = Cause{Reason::kPartialCapacity, v.capacity_by,
                          v.capacity_by == kNoComponent ? kNoChange : ctx().status(v.capacity_by).last_change,
                          kNoInjection, v.capacity};
  }
  return outcome;
}

void Database::decide(const std::optional<Cause>& switched) {
  const RecoverySequence::Outcome now = site_outcome(serving());
  RecoverySequence* alternative = other();
  const bool alternative_serves = alternative && site_outcome(*alternative).state != State::kDown;

  if (now.state == State::kDown && alternative_serves) {
    if (!ctx().engine().is_pending(switchover_)) {
      switchover_ = start_timer(params_.detect + switchover_time(), kSwitchoverDone);
    }
  } else {
    cancel_timer(switchover_);  // the serving site is back, or there is nowhere to go
  }

  Cause cause = switched ? *switched : now.cause;
  State natural = now.state;
  if (params_.proxy != kNoComponent) {
    const ComponentStatus& proxy = ctx().status(params_.proxy);
    if (proxy.state == State::kDown) {
      natural = State::kDown;
      cause = Cause{Reason::kDependency, params_.proxy, proxy.last_change};
    } else if (natural != State::kDown && state() != State::kUp && proxy.last_change != kNoChange &&
               proxy.last_change_time == ctx().now() && !switched &&
               ctx().journal()[proxy.last_change].from != State::kUp) {
      // Back this instant, or back in full, as the proxy returns: the sites were ready (a switchover
      // behind a dead proxy goes on), so the proxy is what it waited for.
      cause = Cause{Reason::kDependency, params_.proxy, proxy.last_change};
    }
    if (proxy.state == State::kDegraded && natural == State::kUp) {
      // Every client goes through the proxy: a proxy that lost part of its nodes degrades the database.
      natural = State::kDegraded;
      cause = Cause{Reason::kDependency, params_.proxy, proxy.last_change};
    }
  }
  publish(natural, cause);
}

sim::Time Database::switchover_time() const {
  return params_.switchover_work ? params_.switchover_work->duration() : params_.switchover;
}

void Database::switch_sites(const Cause& cause) {
  cancel_timer(switchover_);
  serving_standby_ = !serving_standby_;
  decide(cause);
}

bool Database::apply_action(const InjectionSpec& injection, InjectionId id) {
  RecoverySequence* alternative = other();
  if (injection.action != Action::kSwitchOver || !alternative ||
      site_outcome(*alternative).state == State::kDown) {
    return false;
  }
  switch_sites(Cause{Reason::kOperatorAction, kNoComponent, kNoChange, id});
  return true;
}

void Database::on_timer(std::uint32_t tag) {
  switch (tag) {
    case kPrimaryStep:
      primary_.on_step_done(ctx(), handler());
      decide(std::nullopt);
      return;
    case kStandbyStep:
      standby_->on_step_done(ctx(), handler());
      decide(std::nullopt);
      return;
    case kSwitchoverDone:
      switchover_ = sim::TimerId{};
      switch_sites(Cause{Reason::kSwitchover, id(), last_change()});
      return;
    default:
      return;
  }
}

}  // namespace outagesim::models
