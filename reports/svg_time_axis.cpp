// Hour ticks on the scenario's local clock.
#include "reports/svg_time_axis.hpp"

#include <fmt/format.h>

#include <array>

#include "reports/clock_format.hpp"
#include "reports/html_escape.hpp"

namespace outagesim::reports {

std::vector<TimeTick> time_ticks(const models::ScenarioSpec& spec, sim::Time horizon, int max_ticks) {
  constexpr std::array<std::int64_t, 9> kStepHours{1, 2, 3, 6, 12, 24, 48, 168, 720};
  const std::int64_t horizon_s = horizon.floor_seconds();
  std::int64_t step_s = kStepHours.back() * 3600;
  for (const std::int64_t hours : kStepHours) {
    if (horizon_s / (hours * 3600) + 1 <= max_ticks) {
      step_s = hours * 3600;
      break;
    }
  }
  // Whole local hours (and days) are counted on the local clock, whatever the start's minute.
  const std::int64_t local_start_s = spec.start_unix_s + spec.utc_offset_s;
  std::int64_t offset_s = (step_s - local_start_s % step_s) % step_s;
  if (offset_s < 0) offset_s += step_s;
  std::vector<TimeTick> ticks;
  for (std::int64_t s = offset_s; s <= horizon_s; s += step_s) {
    const sim::Time at = sim::Time::seconds(s);
    ticks.push_back({at, local_clock(spec, at)});
  }
  return ticks;
}

std::string svg_time_axis(const std::vector<TimeTick>& ticks, const LinearScale& x, double label_y,
                          double top, double bottom) {
  std::string out = "<g class=\"time-axis\">\n";
  for (const TimeTick& tick : ticks) {
    const std::string at = svg_number(x.at(static_cast<double>(tick.at.count_ms())));
    out += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>"
        "<text class=\"tick-label\" x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
        at, svg_number(top), svg_number(bottom), svg_number(label_y), html_escape(tick.label));
  }
  out += "</g>\n";
  return out;
}

}  // namespace outagesim::reports
