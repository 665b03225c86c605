// Both comparison charts reduce their rows to bars (with an interval when replicated) and share one layout.
#include "reports/svg_comparison_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "reports/clock_format.hpp"
#include "reports/html_escape.hpp"
#include "reports/svg_scale.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;

namespace {

constexpr double kWidth = 1160;
constexpr double kPlotLeft = 400;
constexpr double kPlotRight = 900;
constexpr double kRowPitch = 20;
constexpr double kBarHeight = 12;
constexpr double kTop = 22;
constexpr const char* kBaselineName = "as it was";
// Variant names longer than this (in bytes) are cut in the label; the hover text has them whole.
constexpr std::size_t kLabelBytes = 64;

std::string short_label(const std::string& name) {
  if (name.size() <= kLabelBytes) return name;
  std::size_t cut = kLabelBytes - 1;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return name.substr(0, cut) + "\xE2\x80\xA6";  // …
}

struct Bar {
  std::uint32_t tenant = 0;
  std::uint32_t function = 0;
  std::string variant;  // empty: the baseline
  double value_s = 0;   // downtime, or its mean over the replications
  // From replications: the 95 % CI of the mean, and p10 - p90.
  bool replicated = false;
  double ci_low_s = 0, ci_high_s = 0, p10_s = 0, p90_s = 0;
  std::string label;  // to the right of the bar
  std::string title;  // hover text
};

std::string seconds_text(double s) {
  return format_duration(sim::Time::ms(std::llround(s * 1000.0)));
}

std::string signed_text(double s) {
  return s > 0 ? fmt::format("+{}", seconds_text(s)) : seconds_text(s);
}

// Picks a round step so that the axis has at most six ticks.
double axis_step_s(double max_s) {
  constexpr double kSteps[] = {60,    300,   900,   1800,   3600,   7200,    10800,
                               21600, 43200, 86400, 172800, 604800, 2592000, 31536000};
  for (const double step : kSteps) {
    if (max_s / step <= 6) return step;
  }
  return 31536000 * std::ceil(max_s / 31536000 / 6);
}

std::string chart(const m::ScenarioSpec& spec, const std::vector<Bar>& bars, const std::string& note) {
  double max_s = 1;
  for (const Bar& b : bars) {
    max_s = std::max(max_s, b.value_s);
    if (b.replicated) max_s = std::max({max_s, b.ci_high_s, b.p90_s});
  }
  const double step = axis_step_s(max_s);
  max_s = std::ceil(max_s / step) * step;
  const LinearScale x{0, max_s, kPlotLeft, kPlotRight};

  std::size_t rows = bars.size();
  for (std::size_t i = 0; i < bars.size(); ++i) {
    if (i == 0 || bars[i].tenant != bars[i - 1].tenant || bars[i].function != bars[i - 1].function) ++rows;
  }
  const double axis_bottom = kTop + static_cast<double>(rows) * kRowPitch;
  const double height = axis_bottom + 40;
  std::string out = fmt::format(
      "<svg class=\"comparison-chart\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "aria-label=\"strategy variants compared\">\n",
      svg_number(kWidth), svg_number(height));
  for (double s = 0; s <= max_s + 1e-9; s += step) {
    const std::string px = svg_number(x.at(s));
    out += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/><text class=\"tick-label\" "
        "x=\"{0}\" "
        "y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
        px, svg_number(kTop - 4), svg_number(axis_bottom), svg_number(axis_bottom + 14),
        html_escape(seconds_text(s)));
  }
  out += fmt::format("<text class=\"tick-label\" x=\"{}\" y=\"{}\">{}</text>\n", svg_number(kPlotLeft),
                     svg_number(axis_bottom + 32), html_escape(note));
  double y = kTop;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const m::TenantSpec& tenant = spec.tenants[b.tenant];
    const std::string function = html_escape(tenant.name + "/" + tenant.functions[b.function].name);
    if (i == 0 || b.tenant != bars[i - 1].tenant || b.function != bars[i - 1].function) {
      out += fmt::format("<text class=\"lane-heading\" x=\"8\" y=\"{}\">{}</text>\n", svg_number(y + 12),
                         function);
      y += kRowPitch;
    }
    const std::string variant = html_escape(b.variant);
    const double bar_y = y + (kRowPitch - kBarHeight) / 2 - 2;
    const double mid = bar_y + kBarHeight / 2;
    out += fmt::format(
        "<g class=\"variant-row\" data-function=\"{0}\" data-variant=\"{1}\">\n"
        "<text class=\"lane-label\" x=\"{2}\" y=\"{3}\" text-anchor=\"end\">{4}</text>\n"
        "<rect class=\"variant-bar{5}\" data-function=\"{0}\" data-variant=\"{1}\" x=\"{6}\" y=\"{7}\" "
        "width=\"{8}\" height=\"{9}\"><title>{10}</title></rect>\n",
        function, variant, svg_number(kPlotLeft - 8), svg_number(y + 11),
        html_escape(b.variant.empty() ? std::string(kBaselineName) : short_label(b.variant)),
        b.variant.empty() ? " baseline" : "", svg_number(kPlotLeft), svg_number(bar_y),
        svg_number(x.at(b.value_s) - kPlotLeft), svg_number(kBarHeight), html_escape(b.title));
    double label_x = x.at(b.value_s);
    if (b.replicated) {
      out += fmt::format(
          "<line class=\"variant-spread\" x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" "
          "y2=\"{2}\"><title>{3}</title></line>\n",
          svg_number(x.at(b.p10_s)), svg_number(x.at(b.p90_s)), svg_number(mid), html_escape(b.title));
      const std::string lo = svg_number(x.at(b.ci_low_s));
      const std::string hi = svg_number(x.at(b.ci_high_s));
      out += fmt::format(
          "<path class=\"variant-ci\" d=\"M{0} {2}V{3}M{0} {4}H{1}M{1} {2}V{3}\"><title>{5}</title></path>\n",
          lo, hi, svg_number(bar_y - 2), svg_number(bar_y + kBarHeight + 2), svg_number(mid),
          html_escape(b.title));
      label_x = std::max({label_x, x.at(b.ci_high_s), x.at(b.p90_s)});
    }
    out += fmt::format("<text class=\"bar-label\" x=\"{}\" y=\"{}\">{}</text>\n</g>\n",
                       svg_number(label_x + 6), svg_number(y + 11), html_escape(b.label));
    y += kRowPitch;
  }
  out += "</svg>\n";
  return out;
}

}  // namespace

std::string svg_comparison_chart(const m::ScenarioSpec& spec, const m::Comparison& comparison) {
  std::vector<Bar> bars;
  for (const m::ComparisonRow& row : comparison.rows) {
    Bar b;
    b.tenant = row.tenant;
    b.function = row.function;
    b.variant = row.baseline ? std::string() : row.variant;
    b.value_s = row.downtime.to_seconds();
    b.label = format_duration(row.downtime);
    if (!row.baseline) {
      b.label +=
          fmt::format(" ({}{} vs baseline)", row.delta > sim::Time() ? "+" : "", format_duration(row.delta));
    }
    const m::TenantSpec& t = spec.tenants[row.tenant];
    b.title =
        fmt::format("{}/{}, {} ({} strategy): down {}, degraded {}", t.name, t.functions[row.function].name,
                    row.baseline ? std::string(kBaselineName) : row.variant, row.strategy_kind,
                    format_duration(row.downtime), format_duration(row.degraded));
    if (row.recovered_at) b.title += ", back at " + local_clock(spec, *row.recovered_at);
    if (row.still_down_at_horizon) b.title += ", still down at the end";
    if (row.data_loss > sim::Time()) b.title += ", data lost " + format_duration(row.data_loss);
    bars.push_back(std::move(b));
  }
  return chart(spec, bars, "downtime in one run of each, on the same random draws");
}

std::string svg_comparison_chart(const m::ScenarioSpec& spec, const m::UncertainComparison& comparison) {
  std::vector<Bar> bars;
  for (const m::UncertainComparisonRow& row : comparison.rows) {
    const sim::Summary& d = row.downtime_s;
    Bar b;
    b.tenant = row.tenant;
    b.function = row.function;
    b.variant = row.variant;
    b.value_s = d.mean;
    b.replicated = true;
    b.ci_low_s = d.ci95_low;
    b.ci_high_s = d.ci95_high;
    b.p10_s = d.p10;
    b.p90_s = d.p90;
    b.label = fmt::format("mean {} (95% CI {} \xE2\x80\x93 {})", seconds_text(d.mean),
                          seconds_text(d.ci95_low), seconds_text(d.ci95_high));
    const m::TenantSpec& t = spec.tenants[row.tenant];
    b.title = fmt::format(
        "{}/{}, {}: rank {} of its function; mean downtime {}, 95% CI of the mean {} \xE2\x80\x93 {}, "
        "p10 {}, p90 {}",
        t.name, t.functions[row.function].name,
        row.variant.empty() ? std::string(kBaselineName) : row.variant, row.rank + 1, seconds_text(d.mean),
        seconds_text(d.ci95_low), seconds_text(d.ci95_high), seconds_text(d.p10), seconds_text(d.p90));
    if (row.versus_baseline) {
      const sim::Summary& diff = row.versus_baseline->difference;
      b.title += fmt::format("; vs baseline {} (95% CI {} \xE2\x80\x93 {})", signed_text(diff.mean),
                             signed_text(diff.ci95_low), signed_text(diff.ci95_high));
    }
    if (row.beats_next)
      b.title += fmt::format("; beats the next-ranked in {:.1f}% of runs", 100.0 * *row.beats_next);
    bars.push_back(std::move(b));
  }
  return chart(
      spec, bars,
      fmt::format("mean downtime over {} replications on common random numbers; whiskers: 95% CI of the "
                  "mean; thin line: p10 \xE2\x80\x93 p90",
                  comparison.runs));
}

}  // namespace outagesim::reports
