// Shared behaviour of components: forced faults, publishing, timers.
#include "models/core/component.hpp"

#include <cassert>

#include "models/core/model_context.hpp"

namespace outagesim::models {

Cause injection_cause(const InjectionSpec& injection, InjectionId id, Reason operator_reason) {
  return Cause{injection.is_fault ? Reason::kFault : operator_reason, kNoComponent, kNoChange, id};
}

Component::Component(ComponentId id, ComponentKind kind) : id_(id), kind_(kind) {}

State Component::state() const {
  return ctx_->status(id_).state;
}

ChangeId Component::last_change() const {
  return ctx_->status(id_).last_change;
}

void Component::bind(ModelContext& ctx, sim::HandlerId handler) {
  ctx_ = &ctx;
  handler_ = handler;
}

Cause Component::injection_cause(const InjectionSpec& injection, InjectionId id,
                                 Reason operator_reason) const {
  Cause cause = models::injection_cause(injection, id, operator_reason);
  cause.trigger = applying_trigger_;
  return cause;
}

bool Component::apply(const InjectionSpec& injection, InjectionId id, ChangeId trigger) {
  applying_trigger_ = trigger;
  const bool had_effect = apply_now(injection, id);
  applying_trigger_ = kNoChange;
  return had_effect;
}

bool Component::apply_now(const InjectionSpec& injection, InjectionId id) {
  assert(accepts(kind_, injection.action));
  switch (injection.action) {
    case Action::kFail: {
      if (forced_down_ && forced_cause_.injection == sag_ && sag_ != kNoInjection) {
        // Failed during a voltage sag: down already, but now it stays down when the sag ends.
        cancel_timer(sag_timer_);
        forced_cause_ = injection_cause(injection, id);
        ctx_->note_change(*this, forced_cause_);
        return true;
      }
      if (forced_down_) {
        // A scripted fault on a component a random failure holds down takes it over: the random repair
        // lifts only what its failure still holds, and this fault holds it until its own repair.
        if (!is_random_failure(forced_cause_.injection) || is_random_failure(id)) return false;
        forced_cause_ = injection_cause(injection, id);
        ctx_->note_change(*this, forced_cause_);
        return true;
      }
      const bool down_already = state() == State::kDown;
      forced_down_ = true;
      forced_cause_ = injection_cause(injection, id);
      on_forced_change();
      if (down_already) {
        // Down already (dark, overheated, failed for want of a need): the journal still says it has
        // failed now, for that holds it once the rest is back (blind trial O: a hall that burned while
        // its power was cut was told as waiting for the power).
        ctx_->note_change(*this, forced_cause_);
      } else {
        publish(State::kDown, forced_cause_);
      }
      return true;
    }
    case Action::kVoltageSag: {
      // Down for a moment, then back by itself; what depended on it may not come back as easily.
      const bool in_sag = forced_down_ && forced_cause_.injection == sag_ && sag_ != kNoInjection;
      if (forced_down_ && !in_sag) return false;  // failed: a sag changes nothing
      const sim::Time end = ctx_->now() + sim::Time::ms(static_cast<std::int64_t>(injection.amount));
      if (in_sag && end <= sag_end_) return false;  // inside the sag under way: it changes nothing
      forced_cause_ = injection_cause(injection, id);
      sag_ = id;
      sag_end_ = end;
      if (in_sag) {
        // A sag that outlasts the one under way (or comes as it ends) takes over, and ends on its own time.
        cancel_timer(sag_timer_);
        ctx_->note_change(*this, forced_cause_);
      } else {
        forced_down_ = true;
        on_forced_change();
        publish(State::kDown, forced_cause_);
      }
      // The sag's end acts as a fault does, together with those of its instant (model_context.hpp).
      sag_timer_ = ctx_->engine().start_timer_at(end, handler_, kSagEndTag, kInjectionPriority);
      return true;
    }
    case Action::kRepair:
      if (!forced_down_) return false;
      cancel_timer(sag_timer_);  // a sag repaired ends now, not on its own time
      lift_forced(id);
      // Still down for another reason (a room repaired in the dark): the journal says the fault is over,
      // so what holds it from now on is that other reason, not the fault (review 13).
      if (state() == State::kDown)
        ctx_->note_change(*this, Cause{Reason::kRepaired, kNoComponent, kNoChange, id});
      return true;
    default:
      return apply_action(injection, id);
  }
}

bool Component::apply_action(const InjectionSpec&, InjectionId) {
  return false;
}

void Component::on_timer(std::uint32_t) {}

void Component::publish(State natural, const Cause& cause) {
  const State current = state();
  if (forced_down_) {
    if (current != State::kDown) ctx_->change_state(*this, State::kDown, forced_cause_);
    return;
  }
  if (natural == current) return;
  if (repairing_ != kNoInjection && natural != State::kDown) {
    ctx_->change_state(*this, natural, Cause{Reason::kRepaired, kNoComponent, kNoChange, repairing_});
    return;
  }
  ctx_->change_state(*this, natural, cause);
}

sim::TimerId Component::start_timer(sim::Time delay, std::uint32_t tag) {
  return ctx_->engine().start_timer_at(ctx_->now() + delay, handler_, tag);
}

void Component::cancel_timer(sim::TimerId& timer) {
  ctx_->engine().cancel(timer);
}

void Component::lift_forced(InjectionId by) {
  forced_down_ = false;
  repairing_ = by;
  on_forced_change();
  evaluate();
  repairing_ = kNoInjection;
}

void Component::handle_event(std::uint32_t payload) {
  if (payload == kSagEndTag) {
    sag_timer_ = sim::TimerId{};
    // Unless a fault came during it (which cancels the timer; kept as a guard).
    if (forced_down_ && forced_cause_.injection == sag_) lift_forced(sag_);
    ctx_->settle_after_injections();
    return;
  }
  on_timer(payload);
  ctx_->settle();
}

}  // namespace outagesim::models
