// Launch waves, boots, restores and their blockers.
#include "models/strategies/capacity_launch.hpp"

#include <algorithm>
#include <cassert>
#include <string>

#include "models/core/model_context.hpp"
#include "models/services/control_plane.hpp"
#include "models/services/service.hpp"

namespace outagesim::models {

CapacityLaunch::CapacityLaunch(const LaunchSpec& spec)
    // Once launched, the new site serves only while the zone its instances run in does.
    : AlternativeSiteStrategy(spec.trigger, Requirement::all_of({Requirement::of(spec.target), spec.needs}),
                              spec.recovery),
      spec_(spec) {}

void CapacityLaunch::start(StrategyContext& sc) {
  control_plane_ = &static_cast<ControlPlane&>(sc.ctx.component(spec_.control_plane));
  demand_source_ = control_plane_->add_demand_source();
  target_ = dynamic_cast<Service*>(&sc.ctx.component(spec_.target));
  rng_.emplace(sc.streams.stream("launch/" + std::string(sc.function_name)));
}

bool CapacityLaunch::booting() const {
  return std::any_of(boots_.begin(), boots_.end(), [](const Boot& b) { return b.active; });
}

void CapacityLaunch::begin(StrategyContext& sc) {
  running_procedure_ = true;
  boots_.clear();  // an aborted procedure cancelled its boots: no timer refers to these any more
  pending_ = spec_.instances;
  running_ = 0;
  restored_ = false;
  backoff_ = spec_.retry_initial;
  attempt(sc);
  update_restore(sc);
  refresh_blocker(sc);
}

void CapacityLaunch::progress(StrategyContext& sc) {
  update_restore(sc);
  refresh_blocker(sc);
}

void CapacityLaunch::attempt(StrategyContext& sc) {
  attempt_timer_ = sim::TimerId{};
  const auto status = sc.ctx.status();
  const bool target_up = status[spec_.target].state != State::kDown;
  const double availability = control_plane_->availability();
  std::uint32_t launched = 0;
  // Each pending call succeeds with the API's availability: one binomial draw for the wave, so a retry
  // costs the same for 100,000 instances as for one, and nothing is drawn while the API is down.
  if (target_up) launched = static_cast<std::uint32_t>(rng_->binomial(pending_, availability));
  const std::uint32_t accepted = launched;
  bool stocked_out = false;
  if (launched > 0 && target_) {
    launched = target_->take_spare(accepted);
    held_ += launched;
    stocked_out = launched < accepted;
  }
  if (launched > 0) {
    pending_ -= launched;
    const auto wave = static_cast<std::uint32_t>(boots_.size());
    boots_.push_back(
        Boot{sc.ctx.now(), launched, true,
             sc.ctx.engine().start_timer_at(sc.ctx.now() + spec_.boot, sc.handler, kBootTagBase + wave)});
  }
  if (pending_ > 0) {
    if (!target_up) {
      pending_on_ = spec_.target;
      pending_why_ = Wait::kTargetDown;
    } else if (stocked_out) {
      pending_on_ = spec_.target;
      pending_why_ = Wait::kNoSpareCapacity;
    } else {
      pending_on_ = spec_.control_plane;
      pending_why_ = availability <= 0 ? Wait::kControlPlaneDown : Wait::kLaunchThrottled;
    }
    schedule_attempt(sc);
  }
  update_demand();
  refresh_blocker(sc);
}

void CapacityLaunch::schedule_attempt(StrategyContext& sc) {
  if (sc.ctx.engine().is_pending(attempt_timer_)) return;
  attempt_timer_ = sc.ctx.engine().start_timer_at(sc.ctx.now() + backoff_, sc.handler, kAttemptTag);
  backoff_ =
      std::min(spec_.retry_max, sim::Time::ms(static_cast<std::int64_t>(
                                    static_cast<double>(backoff_.count_ms()) * spec_.retry_multiplier)));
}

void CapacityLaunch::boot_done(StrategyContext& sc, std::size_t wave) {
  Boot& boot = boots_[wave];
  boot.active = false;
  boot.timer = sim::TimerId{};
  const auto status = sc.ctx.status();
  const bool target_ok = status[spec_.target].state != State::kDown;
  // A custom image is fetched throughout the boot: the image service must not have changed since.
  const bool image_ok =
      spec_.image_service == kNoComponent || (status[spec_.image_service].state != State::kDown &&
                                              status[spec_.image_service].last_change_time <= boot.started);
  if (target_ok && image_ok) {
    running_ += boot.instances;
  } else {
    give_back(boot.instances);  // the failed boot frees its instances; the relaunch takes them again
    pending_ += boot.instances;
    pending_on_ = target_ok ? spec_.image_service : spec_.target;
    pending_why_ = target_ok ? Wait::kImageUnavailable : Wait::kTargetLostAtBoot;
    schedule_attempt(sc);
    update_demand();
  }
  refresh_blocker(sc);
  finish_if_ready(sc);
}

void CapacityLaunch::update_restore(StrategyContext& sc) {
  if (!running_procedure_ || !spec_.restore || restored_) return;
  const bool reachable = sc.ctx.status(spec_.restore->backup_location).state != State::kDown;
  if (!reachable) {
    sc.ctx.engine().cancel(restore_timer_);  // a cut transfer starts over
  } else if (!sc.ctx.engine().is_pending(restore_timer_)) {
    const double seconds = spec_.restore->data_gb / spec_.restore->gb_per_hour * 3600.0;
    restore_timer_ =
        sc.ctx.engine().start_timer_at(sc.ctx.now() + sim::ceil_seconds(seconds), sc.handler, kRestoreTag);
  }
}

void CapacityLaunch::update_demand() {
  const double rps =
      pending_ == 0 || !running_procedure_ ? 0.0 : pending_ / std::max(0.001, backoff_.to_seconds());
  control_plane_->set_demand(demand_source_, rps);
}

void CapacityLaunch::refresh_blocker(StrategyContext& sc) {
  if (!running_procedure_) return;
  // The most binding wait first: data that cannot be restored; instances that cannot boot or land while
  // the image service or target zone is down, whatever the API does meanwhile; then calls still pending.
  const auto status = sc.ctx.status();
  const bool instances_short = running_ < spec_.instances;
  if (spec_.restore && !restored_ && status[spec_.restore->backup_location].state == State::kDown) {
    set_blocker(sc, spec_.restore->backup_location, Wait::kBackupsUnreachable);
  } else if (instances_short && spec_.image_service != kNoComponent &&
             status[spec_.image_service].state == State::kDown) {
    set_blocker(sc, spec_.image_service, Wait::kImageUnavailable);
  } else if (instances_short && status[spec_.target].state == State::kDown) {
    set_blocker(sc, spec_.target, Wait::kTargetDown);
  } else if (pending_ > 0) {
    set_blocker(sc, pending_on_, pending_why_);
  } else if (spec_.restore && !restored_) {
    set_blocker(sc, kNoComponent, Wait::kRestoring);
  } else if (booting()) {
    set_blocker(sc, kNoComponent, Wait::kBooting);
  }
}

void CapacityLaunch::finish_if_ready(StrategyContext& sc) {
  if (!running_procedure_ || pending_ > 0 || booting() || running_ < spec_.instances) return;
  if (spec_.restore && !restored_) return;
  running_procedure_ = false;
  update_demand();
  procedure_done(sc);
}

void CapacityLaunch::on_procedure_timer(StrategyContext& sc, std::uint32_t tag) {
  assert(running_procedure_);  // abort() cancels every timer of the procedure
  if (tag == kAttemptTag) {
    attempt(sc);
  } else if (tag == kRestoreTag) {
    restore_timer_ = sim::TimerId{};
    restored_ = true;
    refresh_blocker(sc);
    finish_if_ready(sc);
  } else {
    boot_done(sc, tag - kBootTagBase);
  }
}

void CapacityLaunch::abort(StrategyContext& sc) {
  running_procedure_ = false;
  sc.ctx.engine().cancel(attempt_timer_);
  sc.ctx.engine().cancel(restore_timer_);
  for (Boot& boot : boots_) {
    sc.ctx.engine().cancel(boot.timer);
    boot.active = false;
  }
  pending_ = 0;
  give_back(held_);
  update_demand();
}

void CapacityLaunch::give_back(std::uint32_t instances) {
  if (!target_ || instances == 0) return;
  assert(instances <= held_);
  target_->return_spare(instances);
  held_ -= instances;
}

sim::Time CapacityLaunch::data_loss(sim::Time failed_at) const {
  return spec_.restore ? spec_.restore->backups.age_at(failed_at) : spec_.replication_lag;
}

}  // namespace outagesim::models
