// A chilled-water cooling plant: N primary chillers and M standby chillers. The standby set takes over
// automatically after a switch time, unless it shares an air-locked loop with the primary set (the HK 2022
// common-cause failure). Restoring chillers brings primaries back one by one by hand; the air lock keeps
// the standby set out for the rest of the run (in HK 2022 the group control stayed manual). Up at design
// capacity, degraded below it, down at zero.
#pragma once

#include <cstdint>

#include "models/core/component.hpp"

namespace outagesim::models {

class CoolingPlant final : public Component {
 public:
  CoolingPlant(ComponentId id, std::string name, const CoolingPlantParams& params);

  double design_kw() const { return params_.chillers * params_.chiller_kw; }
  // Cooling delivered now; zero while forced down.
  double capacity_kw() const;
  double capacity_fraction() const { return capacity_kw() / design_kw(); }
  std::uint32_t chillers_running() const;
  // The change that took the capacity now missing away: the one that brought the plant to its lowest
  // capacity since it last ran at design capacity (the first, if it fell that low more than once), or the
  // forced fault holding it down. A partial restore is never it. kNoChange while at design capacity.
  ChangeId capacity_loss_change() const;

  void evaluate() override;

 protected:
  bool apply_action(const InjectionSpec& injection, InjectionId id) override;
  void on_timer(std::uint32_t tag) override;
  void on_forced_change() override;

 private:
  bool standby_blocked() const { return loop_airlocked_ && params_.shared_loop; }
  void arm_standby_switch();
  void bring_in_standby();
  void update(const Cause& cause);

  CoolingPlantParams params_;
  std::uint32_t primary_running_;
  std::uint32_t standby_running_ = 0;
  bool loop_airlocked_ = false;
  sim::TimerId standby_switch_;
  Cause last_cause_;  // of the most recent capacity change, for the state change it may cause
  // Since the plant last ran at design capacity: the fewest chillers running, and the change that first
  // brought it there (kNoChange while at design capacity).
  std::uint32_t lowest_running_;
  ChangeId loss_change_ = kNoChange;
};

}  // namespace outagesim::models
