// Each room's temperature over the run, as inline SVG: the curve (models/results/temperature_trace.hpp)
// against the room's setpoint, alarm, sprinkler and host-shutdown thresholds.
#pragma once

#include <string>

#include "models/results/temperature_trace.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::reports {

// One chart for one room. The curve is class="temp-curve" data-room="<room>"; each threshold a line
// class="threshold <kind>" (kind: setpoint, alarm, sprinkler or shutdown) with data-threshold="<its name>";
// each crossing a class="temp-crossing" mark whose hover text says when.
std::string svg_temperature_chart(const models::ScenarioSpec& spec, const models::RoomTrace& trace);

}  // namespace outagesim::reports
