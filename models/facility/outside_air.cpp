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

OutsideAir OutsideAir::interpolated(sim::Time every) const {
  assert(every > sim::Time());
  std::vector<Step> out;
  for (std::size_t i = 0; i + 1 < steps_.size(); ++i) {
    const Step& a = steps_[i];
    const Step& b = steps_[i + 1];
    const double span_ms = static_cast<double>((b.from - a.from).count_ms());
    for (sim::Time t = a.from; t < b.from; t = t + every) {
      const sim::Time end = std::min(b.from, t + every);
      const double middle_ms = static_cast<double>((t - a.from).count_ms() + (end - t).count_ms() / 2);
      const double c = a.c + (b.c - a.c) * middle_ms / span_ms;
      if (!out.empty() && out.back().c == c) continue;  // a flat stretch: one step
      out.push_back(Step{t, c});
    }
  }
  if (out.empty() || out.back().c != steps_.back().c) out.push_back(steps_.back());
  return OutsideAir(std::move(out));
}

double OutsideAir::lowest_c() const {
  double low = steps_.front().c;
  for (const Step& s : steps_) low = std::min(low, s.c);
  return low;
}

}  // namespace outagesim::models
