// First-order thermal model of a room, integrated exactly between events.
//
//   C dT/dt = H - Q - G (T - T_out)        while T is above the setpoint
//
// H: heat from running equipment (kW); Q: cooling delivered at full effort (kW); G: passive loss to the
// outside (kW/°C), which the room sets to 0 while it is cooler than the outside air (ThermalRoom); C:
// thermal mass (kJ/°C). The cooling controller never drives the room below its
// setpoint: at the setpoint with enough cooling, the temperature holds. Between two events the inputs are
// constant, so the temperature moves monotonically toward T_eq = T_out + (H - Q)/G (or linearly when
// G = 0), and the time to reach any threshold has a closed form. The same rule (can_hold_setpoint) says
// whether a room can run its equipment at all: the loader refuses rooms that cannot, and hosts restart
// only when it holds.
#pragma once

#include <optional>

namespace outagesim::models {

struct ThermalInputs {
  double heat_kw = 0;
  double cooling_kw = 0;
  double loss_kw_per_c = 0;
  double outside_c = 20;
  double mass_kj_per_c = 1;  // > 0
  double setpoint_c = 24;
};

// True when cooling (with the passive loss) can hold the room at its setpoint under these inputs.
bool can_hold_setpoint(const ThermalInputs& in);
// Net heating power at the setpoint with cooling at full effort: positive, the room cannot hold it by that
// much; negative, it could run that much more equipment and still hold it.
double net_kw_at_setpoint(const ThermalInputs& in);
// True when the room sits at its setpoint and cooling can hold it there.
bool holds_setpoint(const ThermalInputs& in, double temp_c);
// The temperature `seconds` after being at `temp_c`. REQUIRES: temp_c >= in.setpoint_c, seconds >= 0.
double temperature_after(const ThermalInputs& in, double temp_c, double seconds);
// Seconds until the temperature, starting at `temp_c`, reaches `target_c`; nullopt when it never does
// (the target lies beyond the equilibrium, behind the current direction, or below the setpoint).
std::optional<double> seconds_to_reach(const ThermalInputs& in, double temp_c, double target_c);
// +1 rising, -1 falling, 0 steady.
int direction(const ThermalInputs& in, double temp_c);
// The integral over the next `seconds` of max(0, T(t) - threshold_c), in °C·s, starting at `temp_c`:
// exact, including a crossing of the threshold inside the interval (the trajectory is monotonic).
// REQUIRES: temp_c >= in.setpoint_c, seconds >= 0, threshold_c > in.setpoint_c.
double degree_seconds_above(const ThermalInputs& in, double temp_c, double seconds, double threshold_c);

}  // namespace outagesim::models
