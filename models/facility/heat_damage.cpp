// The heat-damage formula of heat_damage.hpp.
#include "models/facility/heat_damage.hpp"

#include <algorithm>

namespace outagesim::models {

double damage_from_exposure(double pct_per_c_hour, double degree_hours, double running_hosts) {
  return std::clamp(pct_per_c_hour / 100 * degree_hours, 0.0, 1.0) * running_hosts;
}

double damage_from_hot_stop(double pct_per_c, double temp_c, double rated_c, double running_hosts) {
  return std::clamp(pct_per_c / 100 * (temp_c - rated_c), 0.0, 1.0) * running_hosts;
}

}  // namespace outagesim::models
