// Chiller bookkeeping of the cooling plant.
#include "models/facility/cooling_plant.hpp"

#include <algorithm>

#include "models/core/model_context.hpp"

namespace outagesim::models {

CoolingPlant::CoolingPlant(ComponentId id, std::string name, const CoolingPlantParams& params)
    : Component(id, std::move(name), ComponentKind::kCoolingPlant),
      params_(params),
      primary_running_(params.chillers),
      lowest_running_(params.chillers) {}

std::uint32_t CoolingPlant::chillers_running() const {
  return std::min(primary_running_ + standby_running_, params_.chillers);
}

double CoolingPlant::capacity_kw() const {
  if (forced_down()) return 0;
  return chillers_running() * params_.chiller_kw;
}

void CoolingPlant::evaluate() {
  const std::uint32_t running = forced_down() ? 0 : chillers_running();
  const State natural = running == params_.chillers ? State::kUp
                        : running == 0              ? State::kDown
                                                    : State::kDegraded;
  publish(natural, last_cause_);
}

ChangeId CoolingPlant::capacity_loss_change() const {
  if (forced_down()) return last_change();  // the forced fault: while it holds, no other change is journalled
  return loss_change_;
}

void CoolingPlant::update(const Cause& cause) {
  const State before = state();
  last_cause_ = cause;
  last_cause_.value = chillers_running();
  evaluate();
  if (state() == before && !forced_down()) ctx().note_change(*this, last_cause_);
  const std::uint32_t running = chillers_running();
  if (running == params_.chillers) {
    lowest_running_ = running;
    loss_change_ = kNoChange;
  } else if (running < lowest_running_ && !forced_down()) {
    lowest_running_ = running;
    loss_change_ = last_change();
  }
  // Rooms read the capacity, which can change without the state changing (one chiller more, still degraded).
  ctx().touch_dependents(id());
}

void CoolingPlant::arm_standby_switch() {
  if (params_.standby_chillers == 0 || !params_.standby_switch || standby_blocked() ||
      ctx().engine().is_pending(standby_switch_))
    return;
  if (primary_running_ + standby_running_ >= params_.chillers) return;
  standby_switch_ = start_timer(*params_.standby_switch, 0);
}

void CoolingPlant::bring_in_standby() {
  standby_running_ = std::min(params_.standby_chillers, params_.chillers - primary_running_);
}

bool CoolingPlant::apply_action(const InjectionSpec& injection, InjectionId id) {
  const Cause cause = injection_cause(injection, id);
  const auto count = static_cast<std::uint32_t>(injection.amount);
  switch (injection.action) {
    case Action::kFailChillers:
      primary_running_ -= std::min(count, primary_running_);
      update(cause);
      arm_standby_switch();
      return true;
    case Action::kLoopAirlock:
      loop_airlocked_ = true;
      primary_running_ = 0;
      if (params_.shared_loop) {
        standby_running_ = 0;
        cancel_timer(standby_switch_);
      }
      update(cause);
      arm_standby_switch();
      return true;
    case Action::kSwitchToStandby:
      if (standby_blocked() || params_.standby_chillers == 0) return false;
      cancel_timer(standby_switch_);
      bring_in_standby();
      update(cause);
      return true;
    case Action::kRestoreChillers:
      primary_running_ = std::min(params_.chillers, primary_running_ + count);
      // Standby chillers step back as primary ones return; none are needed once all primaries run.
      standby_running_ = std::min(standby_running_, params_.chillers - primary_running_);
      if (primary_running_ == params_.chillers) cancel_timer(standby_switch_);
      update(cause);
      return true;
    default:
      return false;
  }
}

void CoolingPlant::on_timer(std::uint32_t) {
  if (standby_blocked()) return;
  bring_in_standby();
  update(Cause{Reason::kCoolingCapacity, kNoComponent, last_change(), kNoInjection});
}

void CoolingPlant::on_forced_change() {
  ctx().touch_dependents(id());
}

}  // namespace outagesim::models
