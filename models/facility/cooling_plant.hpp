// A chilled-water cooling plant: N primary chillers and M standby chillers. The standby set takes over
// automatically after a switch time, unless it shares an air-locked loop with the primary set (the HK 2022
// common-cause failure); on a hot day it also makes up for derating, unit by unit. Restoring chillers brings
// primaries back one by one by hand; the air lock keeps the standby set out for the rest of the run (in HK
// 2022 the group control stayed manual).
//
// Upstream of the chillers (Azure Australia East 2023, AWS Tokyo 2019): the plant needs power and a
// control system, as requirements. Losing power, even for a moment, trips every running chiller; a few
// restart by themselves (one may trip again), the rest wait for restore_chillers. A control fault stops
// the chillers until control returns. Chiller capacity derates as the outside air rises above the rating,
// and chilled-water storage covers the shortfall below the design capacity until it is spent.
//
// State follows the chillers: up while every one runs and together they give the rooms their design
// cooling (derating that installed spare covers is no fault); degraded with a unit out, even one the spare
// covers, or when the rooms are short; down at zero. Storage does not count toward the state (the
// chillers are still out), only toward the capacity rooms see.
#pragma once

#include <cstdint>

#include "models/core/component.hpp"

namespace outagesim::models {

// Each chiller's share of its rated capacity in outside air at `outside_c`, in [0, 1]: full up to the
// rating, less by derate_pct_per_c per °C above it, nothing above max_outside_c (tripped).
double chiller_derate_factor(const CoolingPlantParams& params, double outside_c);

class CoolingPlant final : public Component {
 public:
  CoolingPlant(ComponentId id, const CoolingPlantParams& params);

  double design_kw() const { return params_.chillers * params_.chiller_kw; }
  // Cooling delivered now, storage included; zero while forced down.
  double capacity_kw() const;
  // The share of its design cooling each room gets: the plant's capacity over what its rooms are designed
  // to take, at most all of it. Chillers beyond the rooms' total (installed spare) make up for derating
  // and for chillers lost before any room goes short.
  double capacity_fraction() const;
  // What the plant's rooms are designed to take (its design capacity when it cools no room).
  double demand_kw() const;
  // A room cooled by this plant, designed to take `design_cooling_kw` of it (called once per room).
  void serve_room(double design_cooling_kw) { rooms_design_kw_ += design_cooling_kw; }
  // What the running chillers give at the current outside air; zero while unpowered or uncontrolled.
  double chiller_output_kw() const;
  // Primary and standby units running: more than `chillers` while standby units make up for derating.
  std::uint32_t chillers_running() const { return primary_running_ + standby_running_; }
  // Every chiller runs, powered and controlled, and every standby unit the air needs that the plant may
  // start: no repair will add to what it gives, only cooler air.
  bool all_chillers_running() const;
  // The change that took the capacity now missing away: the one that brought the plant to its lowest
  // capacity since it last ran at design capacity (the first, if it fell that low more than once), or the
  // forced fault holding it down. A partial restore is never it. kNoChange while at design capacity.
  ChangeId capacity_loss_change() const;
  double storage_kwh() const { return storage_kj_ / 3600.0; }  // as of the last change
  // Each chiller's share of its rated capacity at the current outside air, in [0, 1].
  double derate_factor() const;

  void start() override;
  void evaluate() override;

 protected:
  bool apply_action(const InjectionSpec& injection, InjectionId id) override;
  void on_timer(std::uint32_t tag) override;
  void on_forced_change() override;

 private:
  enum Tag : std::uint32_t { kStandbySwitch, kAutoRestart, kRetrip, kStorageSpent, kWeather };

  bool standby_blocked() const { return loop_airlocked_ && params_.shared_loop; }
  // The outside air is above the chillers' high-ambient limit: they trip and stay off while it is.
  bool too_hot() const { return params_.max_outside_c && outside_c_ > *params_.max_outside_c; }
  // Primaries stopped but not failed (a power, control or hot-air trip): what a restart can bring back.
  std::uint32_t primaries_tripped() const { return params_.chillers - primary_running_ - primary_failed_; }
  // How many units the plant wants running: one in every primary's place, and more while the outside
  // air derates them below what the rooms need, up to every primary and standby unit.
  std::uint32_t units_wanted() const;
  // Hot air or cooler air changed how many units are wanted: standby units switch in at once to make up
  // for derating (the plant's sequencing starts them as the load demands, before any room runs short)
  // when the standby set switches automatically, and step back as the air cools.
  void follow_derating();
  State natural_state() const;
  void arm_standby_switch();
  void arm_weather();
  void bring_in_standby();
  void stop_all_chillers();
  // Accounts the storage drawn since the last change, then sets the draw and the time it runs out.
  void refresh_storage();
  // Capacity changed: publishes, journals the change even without a change of state, wakes the rooms.
  void update(const Cause& cause);

  CoolingPlantParams params_;
  std::uint32_t primary_running_;
  std::uint32_t standby_running_ = 0;
  std::uint32_t standby_failed_ = 0;  // standby units failed while running, until restored
  // Primaries failed (fail_chillers, an air lock, a unit that tripped again after its automatic restart),
  // until restore_chillers: a power trip's automatic restarts do not bring them back.
  std::uint32_t primary_failed_ = 0;
  // Tripped on hot air: when it falls back to the limit, auto_restart units restart after their delay.
  bool hot_tripped_ = false;
  bool loop_airlocked_ = false;
  bool operators_switched_ = false;  // switch_to_standby: a manual standby set follows the heat from then on
  bool powered_ = true;              // the power requirement, as last evaluated
  bool controlled_ = true;           // the control requirement, as last evaluated
  double outside_c_;
  sim::TimerId standby_switch_;
  sim::TimerId auto_restart_timer_;
  sim::TimerId retrip_timer_;
  sim::TimerId weather_timer_;
  // Storage: energy left as of storage_time_, drawn at draw_kw_ since then; the timer fires when spent.
  double storage_kj_;
  double rooms_design_kw_ = 0;  // the design cooling of the rooms it serves (serve_room)
  sim::Time storage_time_;
  double draw_kw_ = 0;
  sim::TimerId storage_timer_;
  // The change that started the current draw: running out is its consequence, not the latest change's.
  ChangeId draw_began_ = kNoChange;
  Cause last_cause_;  // of the most recent capacity change, for the state change it may cause
  // Since the plant last ran at design capacity: the fewest chillers running, and the change that first
  // brought it there (kNoChange while at design capacity).
  std::uint32_t lowest_running_;
  ChangeId loss_change_ = kNoChange;
};

}  // namespace outagesim::models
