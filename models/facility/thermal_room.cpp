// Temperature bookkeeping, threshold crossings, power and sprinkler damage of a room.
#include "models/facility/thermal_room.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "models/core/model_context.hpp"
#include "models/facility/cooling_plant.hpp"
#include "models/facility/host_pool.hpp"

namespace outagesim::models {

namespace {
constexpr double kToleranceC = 1e-6;
// The structure's temperature is held fixed between events (at its value half way through the step), and
// events come at least this often while it moves: its time constant is hours, so it moves a fraction of a
// degree in one step. Steps are shorter when the air follows the structure faster: a tenth of the air's
// time constant against it (C / K), but not under 30 s (an air that follows in seconds sits on the
// structure, and the structure's own time constant is an hour or more).
constexpr sim::Time kStructureStep = sim::Time::minutes(5);
constexpr sim::Time kShortestStructureStep = sim::Time::seconds(30);
constexpr double kStepMsPerAirSecond = 100.0;  // a tenth of C / K, in ms
// Closer than this to the air, the structure counts as settled and needs no steps.
constexpr double kStructureSettledC = 0.01;
}  // namespace

namespace {
// The room at its setpoint: the building gives heat to the outside only when the outside air is cooler.
ThermalInputs at_setpoint(const RoomParams& params, double outside_c, double load_kw, double cooling_kw) {
  const double loss = outside_c < params.setpoint_c ? params.resolved_heat_loss_kw_per_c() : 0.0;
  return ThermalInputs{load_kw,          cooling_kw, loss, outside_c, params.resolved_thermal_mass_kj_per_c(),
                       params.setpoint_c};
}
}  // namespace

bool room_can_carry(const RoomParams& params, double outside_c, double load_kw, double cooling_kw) {
  return can_hold_setpoint(at_setpoint(params, outside_c, load_kw, cooling_kw));
}

double room_headroom_kw(const RoomParams& params, double outside_c, double load_kw, double cooling_kw) {
  return -net_kw_at_setpoint(at_setpoint(params, outside_c, load_kw, cooling_kw));
}

ThermalRoom::ThermalRoom(ComponentId id, const RoomParams& params)
    : Component(id, ComponentKind::kRoom),
      params_(params),
      temp_c_(params.setpoint_c),
      outside_c_(params.outside.at(sim::Time())),
      structure_c_(params.setpoint_c) {}

void ThermalRoom::watch_temperature(double c, bool rising) {
  auto found = std::find_if(watched_.begin(), watched_.end(), [&](const Watched& w) { return w.c == c; });
  if (found == watched_.end()) {
    watched_.push_back(Watched{c, false, false, temp_c_ > c + kToleranceC});
    found = std::prev(watched_.end());
  }
  (rising ? found->rising : found->falling) = true;
}

void ThermalRoom::cross_watched(Watched& w, bool rising) {
  w.above = rising;
  if (rising ? !w.rising : !w.falling) return;
  Cause cause = cooling_cause(rising ? Reason::kTemperatureRose : Reason::kTemperatureFell);
  cause.value = w.c;  // exactly the watched value, which the trigger matches
  ctx().note_moment(*this, cause);
}

void ThermalRoom::wire(CoolingPlant& plant, std::vector<HostPool*> pools) {
  plant_ = &plant;
  plant.serve_room(params_.design_cooling_kw);
  pools_ = std::move(pools);
}

double ThermalRoom::cooling_kw() const {
  return plant_->capacity_fraction() * cooling_share_ * params_.design_cooling_kw + auxiliary_kw_;
}

double ThermalRoom::full_load_kw() const {
  double kw = params_.base_load_kw;
  for (const HostPool* pool : pools_) kw += pool->full_kw();
  return kw;
}

double ThermalRoom::running_load_kw() const {
  if (!powered()) return 0;
  double kw = params_.base_load_kw;
  for (const HostPool* pool : pools_) kw += pool->heat_kw();
  return kw;
}

bool ThermalRoom::can_restart_hosts() const {
  if (!powered() || overheated_) return false;
  if (room_can_carry(params_, outside_c_, full_load_kw(), cooling_kw())) return true;
  // In part only when hot air alone keeps it short: every chiller running and all of their cooling
  // reaching it (air handlers out are something to restore, as a chiller is).
  return plant_->all_chillers_running() && cooling_share_ >= 1 &&
         room_can_carry(params_, outside_c_, running_load_kw(), cooling_kw());
}

std::uint32_t ThermalRoom::hosts_that_fit(std::uint32_t hosts, double kw_per_host) const {
  if (kw_per_host <= 0 || room_can_carry(params_, outside_c_, full_load_kw(), cooling_kw())) return hosts;
  const double headroom = room_headroom_kw(params_, outside_c_, running_load_kw(), cooling_kw());
  if (headroom <= 0) return 0;
  // With a hair of slack, as the room's own rule has: hosts that exactly fill it fit.
  const double fit = std::floor(headroom / kw_per_host + 1e-9);
  return fit >= hosts ? hosts : static_cast<std::uint32_t>(fit);
}

Cause ThermalRoom::restart_cause() const {
  const ComponentStatus& mine = ctx().status(id());
  const ComponentStatus& plant = ctx().status(plant_->id());
  if (plant.last_change != kNoChange && plant.last_change_time > mine.last_change_time) {
    return Cause{Reason::kRestarted, plant_->id(), plant.last_change};
  }
  return Cause{Reason::kRestarted, id(), mine.last_change};
}

Cause ThermalRoom::held_by_cooling_cause() const {
  Cause cause = cooling_cause(Reason::kAwaitingCooling);
  if (cause.blamed == kNoComponent) cause = Cause{Reason::kAwaitingCooling, id(), last_change()};
  cause.value = 0;
  return cause;
}

bool ThermalRoom::losing_to_outside(double heat_kw) const {
  // The building loses heat through its doors and vents while the room is hotter than the outside air; on
  // a day hotter than the room they are shut, and what the envelope lets in is part of the design load.
  // At the outside temperature itself, the side the room is heading to decides.
  if (temp_c_ > outside_c_ + kToleranceC) return true;
  if (temp_c_ < outside_c_ - kToleranceC) return false;
  return heat_kw > cooling_kw();
}

ThermalInputs ThermalRoom::inputs() const {
  const double heat = running_load_kw();
  double loss = losing_to_outside(heat) ? params_.resolved_heat_loss_kw_per_c() : 0.0;
  double outside = outside_c_;
  if (has_structure()) {
    // G (T - T_out) + K (T - S) = (G + K) (T - T'), with T' the weighted mean of T_out and S.
    const double coupling = params_.structure_coupling_kw_per_c;
    // The structure as it will be half way through the step (relaxing toward the air as it is now): held
    // at its value at the start instead, the air runs late by most of a step's drift.
    const double half_step_s = structure_step().to_seconds() / 2;
    const double rate = coupling / params_.structure_mass_kj_per_c;
    const double mid_c = temp_c_ + (structure_c_ - temp_c_) * std::exp(-rate * half_step_s);
    outside = (loss * outside_c_ + coupling * mid_c) / (loss + coupling);
    loss += coupling;
  }
  return ThermalInputs{
      heat, cooling_kw(), loss, outside, params_.resolved_thermal_mass_kj_per_c(), params_.setpoint_c};
}

void ThermalRoom::advance_structure(double mean_air_c, double seconds) {
  // C_s dS/dt = K (T - S) with T at its mean over the interval: S relaxes toward it exactly.
  const double rate = params_.structure_coupling_kw_per_c / params_.structure_mass_kj_per_c;
  structure_c_ = mean_air_c + (structure_c_ - mean_air_c) * std::exp(-rate * seconds);
}

sim::Time ThermalRoom::structure_step() const {
  const double air_follows_s = params_.resolved_thermal_mass_kj_per_c() / params_.structure_coupling_kw_per_c;
  return std::clamp(sim::Time::ms(static_cast<std::int64_t>(kStepMsPerAirSecond * air_follows_s)),
                    kShortestStructureStep, kStructureStep);
}

void ThermalRoom::arm_structure() {
  if (!has_structure() || ctx().engine().is_pending(structure_timer_)) return;
  // Steps while the structure moves, or while the air does (the structure will follow it).
  if (std::abs(temp_c_ - structure_c_) <= kStructureSettledC && direction(applied_, temp_c_) == 0) return;
  structure_timer_ = start_timer(structure_step(), kStructure);
}

double ThermalRoom::temperature_now_c() const {
  const sim::Time now = ctx().now();
  return now <= temp_time_ ? temp_c_ : temperature_after(applied_, temp_c_, (now - temp_time_).to_seconds());
}

int ThermalRoom::advance_to_now() {
  const sim::Time now = ctx().now();
  if (now <= temp_time_) return 0;
  const double before = temp_c_;
  const double seconds = (now - temp_time_).to_seconds();
  for (HostPool* pool : pools_) pool->heat_exposure(applied_, temp_c_, seconds);  // heat damage
  temp_c_ = temperature_after(applied_, temp_c_, seconds);
  temp_time_ = now;
  // The trapezoid of the air's start and end: exact enough over at most one structure step.
  if (has_structure()) advance_structure((before + temp_c_) / 2, seconds);
  return temp_c_ > before ? 1 : temp_c_ < before ? -1 : 0;
}

void ThermalRoom::catch_up() {
  const int moved = advance_to_now();
  in_crossing_ = true;
  apply_thresholds(moved);
  in_crossing_ = false;
}

void ThermalRoom::reschedule() {
  applied_ = inputs();
  applied_losing_ = losing_to_outside(applied_.heat_kw);
  if (observer_) observer_->on_segment(id(), temp_time_, temp_c_, applied_);
  cancel_timer(crossing_timer_);
  arm_structure();
  const int dir = direction(applied_, temp_c_);
  // A room at a watched temperature that now turns away from it crosses it now: no timer would (the
  // targets below lie beyond the tolerance), and the next event would find it far past.
  for (Watched& w : watched_) {
    if (std::abs(temp_c_ - w.c) > kToleranceC) continue;
    if (dir > 0 && !w.above) cross_watched(w, true);
    if (dir < 0 && w.above) cross_watched(w, false);
  }
  std::optional<double> target;
  // Where the room passes the outside temperature, its loss to the outside starts or stops.
  const bool has_envelope = params_.resolved_heat_loss_kw_per_c() > 0;
  if (dir > 0) {
    const auto consider = [&](double t) {
      if (t > temp_c_ + kToleranceC && (!target || t < *target)) target = t;
    };
    if (!overheated_) consider(params_.alarm_c);
    if (params_.sprinkler_c && may_discharge()) consider(*params_.sprinkler_c);
    if (has_envelope && !applied_losing_) consider(outside_c_);  // rising into air it then loses heat to
    for (const Watched& w : watched_) {
      if (!w.above) consider(w.c);
    }
    for (const HostPool* pool : pools_) {
      if (const auto trip = pool->next_trip_c()) consider(*trip);
    }
  } else if (dir < 0) {
    const auto consider = [&](double t) {
      if (t < temp_c_ - kToleranceC && (!target || t > *target)) target = t;
    };
    if (overheated_) consider(params_.alarm_c);
    consider(params_.setpoint_c);
    if (has_envelope && applied_losing_) consider(outside_c_);  // falling below the air: no more loss
    for (const Watched& w : watched_) {
      if (w.above) consider(w.c);
    }
    for (const HostPool* pool : pools_) {
      if (pool->awaits_rating()) consider(*pool->rated_c());
    }
  }
  if (!target) return;
  const std::optional<double> seconds = seconds_to_reach(applied_, temp_c_, *target);
  if (!seconds) return;  // beyond the equilibrium: never reached with these inputs
  crossing_target_c_ = *target;
  crossing_rising_ = dir > 0;
  crossing_timer_ = start_timer(sim::ceil_seconds(*seconds), kCrossing);
}

void ThermalRoom::publish_state(const Cause& cause) {
  const State natural = !powered() ? State::kDown : overheated_ ? State::kDegraded : State::kUp;
  publish(natural, cause);
  note_restartable();
}

void ThermalRoom::note_restartable() {
  const bool now = can_restart_hosts();
  if (now == restartable_) return;
  restartable_ = now;
  ctx().note_moment(*this, Cause{Reason::kHostsRestartable, plant_->id(), plant_->last_change(), kNoInjection,
                                 now ? 1.0 : 0.0});
}

Cause ThermalRoom::cooling_cause(Reason reason) const {
  // The plant is to blame for the temperature only when it is not delivering its design capacity. A room
  // that overheats, or rises through a watched temperature, owes it to the change that took capacity
  // away, not to a later partial restore; one that cools down owes it to the plant's latest change
  // (capacity coming back).
  const bool heating = reason == Reason::kOverheating || reason == Reason::kTemperatureRose ||
                       reason == Reason::kAwaitingCooling;
  // Cooling down after its own share came back, later than anything its plant did: that return.
  const ChangeId plant_latest = plant_->last_change();
  if (!heating && share_last_change_ != kNoChange &&
      (plant_latest == kNoChange || share_last_change_ > plant_latest))
    return Cause{reason, id(), share_last_change_, kNoInjection, temp_c_};
  if (plant_->state() == State::kUp) {
    // Its plant whole, but its own share of it cut (air handlers out): the room's own change.
    if (heating && share_change_ != kNoChange)
      return Cause{reason, id(), share_change_, kNoInjection, temp_c_};
    return Cause{reason, kNoComponent, heating ? kNoChange : plant_latest, kNoInjection, temp_c_};
  }
  ChangeId trigger = plant_latest;
  if (heating && plant_->capacity_loss_change() != kNoChange) {
    trigger = plant_->capacity_loss_change();
  }
  return Cause{reason, plant_->id(), trigger, kNoInjection, temp_c_};
}

void ThermalRoom::apply_thresholds(int direction) {
  // Temperatures triggers watch, reached moving this way.
  for (Watched& w : watched_) {
    if (direction > 0 && !w.above && temp_c_ >= w.c - kToleranceC) cross_watched(w, true);
    if (direction < 0 && w.above && temp_c_ <= w.c + kToleranceC) cross_watched(w, false);
  }
  if (direction > 0) {
    if (!overheated_ && temp_c_ >= params_.alarm_c - kToleranceC) {
      overheated_ = true;
      const Cause cause = cooling_cause(Reason::kOverheating);
      publish_state(cause);
      // Dark rooms change no state as they pass the alarm: their heat goes back to what took the cooling.
      heat_change_ = state() == State::kDegraded ? last_change() : cause.trigger;
    }
    if (params_.sprinkler_c && may_discharge() && temp_c_ >= *params_.sprinkler_c - kToleranceC) {
      discharge(Cause{Reason::kSprinkler, id(), last_change(), kNoInjection, temp_c_});
    }
    for (HostPool* pool : pools_) {
      if (const auto trip = pool->next_trip_c(); trip && temp_c_ >= *trip - kToleranceC) {
        pool->thermal_trip(temp_c_);
      }
    }
  }
  if (direction < 0) {
    // Running hosts that ran hot: their damage is found once the room is back at their rating.
    for (HostPool* pool : pools_) {
      if (pool->awaits_rating() && temp_c_ <= *pool->rated_c() + kToleranceC) pool->cooled_to_rating();
    }
  }
  if (direction < 0 && overheated_ && temp_c_ <= params_.alarm_c + kToleranceC) {
    overheated_ = false;
    const State before = state();
    publish_state(cooling_cause(Reason::kCooledDown));
    // A room that stays down (sprinkler damage) still journals that it cooled: repairs wait for it.
    if (state() == before) ctx().note_change(*this, cooling_cause(Reason::kCooledDown));
    // Crews go into a flooded room only once it has cooled down.
    if (damaged_ && params_.damage_checks && !ctx().engine().is_pending(damage_timer_)) {
      damage_timer_ = start_timer(*params_.damage_checks, kDamageChecksDone);
    }
    ctx().touch_dependents(id());
  }
}

void ThermalRoom::discharge(const Cause& cause) {
  if (params_.suppression == RoomParams::Suppression::kGas) {
    seal();
    agent_spent_ = true;
    ctx().note_change(*this, cause);  // sealed, still powered: no change of state
    return;
  }
  take_water(cause);
}

void ThermalRoom::seal() {
  accessible_ = false;
  cancel_timer(reentry_timer_);
  reentry_timer_ = start_timer(params_.reentry_after, kReentry);
}

void ThermalRoom::take_water(const Cause& cause) {
  seal();
  damaged_ = true;
  update_ups_draw();  // flooded, its equipment is off: the UPS keeps what is left
  // Crews go into a flooded room only once it has cooled: one already cool starts its checks now.
  if (!overheated_ && params_.damage_checks && !ctx().engine().is_pending(damage_timer_)) {
    damage_timer_ = start_timer(*params_.damage_checks, kDamageChecksDone);
  }
  const State before = state();
  publish_state(cause);
  // A room already down (powered off, failed) is flooded too: the journal says so, and stages in it stop.
  if (state() == before) ctx().note_change(*this, cause);
}

void ThermalRoom::cross_threshold() {
  advance_to_now();
  // Exactly at the target, whatever the rounding of the event time.
  if (crossing_rising_ ? temp_c_ < crossing_target_c_ : temp_c_ > crossing_target_c_)
    temp_c_ = crossing_target_c_;
  in_crossing_ = true;
  apply_thresholds(crossing_rising_ ? 1 : -1);
  in_crossing_ = false;
  reschedule();
}

void ThermalRoom::heat_changed() {
  if (in_crossing_) return;  // the caller reschedules once it is done
  catch_up();
  reschedule();
}

void ThermalRoom::settle_ups() {
  const sim::Time now = ctx().now();
  const sim::Time elapsed = now - ups_since_;
  ups_since_ = now;
  if (!ups_available_) return;
  if (!power_needs_met_) {
    // Drained only while it carries the room's equipment: a room already dark (its UPS lost or spent),
    // switched off, flooded or failed draws nothing from it.
    if (ups_drawn_) ups_left_ = std::max(sim::Time(), ups_left_ - elapsed);
  } else if (params_.ups_recharge <= sim::Time()) {
    ups_left_ = params_.ups_ride_through;  // a draw of no time: recharged at once
  } else if (ups_left_ < params_.ups_ride_through) {
    // Linear recharge, in whole milliseconds (rounded down: a battery is never fuller than it has earned).
    const double gained = static_cast<double>(elapsed.count_ms()) *
                          static_cast<double>(params_.ups_ride_through.count_ms()) /
                          static_cast<double>(params_.ups_recharge.count_ms());
    const double left = static_cast<double>(ups_left_.count_ms()) + std::floor(gained);
    ups_left_ = left >= static_cast<double>(params_.ups_ride_through.count_ms())
                    ? params_.ups_ride_through
                    : sim::Time::ms(static_cast<std::int64_t>(left));
  }
}

bool ThermalRoom::draws_ups() const {
  return ups_available_ && !power_needs_met_ && power_ok_ && !damaged_ && !operator_off_ && !forced_down();
}

void ThermalRoom::update_ups_draw() {
  const bool draws = draws_ups();
  if (draws == ups_drawn_) return;
  settle_ups();  // what the draw so far took, or the charge kept while nothing drew
  ups_drawn_ = draws;
  cancel_timer(ups_timer_);
  if (ups_left_ <= sim::Time() && !power_needs_met_ && power_ok_) {
    // Spent in this very instant (the draw stopped as the battery ran out), or about to draw on nothing:
    // dark now, not up for no time once the equipment is switched back on (review 12).
    power_ok_ = false;
    ups_drawn_ = false;
    return;
  }
  if (draws) ups_timer_ = start_timer(ups_left_, kUpsExhausted);
}

void ThermalRoom::start() {
  temp_time_ = ctx().now();
  ups_left_ = params_.ups_ride_through;
  ups_since_ = ctx().now();
  arm_weather();
  reschedule();
}

void ThermalRoom::arm_weather() {
  if (const auto next = params_.outside.next_change_after(ctx().now()))
    weather_timer_ = start_timer(*next - ctx().now(), kWeather);
}

void ThermalRoom::evaluate() {
  catch_up();
  Cause cause{Reason::kDependency, plant_->id(), plant_->last_change()};
  const Verdict power = models::evaluate(params_.power, ctx().status());
  const bool met = power.state != State::kDown;
  const Verdict ups = models::evaluate(params_.ups, ctx().status());
  if ((ups.state != State::kDown) != ups_available_) {
    settle_ups();  // what it drained or gained until now, as it was
    ups_available_ = ups.state != State::kDown;
  }
  if (!met && power_needs_met_) {
    settle_ups();
    power_needs_met_ = false;
    power_cause_ = Cause{Reason::kPowerLost, power.blamed, power.trigger};
    if (!ups_available_ || ups_left_ <= sim::Time()) {
      power_ok_ = false;  // no UPS, or a spent one: dark in this instant, as what it follows sees it
      cause = power_cause_;
    }
    // Otherwise it rides through: update_ups_draw() times the battery, if the equipment draws on it.
  } else if (met && !power_needs_met_) {
    settle_ups();
    power_needs_met_ = true;
    if (!power_ok_) {
      power_ok_ = true;
      cause = Cause{Reason::kPowerRestored, power.blamed, power.trigger};
    }
  }
  if (!ups_available_ && !power_needs_met_ && power_ok_) {
    // Riding through on a UPS that is lost (its battery room on fire): dark at once, owing it to the UPS.
    power_ok_ = false;
    cause = Cause{Reason::kPowerLost, ups.blamed, ups.trigger};
  }
  update_ups_draw();
  reschedule();
  publish_state(cause);
  // Cooling may have changed without any state changing: pools re-check whether they can restart.
  ctx().touch_dependents(id());
}

bool ThermalRoom::apply_action(const InjectionSpec& injection, InjectionId id) {
  catch_up();
  switch (injection.action) {
    case Action::kAuxiliaryCooling: {
      // Removing more temporary cooling than was brought in removes it all, not the plant's share.
      const double kw = std::max(
          0.0, auxiliary_kw_ +
                   injection.amount * (injection.amount_is_design_share ? params_.design_cooling_kw : 1.0));
      if (kw == auxiliary_kw_) return false;  // nothing to remove, or nothing added
      auxiliary_kw_ = kw;
      break;
    }
    case Action::kSetCapacity: {
      if (injection.amount == cooling_share_) return false;
      const double previous_share = cooling_share_;
      cooling_share_ = injection.amount;
      reschedule();
      const Cause cause = injection_cause(injection, id);
      const State before = state();
      publish_state(cause);
      if (state() == before) ctx().note_change(*this, cause);  // the room's heat now owes it this change
      // A cut (the share lower than it was) is what later heat owes to; a partial restore is not
      // (review 10), nor is an earlier, deeper cut the room had recovered from (review 11).
      if (cooling_share_ >= 1) {
        share_change_ = kNoChange;
      } else if (cooling_share_ < previous_share) {
        share_change_ = last_change();
      }
      share_last_change_ = last_change();
      ctx().touch_dependents(this->id());
      return true;
    }
    case Action::kPowerOff:
      if (operator_off_) return false;
      operator_off_ = true;
      break;
    case Action::kPowerOn:
      if (!operator_off_) return false;
      operator_off_ = false;
      break;
    case Action::kClearDamage:
      if (!damaged_) return false;
      damaged_ = false;
      cancel_timer(damage_timer_);
      break;
    case Action::kDischarge: {
      // A water discharge into a flooded room, or gas once spent, adds nothing.
      if (!may_discharge()) return false;
      Cause cause = injection_cause(injection, id);
      cause.reason = Reason::kSprinkler;
      cause.value = temp_c_;
      discharge(cause);
      reschedule();
      ctx().touch_dependents(this->id());
      return true;
    }
    case Action::kFlood: {
      if (damaged_) return false;  // already wet and dark: more water adds nothing
      Cause cause = injection_cause(injection, id);
      cause.reason = Reason::kFlooded;
      take_water(cause);
      reschedule();
      ctx().touch_dependents(this->id());
      return true;
    }
    default:
      return false;
  }
  update_ups_draw();  // equipment switched off or on, or dried out, while the room rides on its UPS
  reschedule();
  publish_state(injection_cause(injection, id));
  ctx().touch_dependents(this->id());
  return true;
}

void ThermalRoom::on_timer(std::uint32_t tag) {
  switch (tag) {
    case kCrossing:
      cross_threshold();
      return;
    case kUpsExhausted:
      catch_up();
      settle_ups();  // spent while it carried the room; dark, it draws no more
      power_ok_ = false;
      ups_drawn_ = false;
      reschedule();
      publish_state(power_cause_);
      return;
    case kReentry:
      accessible_ = true;
      ctx().note_change(*this, Cause{Reason::kReentryAllowed, id(), last_change()});
      return;
    case kDamageChecksDone:
      catch_up();
      damaged_ = false;
      update_ups_draw();
      reschedule();
      publish_state(Cause{Reason::kDamageCleared, id(), last_change()});
      ctx().touch_dependents(id());
      return;
    case kStructure:
      // The structure has moved: the air's trajectory from now on is a new one.
      catch_up();
      reschedule();
      return;
    case kWeather:
      // The old outside air up to now, the new one from now: the integration stays exact.
      catch_up();
      outside_c_ = params_.outside.at(ctx().now());
      arm_weather();
      reschedule();
      // Whether the room can carry its load changed with the air: pools re-check their restarts.
      ctx().touch_dependents(id());
      return;
    default:
      assert(false);
  }
}

void ThermalRoom::on_forced_change() {
  catch_up();
  update_ups_draw();  // a failed room draws nothing from its UPS; repaired, it draws again
  reschedule();
}

}  // namespace outagesim::models
