// Closed-form solutions of the first-order room model.
#include "models/thermal_trajectory.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace outagesim::models {

namespace {
constexpr double kEpsilonC = 1e-9;

// Net heating power at temperature t with cooling at full effort.
double net_kw(const ThermalInputs& in, double t) {
  return in.heat_kw - in.cooling_kw - in.loss_kw_per_c * (t - in.outside_c);
}
}  // namespace

bool holds_setpoint(const ThermalInputs& in, double temp_c) {
  return temp_c <= in.setpoint_c + kEpsilonC && net_kw(in, in.setpoint_c) <= 0;
}

int direction(const ThermalInputs& in, double temp_c) {
  if (holds_setpoint(in, temp_c)) return 0;
  const double net = net_kw(in, temp_c);
  return net > 0 ? 1 : net < 0 ? -1 : 0;
}

double temperature_after(const ThermalInputs& in, double temp_c, double seconds) {
  assert(in.mass_kj_per_c > 0 && seconds >= 0);
  if (holds_setpoint(in, temp_c)) return in.setpoint_c;
  double t;
  if (in.loss_kw_per_c > 0) {
    const double equilibrium = in.outside_c + (in.heat_kw - in.cooling_kw) / in.loss_kw_per_c;
    t = equilibrium + (temp_c - equilibrium) * std::exp(-seconds * in.loss_kw_per_c / in.mass_kj_per_c);
  } else {
    t = temp_c + net_kw(in, temp_c) * seconds / in.mass_kj_per_c;
  }
  return std::max(t, in.setpoint_c);
}

std::optional<double> seconds_to_reach(const ThermalInputs& in, double temp_c, double target_c) {
  assert(in.mass_kj_per_c > 0);
  if (target_c < in.setpoint_c - kEpsilonC) return std::nullopt;
  const int dir = direction(in, temp_c);
  if (dir == 0) return std::nullopt;
  if ((dir > 0 && target_c <= temp_c) || (dir < 0 && target_c >= temp_c)) return std::nullopt;
  if (in.loss_kw_per_c > 0) {
    const double equilibrium = in.outside_c + (in.heat_kw - in.cooling_kw) / in.loss_kw_per_c;
    const double ratio = (target_c - equilibrium) / (temp_c - equilibrium);
    if (!(ratio > 0 && ratio < 1)) return std::nullopt;  // at or beyond the equilibrium
    return -(in.mass_kj_per_c / in.loss_kw_per_c) * std::log(ratio);
  }
  return (target_c - temp_c) * in.mass_kj_per_c / net_kw(in, temp_c);
}

}  // namespace outagesim::models
