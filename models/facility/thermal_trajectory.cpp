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
  return net_kw_at_setpoint(in) <= 1e-9;
}

double net_kw_at_setpoint(const ThermalInputs& in) {
  return net_kw(in, in.setpoint_c);
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

namespace {
// The integral of T(t) - threshold over [0, s] along the unclamped trajectory from temp_c.
double excess_integral(const ThermalInputs& in, double temp_c, double s, double threshold_c) {
  const double net = net_kw(in, temp_c);
  const double linear = (temp_c - threshold_c) * s;
  if (in.loss_kw_per_c > 0) {
    // T(t) - T0 = net/G (1 - e^-x), x = t G / C; its integral is net/G (s - C/G (1 - e^-x(s))). For a tiny
    // x the bracket cancels: use its series s x / 2 - s x^2 / 6 instead.
    const double x = s * in.loss_kw_per_c / in.mass_kj_per_c;
    const double bracket = x < 1e-4 ? s * x * (0.5 - x / 6) : s + std::expm1(-x) / x * s;
    return linear + net / in.loss_kw_per_c * bracket;
  }
  return linear + net * s * s / (2 * in.mass_kj_per_c);
}
}  // namespace

double degree_seconds_above(const ThermalInputs& in, double temp_c, double seconds, double threshold_c) {
  assert(threshold_c > in.setpoint_c && seconds >= 0);
  const double end_c = temperature_after(in, temp_c, seconds);
  const bool starts_above = temp_c > threshold_c;
  const bool ends_above = end_c > threshold_c;
  double from = 0;
  double to = seconds;
  if (!starts_above && !ends_above) return 0;
  if (starts_above != ends_above) {
    const std::optional<double> crossing = seconds_to_reach(in, temp_c, threshold_c);
    const double at = crossing ? std::clamp(*crossing, 0.0, seconds) : (starts_above ? seconds : 0.0);
    (starts_above ? to : from) = at;
  }
  // Above the threshold the trajectory never touches the setpoint clamp, so the unclamped form holds.
  const double area =
      excess_integral(in, temp_c, to, threshold_c) - excess_integral(in, temp_c, from, threshold_c);
  return std::max(0.0, area);
}

}  // namespace outagesim::models
