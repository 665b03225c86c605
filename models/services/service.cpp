// Generic services follow their requirement through a recovery sequence, then their capacity share.
#include "models/services/service.hpp"

#include <algorithm>

#include "models/core/model_context.hpp"

namespace outagesim::models {

Service::Service(ComponentId id, ComponentKind kind, const ServiceParams& params)
    : Component(id, kind),
      sequence_(params.needs, params.recovery, kStepTag),
      down_below_(params.down_below),
      degraded_below_(params.degraded_below),
      spare_left_(params.spare_instances),
      keeps_data_(kind == ComponentKind::kBlockStorage || kind == ComponentKind::kObjectStorage) {
  if (params.rebuild) {
    rebuild_.emplace(*params.rebuild);
    params.needs.collect_components(rebuild_leaves_);
  }
}

void Service::evaluate() {
  const bool stepping = sequence_.current_step() != nullptr;
  // Failed itself, it serves nothing whatever its needs give: its steps run again once it is repaired.
  const RecoverySequence::Outcome outcome =
      sequence_.update(ctx(), handler(), down_below_, forced_down() ? 0.0 : own_share_);
  // When its steps begin is no change of state (it stays down through them) and, after a loss of share,
  // follows from nothing else in the journal: explain reads it here.
  // Lost again during its steps (its needs, its share, or a fault on itself): they start over later.
  if (stepping && sequence_.current_step() == nullptr)
    ctx().note_moment(*this, Cause{Reason::kRecoveryStopped});
  if (sequence_.take_steps_began()) {
    ctx().note_moment(*this, Cause{Reason::kRecoveryStarted});
    // After its own outage, the steps follow what ended it: its repair, its sag's end, its share back.
    steps_after_ = !sequence_.after_own_loss()   ? kNoInjection
                   : repairing() != kNoInjection ? repairing()
                                                 : own_cause_.injection;
  }
  decide(outcome);
}

void Service::on_forced_change() {
  evaluate();
}

void Service::on_timer(std::uint32_t tag) {
  if (tag == kRebuildTag) {
    rebuild_timer_ = sim::TimerId{};
    rebuild_->finish();
    decide(sequence_.outcome());
    return;
  }
  decide(sequence_.on_step_done(ctx(), handler()));
}

bool Service::apply_action(const InjectionSpec& injection, InjectionId id) {
  if (injection.action != Action::kSetCapacity || injection.amount == own_share_) return false;
  own_share_ = injection.amount;
  own_cause_ = injection_cause(injection, id);
  evaluate();
  return true;
}

void Service::decide(const RecoverySequence::Outcome& outcome) {
  // The share served: the smaller of what the needs provide and what is left of the service itself.
  const Verdict& needs = sequence_.verdict();
  const bool own_limits = own_share_ < needs.capacity;
  const double capacity = std::min(own_share_, needs.capacity);
  const Cause capacity_cause =
      own_limits
          ? Cause{Reason::kPartialCapacity, kNoComponent, own_cause_.trigger, own_cause_.injection, capacity}
          : Cause{Reason::kPartialCapacity, needs.capacity_by,
                  needs.capacity_by == kNoComponent ? kNoChange : ctx().status(needs.capacity_by).last_change,
                  kNoInjection, capacity};

  if (rebuild_) {
    // A missing share is data to copy again when writes went on without it, or when the storage itself
    // gave those nodes up (its own share cut: nodes lost, or marked unhealthy, whose data it re-replicates).
    // A share of its needs still restarting while the storage serves nothing (below its own `down_below`,
    // or in its recovery steps) lost nothing: a hall's hosts restarting in batches after a stop as a whole
    // return with their data.
    const bool running = needs.state != State::kDown && !forced_down();
    const bool serving =
        running && outcome.state != State::kDown && capacity > 0.0 && capacity >= down_below_;
    // Only nodes whose data is gone need their data copied: a host pool's hosts that are only off
    // (tripped, restarting) come back with it. A need that does not say loses all it misses. The most any
    // one need has lost, since the copy is of the storage's data, whichever need lost its nodes.
    double lost = 1.0 - capacity;
    if (!own_limits) {
      double worst = 0.0;
      for (const ComponentId leaf : rebuild_leaves_) {
        const ComponentStatus& s = ctx().status(leaf);
        worst = std::max(
            worst, s.data_lost >= 0.0 ? s.data_lost : 1.0 - (s.state == State::kDown ? 0.0 : s.capacity));
      }
      lost = std::min(lost, worst);
    }
    rebuild_->update(ctx().now(), 1.0 - lost, serving || (running && own_limits));
    // The copy under way may have grown (a deeper loss): its end is timed again at every update.
    cancel_timer(rebuild_timer_);
    if (rebuild_->running()) rebuild_timer_ = start_timer(rebuild_->run_time(), kRebuildTag);
  }

  // Every copy of its data gone (the hosts that held them all destroyed): nothing can serve it again.
  if (keeps_data_ && !data_gone_) {
    ComponentId lost_by = kNoComponent;
    if (!data_survives(sequence_.needs(), ctx().status(), &lost_by)) {
      data_gone_ = true;
      data_gone_cause_ = Cause{Reason::kDataLost, lost_by,
                               lost_by == kNoComponent ? kNoChange : ctx().status(lost_by).last_change};
      // Down already (its hosts went with their data): the journal says the data is gone all the same.
      if (state() == State::kDown) ctx().note_change(*this, data_gone_cause_);
    }
  }
  if (data_gone_) {
    publish(State::kDown, data_gone_cause_);
    return;
  }

  State natural = outcome.state;
  Cause cause = outcome.cause;
  if (cause.reason == Reason::kRecovered && cause.blamed == kNoComponent) cause.injection = steps_after_;
  if (natural != State::kDown) {
    if (capacity <= 0.0 || capacity < down_below_) {
      natural = State::kDown;
      cause = capacity_cause;
    } else if (capacity < degraded_below_) {
      natural = State::kDegraded;
      cause = capacity_cause;
    } else if (rebuild_ && rebuild_->pending()) {
      natural = State::kDegraded;  // copying lost data, whatever share of the nodes serves
      cause = Cause{Reason::kRebuilding, kNoComponent, kNoChange, kNoInjection,
                    rebuild_->remaining_tb(ctx().now())};
    } else if (capacity < 1.0 && needs.state == State::kDegraded && !needs.degraded_whole && !own_limits) {
      natural = State::kUp;  // enough of the needs serve, and only a lost share degrades them: up here
      cause = capacity_cause;
    } else if (shows_rebuild_ && natural == State::kUp) {
      cause = Cause{Reason::kRebuilt};
    }
  }
  // Back from its recovery steps with part of its share: the steps are what it waited for last, the share
  // says why it is not whole (the report reads both).
  // (Only as the steps end, while it is still down: the cause stays in the outcome after that.)
  if (outcome.cause.reason == Reason::kRecovered && natural != State::kDown &&
      cause.reason == Reason::kPartialCapacity && state() == State::kDown) {
    cause = outcome.cause;
    cause.injection = steps_after_;
    cause.value = capacity;
  }
  // Back up with nothing in the needs to thank (none, or none that ever changed): what changed is the
  // service's own share (a set_capacity).
  if (natural == State::kUp && cause.reason == Reason::kDependency &&
      (cause.blamed == kNoComponent || cause.trigger == kNoChange) && cause.injection == kNoInjection &&
      own_cause_.injection != kNoInjection && !own_limits) {
    cause = own_cause_;
  }
  shows_rebuild_ = natural == State::kDegraded && cause.reason == Reason::kRebuilding;
  // Data left to rebuild degrades it beyond any share it has lost (the copy waits for the share).
  ctx().set_degraded_beyond_share(*this, natural == State::kDegraded && rebuild_ && rebuild_->pending());
  // The share first, so that the state change is the component's last record: dependents that follow it
  // blame the change of state, not the note. While the needs are down the share is left as it was:
  // dependents read a down component as providing 0 whatever it published, and runs without partial
  // losses journal nothing more than before.
  // Whole again but rebuilding: the note says so, when the copy starts.
  if (needs.state != State::kDown) {
    ctx().set_capacity(*this, capacity, shows_rebuild_ && capacity >= 1.0 ? cause : capacity_cause);
  }
  publish(natural, cause);
}

std::uint32_t Service::take_spare(std::uint32_t wanted) {
  if (!spare_left_) return wanted;
  const std::uint32_t granted = std::min(wanted, *spare_left_);
  *spare_left_ -= granted;
  return granted;
}

void Service::return_spare(std::uint32_t count) {
  if (spare_left_) *spare_left_ += count;
}

}  // namespace outagesim::models
