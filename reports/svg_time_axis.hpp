// The time axis shared by the report's timeline and temperature charts: ticks at whole local hours,
// labelled with the scenario's local clock, and the grid lines under them.
#pragma once

#include <string>
#include <vector>

#include "models/scenario/scenario_spec.hpp"
#include "reports/svg_scale.hpp"
#include "sim/time.hpp"

namespace outagesim::reports {

struct TimeTick {
  sim::Time at;       // since the scenario start
  std::string label;  // local_clock(): "09:00", "02:00+1d"
};

// Ticks at whole local hours within [0, horizon], every 1, 2, 3, 6 or 12 hours or whole days, the finest
// step that gives at most `max_ticks`. REQUIRES: max_ticks > 0.
std::vector<TimeTick> time_ticks(const models::ScenarioSpec& spec, sim::Time horizon, int max_ticks);

// The ticks as SVG: a label centred above `label_y` and a grid line from `top` to `bottom` at each,
// x placed by `x` (a scale over milliseconds since the start).
std::string svg_time_axis(const std::vector<TimeTick>& ticks, const LinearScale& x, double label_y,
                          double top, double bottom);

}  // namespace outagesim::reports
