// Outside air temperature over a run: a piecewise-constant series (a heatwave day as a step per hour, or
// one constant; or a line through hourly readings, cut into short steps). Rooms lose or gain heat through it
// and chiller plants derate with it; both re-integrate at each step, so the room's temperature stays an exact
// solution between events.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "sim/time.hpp"

namespace outagesim::models {

class OutsideAir {
 public:
  struct Step {
    sim::Time from;  // holds from this time until the next step
    double c = 20;
  };

  OutsideAir() : OutsideAir(20) {}
  // A constant temperature for the whole run.
  explicit OutsideAir(double c) : steps_{Step{sim::Time(), c}} {}
  // REQUIRES: steps not empty, the first at time 0, times strictly increasing.
  explicit OutsideAir(std::vector<Step> steps);

  double at(sim::Time t) const;
  // The time of the first step after `t`, or nullopt when the temperature no longer changes.
  std::optional<sim::Time> next_change_after(sim::Time t) const;
  double lowest_c() const;
  const std::vector<Step>& steps() const { return steps_; }
  // REQUIRES: index < steps().size().
  void set_step_c(std::size_t index, double c) { steps_[index].c = c; }
  // Every step `dc` warmer (colder when negative), each kept within -60..60 °C.
  OutsideAir shifted(double dc) const;
  // The steps read as points of a line that moves straight from each to the next, cut into steps of
  // `every` (> 0), each at the line's value half way through it: what a trip or a crossing then reads is
  // within `every` of the line's own. The last step holds on, as before.
  OutsideAir interpolated(sim::Time every) const;

 private:
  std::vector<Step> steps_;
};

}  // namespace outagesim::models
