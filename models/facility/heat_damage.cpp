// The heat-damage formula of heat_damage.hpp.
#include "models/facility/heat_damage.hpp"

#include <algorithm>

namespace outagesim::models {

double damage_from_exposure(double pct_per_c_hour, double degree_hours, double running_hosts) {
  return std::clamp(pct_per_c_hour / 100 * degree_hours, 0.0, 1.0) * running_hosts;
}

std::uint32_t draw_damaged_hosts(sim::RandomStream& stream, std::uint32_t among, double expected) {
  if (among == 0 || expected <= 0) return 0;
  const double p = std::min(1.0, expected / among);
  std::uint32_t damaged = 0;
  for (std::uint32_t i = 0; i < among; ++i) damaged += stream.uniform01() < p ? 1 : 0;
  return damaged;
}

double damage_from_hot_stop(double pct_per_c, double temp_c, double rated_c, double running_hosts) {
  return std::clamp(pct_per_c / 100 * (temp_c - rated_c), 0.0, 1.0) * running_hosts;
}

}  // namespace outagesim::models
