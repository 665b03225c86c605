// A room (data hall): heat from its running host pools and base load, cooling from its share of a plant
// plus any auxiliary cooling, and a temperature that follows the first-order model of
// thermal_trajectory.hpp. The room schedules one timer for the next threshold its temperature will cross
// (alarm, sprinklers, a pool's protective shutdown, back below alarm, back at setpoint) and reschedules
// whenever heat or cooling changes. A room with a structure (RoomParams::structure_mass_kj_per_c) also
// carries the temperature of its slabs and walls: between events the air exchanges heat with them at their
// temperature held fixed (one more loss term of the same first-order model), and the structure moves at
// every event and at least every kStructureStep while it is not at the air's temperature. Down while
// unpowered (power lost past its UPS, sprinkler damage until checks are done, operator power-off); degraded
// while overheated; up otherwise.
#pragma once

#include <vector>

#include "models/core/component.hpp"
#include "models/facility/thermal_observer.hpp"
#include "models/facility/thermal_trajectory.hpp"

namespace outagesim::models {

class CoolingPlant;
class HostPool;

// Whether a room with these parameters, `cooling_kw` of cooling, `load_kw` of equipment running and the
// outside air at `outside_c` holds its setpoint: the one rule for "can run" (hosts restart only then; the
// loader refuses rooms that cannot at full plant capacity in their coolest outside air).
bool room_can_carry(const RoomParams& params, double outside_c, double load_kw, double cooling_kw);
// How much more equipment such a room could run and still hold its setpoint (negative: that much too much).
double room_headroom_kw(const RoomParams& params, double outside_c, double load_kw, double cooling_kw);

class ThermalRoom final : public Component {
 public:
  ThermalRoom(ComponentId id, const RoomParams& params);

  // Called by the builder: the plant and pools are owned by the region and outlive the room's run.
  void wire(CoolingPlant& plant, std::vector<HostPool*> pools);
  // Not owned; may be null. Set before the run starts.
  void set_observer(ThermalObserver* observer) { observer_ = observer; }

  double temperature_c() const { return temp_c_; }
  // The structure's temperature when temperature_c() was taken; the setpoint for a room without one.
  double structure_c() const { return structure_c_; }
  double outside_c() const { return outside_c_; }
  // When temperature_c() was last brought up to date; temperature_now_c() extrapolates to now.
  sim::Time temperature_time() const { return temp_time_; }
  double temperature_now_c() const;
  bool powered() const { return power_ok_ && !damaged_ && !operator_off_ && !forced_down(); }
  // The change that last took it past its alarm (what the heat that damages hardware goes back to), or
  // its last change if it never overheated.
  ChangeId heat_change() const { return heat_change_ != kNoChange ? heat_change_ : last_change(); }
  bool overheated() const { return overheated_; }
  // People may enter: no fire-suppression discharge, or its re-entry time has come. Stages that wait for
  // it work in the room: a discharge stops them (Operations).
  bool accessible() const { return accessible_; }
  // Hosts may start only when the room is powered, not overheated, and cooled enough to carry all of
  // its equipment at full power; or, when its cooling falls short of that with every chiller running
  // (derated in hot air: no repair will add to it), to carry what runs now. Operators then bring back
  // what the room can carry, batch by batch (hosts_that_fit), rather than leave the hall dark until the
  // air cools.
  bool can_restart_hosts() const;
  // How many more hosts of `kw_per_host` the room can run and hold its setpoint, at most `hosts`: all of
  // them while it can carry its full load.
  std::uint32_t hosts_that_fit(std::uint32_t hosts, double kw_per_host) const;
  // What last made a restart possible: the room's own latest change or its plant's, whichever is later.
  Cause restart_cause() const;
  // What keeps a powered room from taking its hosts back: its plant short of capacity (the change that
  // took it away), else its own heat (still above its alarm).
  Cause held_by_cooling_cause() const;

  // A pool started or stopped drawing power.
  void heat_changed();
  // A trigger watches the room's temperature rising to `c` (above_c) or falling to it (below_c): from now
  // on the room times each such crossing and journals it as a moment (kTemperatureRose or
  // kTemperatureFell, with `c` as the value), which changes no cause chain. A room that sits at `c` and
  // turns crosses it as it turns. Called by the builder, before the run.
  void watch_temperature(double c, bool rising);

  void start() override;
  void evaluate() override;

 protected:
  bool apply_action(const InjectionSpec& injection, InjectionId id) override;
  void on_timer(std::uint32_t tag) override;
  void on_forced_change() override;

 private:
  enum Tag : std::uint32_t { kCrossing, kUpsExhausted, kDamageChecksDone, kReentry, kWeather, kStructure };

  // Brings the UPS's charge up to now: drained while it has carried the equipment (ups_drawn_), recharged
  // while power has been on.
  void settle_ups();
  // Whether the room's equipment runs on its UPS now: power lost, the UPS there and not spent, and the
  // room not dark for its own reasons (switched off, flooded, failed).
  bool draws_ups() const;
  // After anything that may start or stop the draw: settles the charge and times the battery's end anew.
  void update_ups_draw();

  // Both numbers, as the loader requires of every draw; with either at 0 the room is a plain one (and the
  // air's equivalent outside temperature would divide 0 by 0).
  bool has_structure() const {
    return params_.structure_mass_kj_per_c > 0 && params_.structure_coupling_kw_per_c > 0;
  }
  // Moves the structure over `seconds` toward the air's mean temperature in them.
  void advance_structure(double mean_air_c, double seconds);
  void arm_structure();
  // How often the structure moves while it or the air does.
  sim::Time structure_step() const;

  ThermalInputs inputs() const;
  // Whether the room now loses heat to the outside air (it is hotter, or at its temperature and heating).
  bool losing_to_outside(double heat_kw) const;
  double cooling_kw() const;
  double full_load_kw() const;
  // The equipment running now (its base load and every pool's powered hosts); 0 while unpowered.
  double running_load_kw() const;
  // Moves the temperature to now along the trajectory in force; returns the direction it moved.
  int advance_to_now();
  // Acts on every threshold the temperature has reached moving in `direction`: the next crossing is
  // timed to the millisecond, but another event in that millisecond may see the room first.
  void apply_thresholds(int direction);
  // advance_to_now(), then apply_thresholds(): call before changing any input.
  void catch_up();
  void reschedule();
  void arm_weather();
  void cross_threshold();
  void publish_state(const Cause& cause);
  // Journals (as a moment) when whether its hosts may restart changes: explain tells a pool held by its
  // room (physics) from one waiting for its restart (people and work).
  void note_restartable();
  Cause cooling_cause(Reason reason) const;
  // Whether the fire suppression may still discharge at sprinkler_c: water heads again once the damage
  // is cleared, a gas agent only once.
  // A gas agent also into a hall already wet from a flood (review 12): it seals the hall again.
  bool may_discharge() const {
    return params_.suppression == RoomParams::Suppression::kGas ? !agent_spent_ : !damaged_;
  }
  // The fire suppression discharges now (the temperature, or an action): the hall is sealed until
  // reentry_after has passed; water also damages it and cuts its power.
  void discharge(const Cause& cause);
  // Water in the hall, from the sprinklers or a flood: sealed, unpowered and damaged until its checks or a
  // clear_damage.
  void take_water(const Cause& cause);
  // Nobody may enter until reentry_after has passed (from now).
  void seal();
  struct Watched {
    double c = 0;
    bool rising = false;   // journal rising to c
    bool falling = false;  // journal falling to c
    bool above = false;    // the room has risen to c (or started above it) and not fallen back to it
  };
  // Journals the watched crossing of w, which the room makes now.
  void cross_watched(Watched& w, bool rising);

  RoomParams params_;
  CoolingPlant* plant_ = nullptr;
  std::vector<HostPool*> pools_;
  ThermalObserver* observer_ = nullptr;

  double temp_c_;
  sim::Time temp_time_;
  double outside_c_;
  double structure_c_;
  sim::TimerId weather_timer_;
  sim::TimerId structure_timer_;
  ThermalInputs applied_;  // the inputs in force since temp_time_: advance_to_now() integrates with these
  bool applied_losing_ = false;   // whether applied_ loses heat to the outside air (losing_to_outside)
  std::vector<Watched> watched_;  // watch_temperature(), one per temperature
  double auxiliary_kw_ = 0;
  // The share of its plant's cooling that reaches the room (set_capacity: air handlers out, a valve
  // mis-set); the latest cut of it (what a room that overheats owes it to, not a partial restore); and
  // the latest change of it (what a room that cools owes it to, when that is later than its plant's).
  double cooling_share_ = 1;
  ChangeId share_change_ = kNoChange;
  ChangeId share_last_change_ = kNoChange;
  bool overheated_ = false;
  ChangeId heat_change_ = kNoChange;  // heat_change()
  bool damaged_ = false;
  bool accessible_ = true;
  bool agent_spent_ = false;  // a gas system has discharged
  bool operator_off_ = false;
  bool power_ok_ = true;         // false once the UPS ran out
  bool power_needs_met_ = true;  // the power requirement, as last evaluated
  bool in_crossing_ = false;     // heat changes while thresholds are applied reschedule once, at the end
  sim::TimerId crossing_timer_;
  double crossing_target_c_ = 0;
  bool crossing_rising_ = true;
  sim::TimerId ups_timer_;
  // The UPS: ride-through left as of ups_since_, drained one for one while power is lost and recharged at
  // ups_ride_through / ups_recharge while it is there.
  sim::Time ups_left_;
  sim::Time ups_since_;
  bool ups_available_ =
      true;                 // the `ups` requirement, as last evaluated: lost, it neither drains nor recharges
  bool ups_drawn_ = false;  // draws_ups() as of ups_since_: what settle_ups() drains by
  sim::TimerId damage_timer_;
  sim::TimerId reentry_timer_;
  Cause power_cause_;
  bool restartable_ = true;  // as last journalled by note_restartable()
};

}  // namespace outagesim::models
