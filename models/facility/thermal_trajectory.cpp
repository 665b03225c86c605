// Closed-form solutions of the first-order room model, in forms that stay accurate for any heat loss:
// with x = t G / C, T(t) = T0 + net(T0)/G * (1 - e^-x), written with expm1 and log1p so that a tiny G
// degrades gracefully into the linear (G = 0) solution instead of cancelling catastrophically.
#include "models/facility/thermal_trajectory.hpp"

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
  return temp_c <= in.setpoint_c + kEpsilonC && can_hold_setpoint(in);
}

bool can_hold_setpoint(const ThermalInputs& in) {
  return net_kw(in, in.setpoint_c) <= 1e-9;
}

int direction(const ThermalInputs& in, double temp_c) {
  if (holds_setpoint(in, temp_c)) return 0;
  const double net = net_kw(in, temp_c);
  return net > 0 ? 1 : net < 0 ? -1 : 0;
}

double temperature_after(const ThermalInputs& in, double temp_c, double seconds) {
  assert(in.mass_kj_per_c > 0 && seconds >= 0);
  if (holds_setpoint(in, temp_c)) return in.setpoint_c;
  const double net = net_kw(in, temp_c);
  double t;
  if (in.loss_kw_per_c > 0) {
    const double x = seconds * in.loss_kw_per_c / in.mass_kj_per_c;
    t = temp_c + net / in.loss_kw_per_c * -std::expm1(-x);
  } else {
    t = temp_c + net * seconds / in.mass_kj_per_c;
  }
  return std::max(t, in.setpoint_c);
}

std::optional<double> seconds_to_reach(const ThermalInputs& in, double temp_c, double target_c) {
  assert(in.mass_kj_per_c > 0);
  if (target_c < in.setpoint_c - kEpsilonC) return std::nullopt;
  const int dir = direction(in, temp_c);
  if (dir == 0) return std::nullopt;
  if ((dir > 0 && target_c <= temp_c) || (dir < 0 && target_c >= temp_c)) return std::nullopt;
  const double net = net_kw(in, temp_c);
  if (in.loss_kw_per_c > 0) {
    // Solve 1 - e^-x = (target - T0) G / net; the target lies beyond the equilibrium when that is >= 1.
    const double share = (target_c - temp_c) * in.loss_kw_per_c / net;
    if (!(share > 0 && share < 1)) return std::nullopt;
    return -std::log1p(-share) * in.mass_kj_per_c / in.loss_kw_per_c;
  }
  return (target_c - temp_c) * in.mass_kj_per_c / net;
}

}  // namespace outagesim::models
