// Chiller bookkeeping of the cooling plant: actions, power and control trips, derating, storage.
#include "models/facility/cooling_plant.hpp"

#include <algorithm>
#include <cmath>

#include "models/core/model_context.hpp"

namespace outagesim::models {

namespace {
constexpr double kToleranceKw = 1e-9;
}

CoolingPlant::CoolingPlant(ComponentId id, const CoolingPlantParams& params)
    : Component(id, ComponentKind::kCoolingPlant),
      params_(params),
      primary_running_(params.chillers),
      outside_c_(params.outside.at(sim::Time())),
      storage_kj_(params.storage_kwh * 3600.0),
      lowest_running_(params.chillers) {}

double chiller_derate_factor(const CoolingPlantParams& params, double outside_c) {
  if (params.max_outside_c && outside_c > *params.max_outside_c) return 0;  // tripped on head pressure
  const double above_c = std::max(0.0, outside_c - params.rated_outside_c);
  return std::clamp(1.0 - params.derate_pct_per_c / 100.0 * above_c, 0.0, 1.0);
}

double CoolingPlant::derate_factor() const {
  return chiller_derate_factor(params_, outside_c_);
}

std::uint32_t CoolingPlant::units_wanted() const {
  const std::uint32_t all = params_.chillers + params_.standby_chillers;
  const double per_unit = params_.chiller_kw * derate_factor();
  if (per_unit <= 0) return params_.chillers;  // tripped in hot air: more units would trip as well
  const double needed = std::min(design_kw(), demand_kw());
  const double units = std::ceil(needed / per_unit * (1 - 1e-12));
  return std::max(params_.chillers, static_cast<std::uint32_t>(std::min(units, static_cast<double>(all))));
}

void CoolingPlant::follow_derating() {
  const std::uint32_t wanted = units_wanted();
  if (primary_running_ + standby_running_ > wanted) {
    standby_running_ -= std::min(standby_running_, primary_running_ + standby_running_ - wanted);
  } else if ((params_.standby_switch || operators_switched_) && !standby_blocked() && powered_ &&
             controlled_ && !forced_down() && primary_running_ + standby_running_ >= params_.chillers &&
             !ctx().engine().is_pending(standby_switch_)) {
    // Only the air is short: the sequencing starts standby units as the load asks. A unit out is replaced
    // after the switch time (arm_standby_switch, armed before this runs), not here: a standby unit that
    // covered the heat does not stand in for a failed primary at once.
    bring_in_standby();
  }
}

bool CoolingPlant::all_chillers_running() const {
  if (forced_down() || !powered_ || !controlled_ || primary_running_ < params_.chillers) return false;
  if (chillers_running() >= units_wanted()) return true;
  // Short by the air alone: only cooler air helps unless a standby unit is failed (a repair would add it);
  // units the sequencing may not start (a blocked loop, a manual switch not made) are no help either.
  const bool usable = !standby_blocked() && (params_.standby_switch || operators_switched_);
  return !usable || standby_failed_ == 0;
}

double CoolingPlant::chiller_output_kw() const {
  if (forced_down() || !powered_ || !controlled_) return 0;
  return chillers_running() * params_.chiller_kw * derate_factor();
}

double CoolingPlant::capacity_kw() const {
  if (forced_down()) return 0;
  const double chillers = chiller_output_kw();
  // Storage tops the chillers up to what the rooms are designed to take while it lasts.
  return storage_kj_ > 0 ? std::max(chillers, demand_kw()) : chillers;
}

double CoolingPlant::demand_kw() const {
  return rooms_design_kw_ > 0 ? rooms_design_kw_ : design_kw();
}

double CoolingPlant::capacity_fraction() const {
  return std::min(1.0, capacity_kw() / demand_kw());
}

State CoolingPlant::natural_state() const {
  const double output = chiller_output_kw();
  if (output <= kToleranceKw) return State::kDown;
  // Up while as many units run as the plant has primaries (standby units standing in for failed ones
  // count) and give the rooms what they are designed to take: derating that installed spare covers is no
  // fault, but a unit out of a plant's count is one even while its other units cover it.
  const double needed = std::min(design_kw(), demand_kw());
  if (chillers_running() >= params_.chillers && output >= needed - kToleranceKw) return State::kUp;
  return State::kDegraded;
}

void CoolingPlant::start() {
  storage_time_ = ctx().now();
  arm_weather();
  if (too_hot()) {  // the air is past the chillers' limit from the start: they are tripped
    hot_tripped_ = true;
    primary_running_ = 0;
  }
  follow_derating();
  // Short of design from the start only by the outside air (a plant derated on a hot day): say so.
  if (derate_factor() < 1.0)
    last_cause_ = Cause{Reason::kOutsideAir, kNoComponent, kNoChange, kNoInjection, outside_c_};
  evaluate();
  refresh_storage();
}

void CoolingPlant::evaluate() {
  const Verdict power = models::evaluate(params_.power, ctx().status());
  const Verdict control = models::evaluate(params_.control, ctx().status());
  const bool power_now = power.state != State::kDown;
  const bool control_now = control.state != State::kDown;
  bool changed = false;
  Cause cause = last_cause_;
  if (powered_ && !power_now) {
    // A sag trips the chillers even when it is over in a moment: they need restarting, by themselves or
    // by hand.
    powered_ = false;
    stop_all_chillers();
    cause = Cause{Reason::kChillerTrip, power.blamed, power.trigger};
    changed = true;
  } else if (!powered_ && power_now) {
    powered_ = true;
    if (params_.auto_restart > 0) auto_restart_timer_ = start_timer(params_.auto_restart_delay, kAutoRestart);
    cause = Cause{Reason::kPowerRestored, power.blamed, power.trigger};
    changed = true;
  }
  if (controlled_ && !control_now) {
    controlled_ = false;
    if (!params_.control_auto_restart) stop_all_chillers();
    cause = Cause{Reason::kControlLost, control.blamed, control.trigger};
    changed = true;
  } else if (!controlled_ && control_now) {
    controlled_ = true;
    cause = Cause{Reason::kControlRestored, control.blamed, control.trigger};
    changed = true;
  }
  if (changed) {
    update(cause);
  } else {
    publish(natural_state(), last_cause_);
  }
}

void CoolingPlant::stop_all_chillers() {
  primary_running_ = 0;
  standby_running_ = 0;
  // Whatever was under way stops with them: nothing switches or restarts without power.
  cancel_timer(standby_switch_);
  cancel_timer(auto_restart_timer_);
  cancel_timer(retrip_timer_);
}

void CoolingPlant::refresh_storage() {
  const sim::Time now = ctx().now();
  if (now > storage_time_) {
    storage_kj_ = std::max(0.0, storage_kj_ - draw_kw_ * (now - storage_time_).to_seconds());
    storage_time_ = now;
  }
  cancel_timer(storage_timer_);
  draw_kw_ = 0;
  if (storage_kj_ <= 0 || forced_down()) return;
  // Simplification: storage gives the whole shortfall below what the rooms are designed to take, whatever
  // their actual heat, so it drains at that rate; chillers beyond the rooms' design draw nothing from it.
  draw_kw_ = std::max(0.0, demand_kw() - chiller_output_kw());
  if (draw_kw_ <= kToleranceKw) {
    draw_kw_ = 0;
    return;
  }
  storage_timer_ = start_timer(sim::ceil_seconds(storage_kj_ / draw_kw_), kStorageSpent);
}

ChangeId CoolingPlant::capacity_loss_change() const {
  if (forced_down()) return last_change();  // the forced fault: while it holds, no other change is journalled
  return loss_change_;
}

void CoolingPlant::update(const Cause& cause) {
  follow_derating();
  refresh_storage();
  const State before = state();
  last_cause_ = cause;
  if (cause.reason != Reason::kOutsideAir) last_cause_.value = chillers_running();
  publish(natural_state(), last_cause_);
  if (state() == before && !forced_down()) ctx().note_change(*this, last_cause_);
  const std::uint32_t running = chillers_running();
  // Whole again (every primary running, and every unit the air needs): what is missing later is new. A
  // primary out that a standby unit stands in for is not whole: on a hotter afternoon, the missing
  // capacity goes back to that failure.
  if (primary_running_ >= params_.chillers && running >= units_wanted()) {
    lowest_running_ = running;
    loss_change_ = kNoChange;
  } else if ((running < lowest_running_ || cause.reason == Reason::kStorageSpent) && !forced_down()) {
    // Storage running out takes away the capacity it was standing in for.
    lowest_running_ = running;
    loss_change_ = last_change();
  }
  if (draw_kw_ <= 0) {
    draw_began_ = kNoChange;
  } else if (draw_began_ == kNoChange) {
    draw_began_ = last_change();
  }
  // Rooms read the capacity, which can change without the state changing (one chiller more, still degraded).
  ctx().touch_dependents(id());
}

void CoolingPlant::arm_standby_switch() {
  if (params_.standby_chillers == 0 || !params_.standby_switch || standby_blocked() || !powered_ ||
      ctx().engine().is_pending(standby_switch_))
    return;
  if (primary_running_ + standby_running_ >= units_wanted()) return;
  if (standby_running_ + standby_failed_ >= params_.standby_chillers) return;  // none left to switch in
  standby_switch_ = start_timer(*params_.standby_switch, kStandbySwitch);
}

void CoolingPlant::arm_weather() {
  if (params_.derate_pct_per_c <= 0 && !params_.max_outside_c) return;  // the outside air changes nothing
  if (const auto next = params_.outside.next_change_after(ctx().now()))
    weather_timer_ = start_timer(*next - ctx().now(), kWeather);
}

void CoolingPlant::bring_in_standby() {
  const std::uint32_t wanted = units_wanted();
  standby_running_ = std::min(params_.standby_chillers - standby_failed_,
                              wanted > primary_running_ ? wanted - primary_running_ : 0u);
}

bool CoolingPlant::apply_action(const InjectionSpec& injection, InjectionId id) {
  const Cause cause = injection_cause(injection, id);
  const auto count = static_cast<std::uint32_t>(injection.amount);
  switch (injection.action) {
    case Action::kFailChillers: {
      // Running chillers fail, the primary ones first, then standby units already switched in (which
      // then cannot be switched in again until restored).
      const std::uint32_t primary = std::min(count, primary_running_);
      const std::uint32_t standby = std::min(count - primary, standby_running_);
      if (primary + standby == 0) return false;  // nothing running to fail
      primary_running_ -= primary;
      primary_failed_ += primary;
      standby_running_ -= standby;
      standby_failed_ += standby;
      arm_standby_switch();
      update(cause);
      return true;
    }
    case Action::kLoopAirlock:
      // A loop already air-locked, with nothing running it could stop: nothing changes.
      if (loop_airlocked_ && primary_running_ == 0 && (!params_.shared_loop || standby_running_ == 0))
        return false;
      loop_airlocked_ = true;
      primary_running_ = 0;
      primary_failed_ = params_.chillers;  // until the loop is bled and they are restored by hand
      if (params_.shared_loop) {
        standby_running_ = 0;
        cancel_timer(standby_switch_);
      }
      arm_standby_switch();
      update(cause);
      return true;
    case Action::kSwitchToStandby:
      if (standby_blocked() || params_.standby_chillers == 0 || !powered_) return false;
      {
        // A standby set switched only by hand is in service from now on: it follows the heat as an
        // automatic one does (an effect even when no unit is wanted yet).
        const bool newly_in_service = !params_.standby_switch && !operators_switched_;
        operators_switched_ = true;
        const std::uint32_t before = standby_running_;
        bring_in_standby();
        if (standby_running_ == before) return newly_in_service;  // none (more) to switch in now
      }
      cancel_timer(standby_switch_);
      update(cause);
      return true;
    case Action::kRestoreChillers:
      // A chiller cannot be restarted without power, in air past its limit, nor in a plant failed as a
      // whole (that takes a repair).
      // The air as scheduled now, not as the plant last read it: the weather's step of this instant may
      // come after the actions of the instant (review 11: a restore at the minute the air fell back did
      // nothing).
      if (!powered_ || forced_down() ||
          (params_.max_outside_c && params_.outside.at(ctx().now()) > *params_.max_outside_c))
        return false;
      // Every chiller running and none failed: nothing to restore.
      if (primary_running_ == params_.chillers && standby_failed_ == 0) return false;
      // Failed standby units are repaired with what the primaries do not take.
      standby_failed_ -= std::min(standby_failed_, primary_running_ + count > params_.chillers
                                                       ? primary_running_ + count - params_.chillers
                                                       : 0u);
      {
        // Tripped primaries restart first, then failed ones are repaired.
        const std::uint32_t restart = std::min(count, params_.chillers - primary_running_);
        const std::uint32_t tripped = primaries_tripped();
        primary_failed_ -= std::min(primary_failed_, restart > tripped ? restart - tripped : 0u);
        primary_running_ += restart;
      }
      // Standby chillers step back as primary ones return; once all primaries run, only those the
      // derating needs stay.
      {
        const std::uint32_t wanted = units_wanted();
        standby_running_ =
            std::min(standby_running_, wanted > primary_running_ ? wanted - primary_running_ : 0u);
        if (primary_running_ + standby_running_ >= wanted) cancel_timer(standby_switch_);
      }
      update(cause);
      return true;
    default:
      return false;
  }
}

void CoolingPlant::on_timer(std::uint32_t tag) {
  const Cause own{Reason::kCoolingCapacity, kNoComponent, last_change(), kNoInjection};
  switch (tag) {
    case kStandbySwitch:
      if (standby_blocked()) return;
      bring_in_standby();
      update(own);
      return;
    case kAutoRestart: {
      // Still past the limit (power back on a hot afternoon): they restart once the air falls to it.
      if (too_hot()) {
        hot_tripped_ = true;
        return;
      }
      // Restarted units count as running chillers, whichever they are (in Azure 2023 they were the
      // standby ones): in the places of tripped primaries first, then as the standby units the air
      // needs; the plant never runs more than that. Failed units (an air-locked loop, a unit broken or
      // locked out) are no restart's: they wait for restore_chillers.
      const std::uint32_t total = params_.chillers + params_.standby_chillers;
      const std::uint32_t units = std::min(params_.auto_restart, total);
      const std::uint32_t primaries = std::min(primaries_tripped(), units);
      primary_running_ += primaries;
      const std::uint32_t wanted = units_wanted();
      const std::uint32_t room_for = wanted > chillers_running() ? wanted - chillers_running() : 0u;
      const std::uint32_t spare =
          standby_blocked() ? 0u
                            : params_.standby_chillers -
                                  std::min(params_.standby_chillers, standby_running_ + standby_failed_);
      standby_running_ += std::min({units - primaries, room_for, spare});
      if (params_.auto_restart_trips > 0) retrip_timer_ = start_timer(params_.retrip_after, kRetrip);
      update(Cause{Reason::kChillerAutoRestart, kNoComponent, last_change(), kNoInjection});
      return;
    }
    case kRetrip: {
      // Units that trip again lock out: they wait for restore_chillers, as a failed one does (a later
      // power trip's restarts do not bring them back). Part of the restart after a trip, in which nothing
      // switches to standby.
      const std::uint32_t trips = std::min(params_.auto_restart_trips, primary_running_);
      primary_running_ -= trips;
      primary_failed_ += trips;
      update(Cause{Reason::kChillerRetrip, kNoComponent, last_change(), kNoInjection});
      return;
    }
    case kStorageSpent:
      refresh_storage();
      storage_kj_ = 0;  // exactly spent, whatever the rounding of the event time
      update(Cause{Reason::kStorageSpent, kNoComponent, draw_began_, kNoInjection});
      return;
    case kWeather:
      outside_c_ = params_.outside.at(ctx().now());
      arm_weather();
      if (too_hot() && !hot_tripped_) {
        // High head pressure: every running chiller trips, as on a power loss, and nothing switches to
        // standby; they restart as auto_restart says once the air is back within the limit. The air is
        // the whole cause.
        hot_tripped_ = true;
        stop_all_chillers();
        update(Cause{Reason::kOutsideAir, kNoComponent, kNoChange, kNoInjection, outside_c_});
        return;
      } else if (!too_hot() && hot_tripped_) {
        hot_tripped_ = false;
        if (powered_ && params_.auto_restart > 0)
          auto_restart_timer_ = start_timer(params_.auto_restart_delay, kAutoRestart);
      }
      // With every chiller running the air is the whole cause: its chain does not lead back through the
      // day's earlier temperatures. Otherwise it leads on to what took the missing chillers away.
      update(Cause{Reason::kOutsideAir, kNoComponent, all_chillers_running() ? kNoChange : last_change(),
                   kNoInjection, outside_c_});
      return;
    default:
      return;
  }
}

void CoolingPlant::on_forced_change() {
  follow_derating();  // repaired on a hot afternoon: the standby units the air needs start with the rest
  refresh_storage();
  ctx().touch_dependents(id());
}

}  // namespace outagesim::models
