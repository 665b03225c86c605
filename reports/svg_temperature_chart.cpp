// A room's temperature chart: samples, crossings and the peak merged into one curve (the samples alone,
// five minutes apart, would cut the peak and miss the moments thresholds were crossed).
#include "reports/svg_temperature_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "reports/clock_format.hpp"
#include "reports/html_escape.hpp"
#include "reports/svg_scale.hpp"
#include "reports/svg_time_axis.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;

namespace {

constexpr double kWidth = 560;
constexpr double kHeight = 220;
constexpr double kLeft = 44;
constexpr double kRight = 440;  // thresholds are named to the right of the plot
constexpr double kTop = 26;
constexpr double kBottom = 200;

std::string threshold_kind(const std::string& name) {
  for (const char* kind : {"setpoint", "alarm", "sprinkler", "shutdown"}) {
    if (name.rfind(kind, 0) == 0) return kind;
  }
  return "other";
}

}  // namespace

std::string svg_temperature_chart(const m::ScenarioSpec& spec, const m::RoomTrace& trace) {
  const std::string room = html_escape(spec.components[trace.room].name);

  // The curve's points: samples, every crossing at its threshold's temperature, and the peak.
  struct Point {
    sim::Time at;
    double c = 0;
  };
  std::vector<Point> points;
  for (const m::TemperatureSample& s : trace.samples) points.push_back({s.at, s.c});
  for (const m::ThresholdCrossing& x : trace.crossings)
    points.push_back({x.at, trace.thresholds[x.threshold].c});
  if (!trace.samples.empty()) points.push_back({trace.peak_at, trace.peak_c});
  std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.at < b.at; });
  points.erase(
      std::unique(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.at == b.at; }),
      points.end());

  // The air the room loses heat to, drawn when it changes over the run or is above the room's setpoint (a
  // heatwave is what drives such a room): its steps within the horizon.
  std::vector<Point> air;
  if (const auto* params = std::get_if<m::RoomParams>(&spec.components[trace.room].params)) {
    for (const m::OutsideAir::Step& step : params->outside.steps()) {
      if (step.from < spec.horizon) air.push_back({step.from, step.c});
    }
    const bool hot =
        std::any_of(air.begin(), air.end(), [&](const Point& p) { return p.c > params->setpoint_c; });
    const bool changes =
        std::any_of(air.begin(), air.end(), [&](const Point& p) { return p.c != air.front().c; });
    if (!changes && !hot) air.clear();
  }

  double lo = trace.peak_c;
  double hi = trace.peak_c;
  for (const Point& p : air) {
    lo = std::min(lo, p.c);
    hi = std::max(hi, p.c);
  }
  for (const Point& p : points) {
    lo = std::min(lo, p.c);
    hi = std::max(hi, p.c);
  }
  for (const m::NamedThreshold& t : trace.thresholds) {
    lo = std::min(lo, t.c);
    hi = std::max(hi, t.c);
  }
  // Whole 5 °C steps around everything drawn.
  lo = std::floor(lo / 5.0) * 5.0 - 5.0;
  hi = std::ceil(hi / 5.0) * 5.0 + 5.0;
  const LinearScale x{0, static_cast<double>(spec.horizon.count_ms()), kLeft, kRight};

  std::string out = fmt::format(
      "<svg class=\"temp-chart\" data-room=\"{0}\" width=\"{1}\" height=\"{2}\" viewBox=\"0 0 {1} {2}\" "
      "role=\"img\" aria-label=\"temperature of {0}\">\n"
      "<text class=\"chart-title\" x=\"{3}\" y=\"12\">{0}: peak {4:.1f} \xC2\xB0"
      "C at {5}{6}</text>\n",
      room, svg_number(kWidth), svg_number(kHeight), svg_number(kLeft), trace.peak_c,
      local_clock(spec, trace.peak_at), air.empty() ? "" : "; outside air dotted");
  out += svg_time_axis(time_ticks(spec, spec.horizon, 8), x, kBottom + 14, kTop, kBottom);
  // 5 or 10 °C gridlines for a room's usual span; a wider one (a room left to heat without end reached
  // 8e7 °C, and a line per 10 °C took 3 GB) gets a round step, 2, 5 or 10 times a power of ten, that
  // draws at most 12.
  double step_c = hi - lo > 40 ? 10.0 : 5.0;
  if ((hi - lo) / step_c > 12) {
    while ((hi - lo) / step_c > 12) {
      const double mantissa = step_c / std::pow(10.0, std::floor(std::log10(step_c)));
      step_c *= mantissa < 1.5 || mantissa > 4 ? 2.0 : 2.5;  // 1 -> 2 -> 5 -> 10
    }
    lo = std::floor(lo / step_c) * step_c;
    hi = std::ceil(hi / step_c) * step_c;
  }
  const LinearScale y{lo, hi, kBottom, kTop};
  for (double c = lo; c <= hi + 1e-9; c += step_c) {
    out += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\"/><text class=\"tick-label\" "
        "x=\"{3}\" "
        "y=\"{4}\" text-anchor=\"end\">{5:g}</text>\n",
        svg_number(kLeft), svg_number(kRight), svg_number(y.at(c)), svg_number(kLeft - 4),
        svg_number(y.at(c) + 4), c);
  }

  // Thresholds; those at one temperature share a label.
  for (std::size_t i = 0; i < trace.thresholds.size(); ++i) {
    const m::NamedThreshold& t = trace.thresholds[i];
    const std::string name = html_escape(t.name);
    out += fmt::format(
        "<line class=\"threshold {0}\" data-threshold=\"{1}\" x1=\"{2}\" y1=\"{4}\" x2=\"{3}\" y2=\"{4}\">"
        "<title>{1} {5:g} \xC2\xB0"
        "C</title></line>\n",
        threshold_kind(t.name), name, svg_number(kLeft), svg_number(kRight), svg_number(y.at(t.c)), t.c);
    bool first_at_c = true;
    for (std::size_t j = 0; j < i; ++j) first_at_c = first_at_c && trace.thresholds[j].c != t.c;
    if (!first_at_c) continue;
    // The label names the kind only ("shutdown 40 °C"): pool names would not fit; the hover text has them.
    std::string names = t.name;
    for (std::size_t j = i + 1; j < trace.thresholds.size(); ++j) {
      if (trace.thresholds[j].c == t.c) names += ", " + trace.thresholds[j].name;
    }
    const std::string kind = threshold_kind(t.name);
    out += fmt::format(
        "<text class=\"threshold-label {0}\" x=\"{1}\" y=\"{2}\">{3} {4:g} \xC2\xB0"
        "C<title>{5} {4:g} \xC2\xB0"
        "C</title></text>\n",
        kind, svg_number(kRight + 4), svg_number(y.at(t.c) + 4), kind == "other" ? html_escape(t.name) : kind,
        t.c, html_escape(names));
  }

  if (!air.empty()) {
    // Piecewise constant: a step holds until the next, the last to the horizon.
    std::string steps;
    for (std::size_t i = 0; i < air.size(); ++i) {
      const double until =
          static_cast<double>((i + 1 < air.size() ? air[i + 1].at : spec.horizon).count_ms());
      steps += fmt::format("{}{},{} {},{}", steps.empty() ? "" : " ",
                           svg_number(x.at(static_cast<double>(air[i].at.count_ms()))),
                           svg_number(y.at(air[i].c)), svg_number(x.at(until)), svg_number(y.at(air[i].c)));
    }
    double air_peak = air.front().c;
    for (const Point& p : air) air_peak = std::max(air_peak, p.c);
    out += fmt::format(
        "<polyline class=\"outside-air\" data-room=\"{}\" points=\"{}\"><title>outside air, up to {:.1f} "
        "\xC2\xB0"
        "C</title></polyline>\n",
        room, steps, air_peak);
  }

  std::string path;
  for (const Point& p : points) {
    path += fmt::format("{}{},{}", path.empty() ? "" : " ",
                        svg_number(x.at(static_cast<double>(p.at.count_ms()))), svg_number(y.at(p.c)));
  }
  out += fmt::format(
      "<polyline class=\"temp-curve\" data-room=\"{}\" points=\"{}\"><title>{} temperature, peak {:.1f} "
      "\xC2\xB0"
      "C at {}</title></polyline>\n",
      room, path, room, trace.peak_c, local_clock(spec, trace.peak_at));
  for (const m::ThresholdCrossing& c : trace.crossings) {
    const m::NamedThreshold& t = trace.thresholds[c.threshold];
    out += fmt::format(
        "<circle class=\"temp-crossing\" cx=\"{}\" cy=\"{}\" r=\"3\"><title>{} {} {:g} \xC2\xB0"
        "C at {}</title></circle>\n",
        svg_number(x.at(static_cast<double>(c.at.count_ms()))), svg_number(y.at(t.c)),
        c.rising ? "rose above" : "fell below", html_escape(t.name), t.c, local_clock(spec, c.at));
  }
  out += "</svg>\n";
  return out;
}

}  // namespace outagesim::reports
