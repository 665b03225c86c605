// Headcounts of a crew over a day.
#include "models/operations/crew_spec.hpp"

#include <algorithm>

namespace outagesim::models {

std::uint32_t CrewSpec::max_headcount() const {
  if (shifts.empty()) return headcount;
  std::uint32_t most = 0;
  for (const ShiftSpec& s : shifts) most = std::max(most, s.headcount);
  return most;
}

std::uint32_t CrewSpec::headcount_at(sim::Time time_of_day) const {
  if (shifts.empty()) return headcount;
  // The last shift that started at or before this time of day; before the first one, yesterday's last.
  const ShiftSpec* in_force = &shifts.back();
  for (const ShiftSpec& s : shifts) {
    if (s.from <= time_of_day) in_force = &s;
  }
  return in_force->headcount;
}

}  // namespace outagesim::models
