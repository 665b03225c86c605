// Look-ups in the outside-air series.
#include "models/facility/outside_air.hpp"

#include <algorithm>
#include <cassert>

namespace outagesim::models {

OutsideAir::OutsideAir(std::vector<Step> steps) : steps_(std::move(steps)) {
  assert(!steps_.empty() && steps_.front().from == sim::Time());
}

double OutsideAir::at(sim::Time t) const {
  // The last step starting at or before t.
  const auto it = std::upper_bound(steps_.begin(), steps_.end(), t,
                                   [](sim::Time v, const Step& s) { return v < s.from; });
  return it == steps_.begin() ? steps_.front().c : std::prev(it)->c;
}

std::optional<sim::Time> OutsideAir::next_change_after(sim::Time t) const {
  const auto it = std::upper_bound(steps_.begin(), steps_.end(), t,
                                   [](sim::Time v, const Step& s) { return v < s.from; });
  if (it == steps_.end()) return std::nullopt;
  return it->from;
}

OutsideAir OutsideAir::shifted(double dc) const {
  OutsideAir out = *this;
  for (Step& s : out.steps_) s.c = std::clamp(s.c + dc, -60.0, 60.0);
  return out;
}

double OutsideAir::lowest_c() const {
  double low = steps_.front().c;
  for (const Step& s : steps_) low = std::min(low, s.c);
  return low;
}

}  // namespace outagesim::models
