// Shutdown and restart cycle of a host pool.
#include "models/facility/host_pool.hpp"

#include <cassert>

#include "models/core/model_context.hpp"
#include "models/facility/thermal_room.hpp"

namespace outagesim::models {

HostPool::HostPool(ComponentId id, std::string name, const HostPoolParams& params)
    : Component(id, std::move(name), ComponentKind::kHostPool), params_(params) {}

void HostPool::set_mode(Mode mode) {
  const bool drew = draws_power();
  mode_ = mode;
  if (drew != draws_power()) room_->heat_changed();
}

void HostPool::release_crew() {
  if (!holds_crew_) return;
  holds_crew_ = false;
  ctx().crew(*params_.crew).release();
}

void HostPool::stop(const Cause& cause) {
  cancel_timer(timer_);
  release_crew();
  if (mode_ == Mode::kWaitingCrew) ctx().crew(*params_.crew).withdraw(handler(), kCrewGranted);
  down_cause_ = cause;
  set_mode(Mode::kOff);
  // Nothing it depends on may change again: look at once whether it can restart.
  ctx().schedule_evaluation(id());
}

void HostPool::begin_power_on() {
  set_mode(Mode::kPoweringOn);
  timer_ = start_timer(params_.power_on, kPoweredOn);
}

void HostPool::thermal_trip(double temp_c) {
  if (!draws_power()) return;
  stop(Cause{Reason::kThermalShutdown, room_->id(), room_->last_change(), kNoInjection, temp_c});
  publish(State::kDown, down_cause_);
}

void HostPool::evaluate() {
  if (!room_->powered()) {
    if (mode_ != Mode::kOff) stop(Cause{Reason::kRoomPowerLost, room_->id(), room_->last_change()});
  } else if (!forced_down()) {
    const bool can_start = room_->can_restart_hosts();
    if (mode_ == Mode::kOff && can_start) {
      up_cause_ = room_->restart_cause();
      if (params_.crew) {
        set_mode(Mode::kWaitingCrew);
        ctx().crew(*params_.crew).request(handler(), kCrewGranted, params_.restart_priority);
      } else {
        begin_power_on();
      }
    } else if (mode_ == Mode::kWaitingCrew && !can_start) {
      ctx().crew(*params_.crew).withdraw(handler(), kCrewGranted);
      set_mode(Mode::kOff);
    }
  }
  publish(mode_ == Mode::kRunning ? State::kUp : State::kDown,
          mode_ == Mode::kRunning ? up_cause_ : down_cause_);
}

bool HostPool::apply_action(const InjectionSpec& injection, InjectionId id) {
  if (injection.action != Action::kShedLoad || !draws_power()) return false;
  stop(injection_cause(injection, id, Reason::kShedByOperator));
  publish(State::kDown, down_cause_);
  return true;
}

void HostPool::on_timer(std::uint32_t tag) {
  switch (tag) {
    case kCrewGranted:
      if (holds_crew_) {  // one unit is enough: give back any other
        ctx().crew(*params_.crew).release();
        return;
      }
      holds_crew_ = true;
      if (mode_ != Mode::kWaitingCrew || forced_down() || !room_->can_restart_hosts()) {
        release_crew();  // the grant came after the need went away
        if (mode_ == Mode::kWaitingCrew) set_mode(Mode::kOff);
        return;
      }
      begin_power_on();
      return;
    case kPoweredOn:
      release_crew();
      set_mode(Mode::kChecking);
      timer_ = start_timer(params_.checks, kChecked);
      return;
    case kChecked:
      set_mode(Mode::kRunning);
      publish(State::kUp, up_cause_);
      return;
    default:
      assert(false);
  }
}

void HostPool::on_forced_change() {
  if (forced_down() && mode_ != Mode::kOff) stop(Cause{Reason::kFault});
}

}  // namespace outagesim::models
