// The interface through which rooms publish their temperature trajectory to recorders (the temperature
// trace of a run): models emit, observers record, and nothing is sampled in the hot path.
#pragma once

#include "models/core/state_change.hpp"
#include "models/facility/thermal_trajectory.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

// Told every time a room's thermal inputs change: from `from` on, the room follows `inputs` starting at
// `temp_c`. With these segments a recorder can rebuild the exact temperature at any time.
class ThermalObserver {
 public:
  virtual void on_segment(ComponentId room, sim::Time from, double temp_c, const ThermalInputs& inputs) = 0;

 protected:
  ~ThermalObserver() = default;
};

}  // namespace outagesim::models
