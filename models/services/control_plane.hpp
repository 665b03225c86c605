// A region's control plane (the API that launches, stops and migrates instances): node groups in zones
// give capacity; demand is a baseline, plus load while watched components are down (customers buying
// and launching instances elsewhere; at most for a while, once those customers have moved or given up)
// and for a while after they return (recovery traffic), plus what
// recovery strategies ask for at run time. Above capacity
// it throttles: a share p of rejected calls is retried, which raises the offered load to
// (demand - p*capacity)/(1 - p) and the availability seen by callers to capacity/offered. New capacity
// can be started after a delay, but only while what it needs at start-up (middleware) is up.
// Down with no capacity, degraded while throttling, up otherwise.
#pragma once

#include <cstdint>
#include <vector>

#include "models/core/component.hpp"

namespace outagesim::models {

class ControlPlane final : public Component {
 public:
  ControlPlane(ComponentId id, const ControlPlaneParams& params);

  double capacity_rps() const { return capacity_rps_; }
  double demand_rps() const { return demand_rps_; }
  // Share of calls that succeed, in [0, 1].
  double availability() const { return availability_; }

  // Strategies register once, before the run, and then report their call rate as it changes.
  std::uint32_t add_demand_source();
  void set_demand(std::uint32_t source, double rps);

  void evaluate() override;

 protected:
  void on_timer(std::uint32_t tag) override;
  void on_forced_change() override;

 private:
  ControlPlaneParams params_;
  std::vector<double> dynamic_rps_;
  // Per demand source: whether it was down at the last evaluation, until when its extra demand lasts
  // while down (its `lasts`), and until when its recovery traffic lasts after it returned.
  std::vector<bool> source_down_;
  std::vector<sim::Time> surge_until_;
  std::vector<sim::Time> recovery_until_;
  bool scaled_out_ = false;
  sim::TimerId scale_out_timer_;
  double capacity_rps_ = 0;
  double demand_rps_ = 0;
  double raw_demand_rps_ = 0;  // before retries, as of the last evaluation
  double availability_ = 1;
};

}  // namespace outagesim::models
