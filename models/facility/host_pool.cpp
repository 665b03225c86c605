// Shutdown, batched restart, heat damage and replacement of a host pool.
#include "models/facility/host_pool.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <utility>

#include "models/core/model_context.hpp"
#include "models/facility/heat_damage.hpp"
#include "models/facility/thermal_room.hpp"

namespace outagesim::models {

namespace {
// Hours of work for `hosts` at `per_unit_hour` each for `units` together, as a duration.
sim::Time work_time(std::uint32_t hosts, double per_unit_hour, std::uint32_t units) {
  return sim::ceil_seconds(3600.0 * hosts / (per_unit_hour * units));
}
}  // namespace

HostPool::HostPool(ComponentId id, std::string name, const HostPoolParams& params)
    : Component(id, ComponentKind::kHostPool),
      name_(std::move(name)),
      params_(params),
      serving_(params.hosts),
      exposed_(params.hosts),
      spares_left_(params.spares) {}

void HostPool::powered_changed(std::uint32_t powered_before) {
  if (powered_before == powered_hosts()) return;
  // The room's stretch in progress ran with the old count: it is credited when the room catches up,
  // unless the room is already at now.
  if (room_->temperature_time() == ctx().now()) exposed_ = powered_hosts();
  room_->heat_changed();
}

void HostPool::heat_exposure(const ThermalInputs& in, double temp_c, double seconds) {
  const std::uint32_t exposed = exposed_;
  exposed_ = powered_hosts();
  if (!params_.rated_c || exposed == 0) return;
  const double degree_hours = degree_seconds_above(in, temp_c, seconds, *params_.rated_c) / 3600;
  if (degree_hours <= 0) return;
  latent_damage_ += damage_from_exposure(params_.damage_pct_per_c_hour, degree_hours, exposed);
  latent_damage_ = std::min(latent_damage_, static_cast<double>(params_.hosts - damaged_));
}

bool HostPool::awaits_rating() const {
  // Serving hosts above the rating may be gathering damage even when none is expected yet.
  return params_.rated_c && serving_ > 0;
}

void HostPool::cooled_to_rating() {
  if (!awaits_rating() || latent_damage_ <= 0) return;
  const std::uint32_t before = powered_hosts();
  const std::uint32_t found = find_damage(serving_, latent_damage_);
  if (found == 0) return;
  powered_changed(before);
  cause_ =
      Cause{Reason::kHeatDamage, room_->id(), room_->heat_change(), kNoInjection, static_cast<double>(found)};
  publish_share(cause_);
  damage_change_ = ctx().status(id()).last_change;
  ctx().schedule_evaluation(id());  // replacements may start
}

std::uint32_t HostPool::find_damage(std::uint32_t& among, double& latent) {
  std::uint32_t found = 0;
  if (params_.random_damage) {
    if (!damage_stream_) damage_stream_.emplace(ctx().streams().stream("heat_damage/" + name_));
    found = draw_damaged_hosts(*damage_stream_, among, latent);
  } else {
    found = std::min(static_cast<std::uint32_t>(std::llround(latent)), among);
  }
  latent = 0;  // rounded to whole hosts: the remainder is not carried
  if (found == 0) return 0;
  among -= found;
  damaged_ += found;
  order_parts(found);
  return found;
}

void HostPool::order_parts(std::uint32_t hosts) {
  const std::uint32_t from_spares = std::min(hosts, spares_left_);
  spares_left_ -= from_spares;
  parts_ready_ += from_spares;
  if (hosts == from_spares) return;
  orders_.push_back(Order{hosts - from_spares, ctx().now() + params_.parts_lead_time});
  if (!ctx().engine().is_pending(parts_timer_))
    parts_timer_ = start_timer(params_.parts_lead_time, kPartsArrived);
}

void HostPool::release_units(std::uint32_t& units) {
  if (units == 0) return;
  ctx().crew(*params_.crew).release(units);
  units = 0;
}

bool HostPool::may_restart() const {
  return !forced_down() && !held_off_ && room_->can_restart_hosts();
}

void HostPool::withdraw_requests() {
  for (PowerOn& p : power_ons_) {
    if (!p.asked) continue;
    if (params_.crew) ctx().crew(*params_.crew).withdraw(handler(), p.payload);
    p.asked = false;
  }
  teams_asked_ = 0;
  if (awaiting_replace_ && params_.crew) ctx().crew(*params_.crew).withdraw(handler(), replace_payload_);
  awaiting_replace_ = false;
}

void HostPool::stop(const Cause& cause) {
  const std::uint32_t before = powered_hosts();
  if (params_.rated_c && before > 0) {
    // Every host stops: what the running ones gathered is found with the rest at the next power-on.
    latent_stopped_damage_ +=
        latent_damage_ + damage_from_hot_stop(params_.hot_shutdown_pct_per_c, room_->temperature_now_c(),
                                              *params_.rated_c, before);
    latent_damage_ = 0;
    latent_stopped_damage_ = std::min(latent_stopped_damage_, static_cast<double>(params_.hosts - damaged_));
  }
  for (PowerOn& p : power_ons_) {
    cancel_timer(p.timer);
    release_units(p.units);
    p.hosts = 0;
  }
  batches_powering_ = 0;
  cancel_timer(checks_timer_);
  cancel_timer(replace_timer_);
  release_units(replace_units_);
  withdraw_requests();
  off_ += powering_ + checking_ + serving_;
  powering_ = checking_ = serving_ = 0;
  up_cause_ = Cause{};
  checks_.clear();
  parts_ready_ += replacing_;  // the parts are still on site
  replacing_ = 0;
  powered_changed(before);
  down_cause_ = cause;
  cause_ = cause;
  // Nothing it depends on may change again: look at once whether it can restart.
  ctx().schedule_evaluation(id());
}

std::uint32_t HostPool::request_team(std::uint32_t tag, std::uint32_t slot, std::uint32_t team) {
  ctx().call_crew(*params_.crew);  // a vendor is called out by the first request
  sim::Resource& crew = ctx().crew(*params_.crew);
  // A team larger than the crew on duty is capped at it when asked for: the work goes on, slower. With
  // nobody on duty (a night without staff, a vendor on the way) it waits for the team, capped at the
  // most people the crew ever has, rather than for one person who would then work alone all day.
  const std::uint32_t on_duty = crew.capacity();
  const std::uint32_t units = std::max<std::uint32_t>(
      1, std::min(team, on_duty > 0 ? on_duty : ctx().crew_max_headcount(*params_.crew)));
  const std::uint32_t payload = tag | (slot << kSlotShift) | (units << kUnitsShift);
  crew.request(handler(), payload, params_.restart_priority, units);
  watch_shift_change(true);
  return payload;
}

void HostPool::watch_shift_change(bool including_now) {
  if (ctx().engine().is_pending(shift_timer_)) return;
  const sim::Time change = ctx().crew_next_headcount_change(*params_.crew, including_now);
  if (!change.is_never()) shift_timer_ = start_timer(change - ctx().now(), kShiftChange);
}

void HostPool::cut_queued_teams() {
  sim::Resource& crew = ctx().crew(*params_.crew);
  const std::uint32_t on_duty = crew.capacity();
  const auto cut = [&](std::uint32_t& payload) {
    if (on_duty == 0 || (payload >> kUnitsShift) <= on_duty) return;
    const std::uint32_t cut_payload = (payload & ((1u << kUnitsShift) - 1)) | (on_duty << kUnitsShift);
    if (crew.resize(handler(), payload, cut_payload, on_duty)) payload = cut_payload;
  };
  bool queued = awaiting_replace_;
  for (PowerOn& p : power_ons_) {
    if (!p.asked) continue;
    cut(p.payload);
    queued = true;
  }
  if (awaiting_replace_) cut(replace_payload_);
  if (queued) watch_shift_change(false);
}

std::uint32_t HostPool::parallel_batches() const {
  if (!params_.crew) return 1;
  // More teams than the crew can ever field would only wait in its queue.
  const std::uint32_t teams = std::max<std::uint32_t>(
      1, ctx().crew_max_headcount(*params_.crew) / std::max<std::uint32_t>(1, params_.restart_team));
  const std::uint32_t wanted = params_.parallel_batches > 0 ? params_.parallel_batches : teams;
  return std::min({wanted, teams, kMaxSlots});
}

void HostPool::ask_restart_teams() {
  const std::uint32_t batch = params_.batch_hosts > 0 ? params_.batch_hosts : params_.hosts;
  const std::uint32_t batches_off = (off_ + batch - 1) / batch;
  const std::uint32_t limit = parallel_batches();
  for (std::uint32_t unasked = batches_off > teams_asked_ ? batches_off - teams_asked_ : 0;
       unasked > 0 && teams_asked_ + batches_powering_ < limit; --unasked) {
    std::uint32_t slot = 0;
    while (slot < power_ons_.size() && (power_ons_[slot].asked || power_ons_[slot].hosts > 0)) ++slot;
    if (slot == power_ons_.size()) power_ons_.emplace_back();
    power_ons_[slot].asked = true;
    ++teams_asked_;
    if (params_.crew) {
      power_ons_[slot].payload = request_team(kRestartCrew, slot, params_.restart_team);
    } else {
      on_restart_crew(slot, params_.restart_team);
    }
  }
}

void HostPool::advance() {
  // An operator's power_on restarts the hosts only if nothing else holds them now; when the room does,
  // what frees the room restarts them.
  const std::optional<Cause> powered_on = std::exchange(power_on_cause_, std::nullopt);
  if (held_off_) {
    withdraw_requests();
    // From when its room could take the hosts back, what keeps them off is the operators' choice alone:
    // the journal says so, and explain and rank hold the pool by it, not by the fault that set it off.
    if (!held_off_noted_ && off_ > 0 && room_->can_restart_hosts()) {
      held_off_noted_ = true;
      down_cause_ = cause_ = Cause{Reason::kHeldOff, id(), kNoChange, held_off_by_};
      ctx().note_change(*this, cause_);
    }
    return;
  }
  if (!room_->can_restart_hosts()) {
    withdraw_requests();
    // Stopped by its room's power loss, held now by its cooling: the journal says what holds it (explain
    // and rank follow it to the plant, not to the power cut hours before).
    if (down_cause_.reason == Reason::kRoomPowerLost && room_->powered() && powered_hosts() == 0 &&
        off_ > 0) {
      down_cause_ = cause_ = room_->held_by_cooling_cause();
      ctx().note_change(*this, cause_);
    }
    return;
  }
  // In a room whose derated cooling carries only part of its load, the pool waits while not one more of
  // its hosts fits (the air cooling, or another pool's hosts stopping, make room).
  if (off_ > 0 && room_->hosts_that_fit(1, params_.kw_per_host) == 0) {
    withdraw_requests();
    waiting_for_air_ = true;
    return;
  }
  if (waiting_for_air_ && off_ > 0 && powering_ == 0 && teams_asked_ == 0) {
    // Room again for more hosts: what made it (the air cooling, as the plant journalled) restarts them.
    up_cause_ = room_->restart_cause();
  }
  waiting_for_air_ = false;
  if (off_ > 0 && powering_ == 0 && teams_asked_ == 0) {
    const bool no_cause_yet = up_cause_.reason == Reason::kDependency && up_cause_.blamed == kNoComponent &&
                              up_cause_.injection == kNoInjection;
    if (no_cause_yet) up_cause_ = room_->restart_cause();  // tranches that tripped restart as the room allows
    if (powered_hosts() == 0 && replacing_ == 0) {         // a restart from cold: damage shows at power-on
      up_cause_ = room_->restart_cause();
      latent_stopped_damage_ += latent_damage_;
      latent_damage_ = 0;
    }
    if (powered_on) up_cause_ = *powered_on;
    // Hosts that stopped hot show their damage as they power on again: all of them from cold, or the
    // tranches that tripped while the rest ran.
    if (latent_stopped_damage_ > 0) {
      if (const std::uint32_t found = find_damage(off_, latent_stopped_damage_); found > 0) {
        damage_change_ =
            ctx().note_change(*this, Cause{Reason::kHeatDamage, room_->id(), room_->heat_change(),
                                           kNoInjection, static_cast<double>(found)});
      }
    }
    if (off_ > 0) tripped_steps_ = 0;  // the room is below its alarm, so below every threshold: afresh
  }
  ask_restart_teams();
  if (restart_done() && parts_ready_ > 0 && replacing_ == 0 && !awaiting_replace_ &&
      room_->hosts_that_fit(1, params_.kw_per_host) > 0) {
    awaiting_replace_ = true;
    if (params_.crew) {
      replace_payload_ = request_team(kReplaceCrew, 0, params_.replace_team);
    } else {
      on_replace_crew(params_.replace_team);
    }
  }
}

void HostPool::on_restart_crew(std::uint32_t slot, std::uint32_t units) {
  PowerOn& p = power_ons_[slot];
  const bool wanted = p.asked;
  if (wanted) {
    p.asked = false;
    --teams_asked_;
  }
  if (!wanted || !may_restart() || off_ == 0) {
    // The grant came after the need went away.
    if (params_.crew) ctx().crew(*params_.crew).release(units);
    return;
  }
  // As many of the batch as the room can carry: all of it unless its cooling is derated short of its load.
  const std::uint32_t batch = room_->hosts_that_fit(
      params_.batch_hosts > 0 ? std::min(params_.batch_hosts, off_) : off_, params_.kw_per_host);
  if (batch == 0) {
    if (params_.crew) ctx().crew(*params_.crew).release(units);
    waiting_for_air_ = true;
    return;
  }
  if (params_.crew) p.units = units;
  const std::uint32_t before = powered_hosts();
  off_ -= batch;
  p.hosts = batch;
  powering_ += batch;
  ++batches_powering_;
  powered_changed(before);
  const sim::Time duration =
      params_.power_on_hosts_per_person_hour
          ? work_time(batch, *params_.power_on_hosts_per_person_hour, units)
          : sim::Time::ms(params_.power_on.count_ms() * batch / params_.hosts);  // the fixed time, pro rata
  p.timer = start_timer(duration, kPoweredOn | (slot << kSlotShift));
}

void HostPool::on_powered_on(std::uint32_t slot) {
  PowerOn& p = power_ons_[slot];
  release_units(p.units);
  const std::uint32_t batch = p.hosts;
  p.hosts = 0;
  powering_ -= batch;
  --batches_powering_;
  checking_ += batch;
  sim::Time done = ctx().now() + params_.checks;
  if (params_.checks_hosts_per_hour) {  // one pipeline: a batch starts its checks when the one before ends
    const sim::Time from = checks_.empty() ? ctx().now() : std::max(ctx().now(), checks_.back().done);
    done = from + work_time(batch, *params_.checks_hosts_per_hour, 1);
  }
  checks_.push_back(Batch{batch, done});
  if (!ctx().engine().is_pending(checks_timer_)) checks_timer_ = start_timer(done - ctx().now(), kChecked);
  advance();
}

void HostPool::on_checked() {
  const Batch batch = checks_.front();
  checks_.pop_front();
  checking_ -= batch.hosts;
  serving_ += batch.hosts;
  cause_ = up_cause_;
  cause_.value = static_cast<double>(serving_) / params_.hosts;
  publish_share(cause_);
  if (!checks_.empty()) checks_timer_ = start_timer(checks_.front().done - ctx().now(), kChecked);
  advance();
}

void HostPool::on_replace_crew(std::uint32_t units) {
  const bool wanted = awaiting_replace_;
  awaiting_replace_ = false;
  if (!wanted || !may_restart() || parts_ready_ == 0 || !restart_done()) {
    if (params_.crew) ctx().crew(*params_.crew).release(units);
    return;
  }
  // New hosts heat the room as restarted ones do: as many as its (derated) cooling carries.
  const std::uint32_t batch = room_->hosts_that_fit(
      params_.batch_hosts > 0 ? std::min(params_.batch_hosts, parts_ready_) : parts_ready_,
      params_.kw_per_host);
  if (batch == 0) {
    if (params_.crew) ctx().crew(*params_.crew).release(units);
    waiting_for_air_ = true;
    return;
  }
  if (params_.crew) replace_units_ = units;
  parts_ready_ -= batch;
  replacing_ = batch;
  replace_timer_ = start_timer(work_time(batch, params_.replace_hosts_per_person_hour, units), kReplaced);
}

void HostPool::on_replaced() {
  release_units(replace_units_);
  const std::uint32_t before = powered_hosts();
  damaged_ -= replacing_;
  serving_ += replacing_;
  replacing_ = 0;
  powered_changed(before);
  // The replacement ends what the damage began: its chain goes back through the latest finding to the heat
  // or the action (cross-command trial: an action triggered by the return was put at the pool's root).
  cause_ = Cause{Reason::kHostsReplaced, kNoComponent, damage_change_, kNoInjection,
                 static_cast<double>(serving_) / params_.hosts};
  publish_share(cause_);
  advance();
}

void HostPool::on_parts_arrived() {
  parts_ready_ += orders_.front().hosts;
  orders_.pop_front();
  if (!orders_.empty()) parts_timer_ = start_timer(orders_.front().arrives - ctx().now(), kPartsArrived);
  evaluate();
}

void HostPool::publish_share(const Cause& cause) {
  const double share = static_cast<double>(serving_) / params_.hosts;
  // Hosts off come back with their disks; damaged and failed ones do not (until replaced, empty).
  ctx().set_data_lost(*this, static_cast<double>(damaged_ + failed_) / params_.hosts,
                      static_cast<double>(damaged_) / params_.hosts);
  ctx().set_capacity(*this, share, cause);
  const State natural = serving_ == params_.hosts                     ? State::kUp
                        : serving_ == 0 || share < params_.down_below ? State::kDown
                                                                      : State::kDegraded;
  publish(natural, cause);
}

std::optional<double> HostPool::next_trip_c() const {
  if (!params_.shutdown_c || !draws_power() || tripped_steps_ >= params_.shutdown_steps) return std::nullopt;
  if (params_.shutdown_steps <= 1) return *params_.shutdown_c;
  const double from = *params_.shutdown_c - params_.shutdown_spread_c / 2;
  return from + params_.shutdown_spread_c * tripped_steps_ / (params_.shutdown_steps - 1);
}

void HostPool::thermal_trip(double temp_c) {
  if (!draws_power()) return;
  const Cause cause{Reason::kThermalShutdown, room_->id(), room_->last_change(), kNoInjection, temp_c};
  // Every tranche whose threshold the room has reached trips now.
  std::uint32_t steps = 0;
  for (auto t = next_trip_c(); t && temp_c >= *t - 1e-6; t = next_trip_c()) {
    ++tripped_steps_;
    ++steps;
  }
  if (steps == 0) return;
  // The tranches share the hosts as evenly as whole hosts allow: after k of n tranches, k * hosts / n
  // (rounded down) have tripped, so the last host trips at the top of the spread whatever the counts.
  const auto tripped_after = [this](std::uint64_t k) {
    return static_cast<std::uint32_t>(k * params_.hosts / params_.shutdown_steps);
  };
  const std::uint32_t trip = tripped_after(tripped_steps_) - tripped_after(tripped_steps_ - steps);
  if (trip == 0 && tripped_steps_ < params_.shutdown_steps) return;  // tranches of no whole host
  if (tripped_steps_ >= params_.shutdown_steps || trip >= serving_ || powering_ + checking_ > 0) {
    stop(cause);  // the last tranche, or a pool mid-restart: everything stops
  } else {
    const std::uint32_t before = powered_hosts();
    if (params_.rated_c) {
      // The tripped hosts take their share of what the running ones gathered, and the hot stop's own.
      const double theirs = serving_ > 0 ? latent_damage_ * trip / serving_ : 0.0;
      latent_damage_ -= theirs;
      latent_stopped_damage_ +=
          theirs + damage_from_hot_stop(params_.hot_shutdown_pct_per_c, temp_c, *params_.rated_c, trip);
      latent_stopped_damage_ =
          std::min(latent_stopped_damage_, static_cast<double>(params_.hosts - damaged_));
    }
    serving_ -= trip;
    off_ += trip;
    up_cause_ = Cause{};  // their restart takes the room's restart cause then, not an earlier incident's
    down_cause_ = cause;
    cause_ = cause;
    powered_changed(before);
  }
  publish_share(cause);
}

void HostPool::evaluate() {
  if (!room_->powered()) {
    if (!idle()) stop(Cause{Reason::kRoomPowerLost, room_->id(), room_->last_change()});
  } else if (forced_down()) {
    if (!idle()) stop(forced_cause());
  } else {
    advance();
  }
  // A power_on the room or a fault kept from restarting anything now is not what restarts the hosts
  // later: the room's power, or the repair, is.
  power_on_cause_.reset();
  publish_share(cause_);
}

bool HostPool::apply_action(const InjectionSpec& injection, InjectionId id) {
  switch (injection.action) {
    case Action::kShedLoad:
      if (!draws_power()) return false;
      stop(injection_cause(injection, id, Reason::kShedByOperator));
      publish_share(down_cause_);
      return true;
    case Action::kPowerOff: {
      // Shed and kept off: unlike shed_load, the hosts do not restart when the room can take them.
      if (held_off_) return false;
      held_off_ = true;
      held_off_by_ = id;
      held_off_noted_ = false;
      const Cause cause = injection_cause(injection, id);
      before_hold_ = idle() ? down_cause_ : cause;
      if (!idle()) {
        stop(cause);
      } else {
        // Already off (tripped, shed, its room dark): what keeps it off from now on is the power_off.
        withdraw_requests();
        down_cause_ = cause_ = cause;
        ctx().note_change(*this, cause);
      }
      publish_share(down_cause_);
      return true;
    }
    case Action::kDamageHosts: {
      // Destroyed now, and found now: the serving hosts first, then those off. Replaced from spares or
      // ordered parts by the crew, as heat-damaged hosts are; their data is lost (a storage rebuilds it).
      const auto share_hosts = static_cast<std::uint32_t>(std::llround(injection.amount * params_.hosts));
      const std::uint32_t before = powered_hosts();
      // Serving, off, in checks or powering on: any host not already out for good.
      const std::uint32_t hit = take_hosts(std::max<std::uint32_t>(1, share_hosts));
      if (hit == 0) return false;
      damaged_ += hit;
      order_parts(hit);
      // Found at once: journalled as a finding (HARDWARE DAMAGE), as heat damage is when it shows.
      damage_change_ = ctx().note_change(
          *this, Cause{Reason::kHostsDestroyed, this->id(), kNoChange, id, static_cast<double>(hit)});
      powered_changed(before);
      cause_ = injection_cause(injection, id);
      if (serving_ == 0) down_cause_ = cause_;
      publish_share(cause_);
      ctx().schedule_evaluation(this->id());  // replacements may start
      return true;
    }
    case Action::kPowerOn:
      if (!held_off_) return false;
      held_off_ = false;
      power_on_cause_ = injection_cause(injection, id);
      if (held_off_noted_) {
        // The operators' choice ends here: from now on the pool waits for what it waited for before the
        // hold (its room's power or cooling, if they are out now), and then for its restart.
        held_off_noted_ = false;
        if (!room_->powered()) {
          down_cause_ = cause_ = Cause{Reason::kRoomPowerLost, room_->id(), room_->last_change()};
        } else if (!room_->can_restart_hosts()) {
          down_cause_ = cause_ = room_->held_by_cooling_cause();
        } else {
          down_cause_ = cause_ = before_hold_;
        }
        ctx().note_change(*this, cause_);
      }
      ctx().schedule_evaluation(this->id());
      return true;
    default:
      return false;
  }
}

std::uint32_t HostPool::lose_hosts(std::uint32_t hosts, const Cause& cause) {
  const std::uint32_t before = powered_hosts();
  const std::uint32_t taken = take_hosts(hosts);
  failed_ += taken;
  powered_changed(before);
  cause_ = cause;
  publish_share(cause_);
  ctx().schedule_evaluation(id());  // a freed team may start another batch
  return taken;
}

std::uint32_t HostPool::take_hosts(std::uint32_t hosts) {
  const auto take = [&hosts](std::uint32_t& from) {
    const std::uint32_t n = std::min(hosts, from);
    from -= n;
    hosts -= n;
    return n;
  };
  std::uint32_t taken = take(serving_) + take(off_);
  // Then hosts in checks (the latest batches first: a batch left empty serves nothing when its checks
  // end), then batches powering on (one left empty stops and gives back its team).
  for (auto it = checks_.rbegin(); it != checks_.rend() && hosts > 0; ++it) {
    const std::uint32_t n = take(it->hosts);
    checking_ -= n;
    taken += n;
  }
  for (std::uint32_t slot = 0; slot < power_ons_.size() && hosts > 0; ++slot) {
    PowerOn& p = power_ons_[slot];
    if (p.hosts == 0) continue;
    const std::uint32_t n = take(p.hosts);
    powering_ -= n;
    taken += n;
    if (p.hosts == 0) {
      cancel_timer(p.timer);
      release_units(p.units);
      --batches_powering_;
    }
  }
  return taken;
}

void HostPool::return_hosts(std::uint32_t hosts, const Cause& cause) {
  assert(hosts <= failed_);
  if (hosts == 0) return;
  failed_ -= hosts;
  off_ += hosts;
  up_cause_ = cause;
  ctx().schedule_evaluation(id());  // they restart through advance()
}

void HostPool::on_timer(std::uint32_t payload) {
  const std::uint32_t units = payload >> kUnitsShift;
  const std::uint32_t slot = (payload >> kSlotShift) & (kMaxSlots - 1);
  switch (payload & ((1u << kSlotShift) - 1)) {
    case kRestartCrew:
      on_restart_crew(slot, units);
      return;
    case kPoweredOn:
      on_powered_on(slot);
      return;
    case kChecked:
      on_checked();
      return;
    case kReplaceCrew:
      on_replace_crew(units);
      return;
    case kReplaced:
      on_replaced();
      return;
    case kPartsArrived:
      on_parts_arrived();
      return;
    case kShiftChange:
      shift_timer_ = sim::TimerId{};
      cut_queued_teams();
      return;
    default:
      assert(false);
  }
}

void HostPool::on_forced_change() {
  // The hosts stop when the instant's faults settle (evaluate()), so a repair at the same instant finds
  // them still running: a fault undone at once costs no restart.
  if (forced_down()) ctx().schedule_evaluation(id());
}

}  // namespace outagesim::models
