// Downtime bars: whole seconds as the text report counts them (RunResult::whole_seconds_in), on a scale
// of the whole horizon so that a full bar means down throughout.
#include "reports/svg_downtime_bars.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "reports/clock_format.hpp"
#include "reports/html_escape.hpp"
#include "reports/svg_scale.hpp"
#include "reports/svg_timeline.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;

namespace {

constexpr double kWidth = 1160;
constexpr double kPlotLeft = 250;
constexpr double kPlotRight = 900;
constexpr double kRowPitch = 20;
constexpr double kBarHeight = 14;
constexpr double kTop = 22;

struct Row {
  const m::TenantSpec* tenant = nullptr;
  const m::TenantFunctionSpec* function = nullptr;  // nullptr: the tenant as a whole
};

}  // namespace

std::string svg_downtime_bars(const m::ScenarioSpec& spec, const m::RunResult& result) {
  const auto seconds = [&](m::ComponentId id, m::State s) { return result.whole_seconds_in(id, s); };
  std::vector<const m::TenantSpec*> tenants;
  for (const m::TenantSpec& t : spec.tenants) tenants.push_back(&t);
  // The most affected tenants when there are more than a chart holds; the others are counted below it.
  std::size_t left_out = 0;
  std::size_t left_out_down = 0;
  if (tenants.size() > kMaxFunctionLanes) {
    const auto out_of_up = [&](const m::TenantSpec* t) {
      return seconds(t->id, m::State::kDown) + seconds(t->id, m::State::kDegraded);
    };
    std::stable_sort(tenants.begin(), tenants.end(), [&](const m::TenantSpec* a, const m::TenantSpec* b) {
      return out_of_up(a) > out_of_up(b);
    });
    left_out = tenants.size() - kMaxFunctionLanes;
    for (std::size_t i = kMaxFunctionLanes; i < tenants.size(); ++i)
      left_out_down += seconds(tenants[i]->id, m::State::kDown) > 0 ? 1 : 0;
    tenants.resize(kMaxFunctionLanes);
    std::sort(tenants.begin(), tenants.end(),
              [](const m::TenantSpec* a, const m::TenantSpec* b) { return a->id < b->id; });
  }
  std::vector<Row> rows;
  for (const m::TenantSpec* t : tenants) {
    rows.push_back({t, nullptr});
    if (t->functions.size() > 1)
      for (const m::TenantFunctionSpec& f : t->functions) rows.push_back({t, &f});
  }

  const double height = kTop + static_cast<double>(rows.size()) * kRowPitch + 24 + (left_out > 0 ? 18 : 0);
  const LinearScale x{0, spec.horizon.to_seconds(), kPlotLeft, kPlotRight};
  std::string out = fmt::format(
      "<svg class=\"downtime-chart\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "aria-label=\"downtime per tenant\">\n",
      svg_number(kWidth), svg_number(height));
  // Quarters of the horizon as the scale.
  const double axis_bottom = kTop + static_cast<double>(rows.size()) * kRowPitch;
  for (int q = 0; q <= 4; ++q) {
    const sim::Time at = sim::Time::ms(spec.horizon.count_ms() / 4 * q);
    const std::string px = svg_number(x.at(at.to_seconds()));
    out += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/><text class=\"tick-label\" "
        "x=\"{0}\" "
        "y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
        px, svg_number(kTop - 4), svg_number(axis_bottom), svg_number(axis_bottom + 14),
        html_escape(format_duration(at)));
  }
  double y = kTop;
  for (const Row& row : rows) {
    const m::ComponentId id = row.function != nullptr ? row.function->id : row.tenant->id;
    const std::int64_t down_s = seconds(id, m::State::kDown);
    const std::int64_t degraded_s = seconds(id, m::State::kDegraded);
    const std::string tenant = html_escape(row.tenant->name);
    const std::string function =
        row.function != nullptr ? fmt::format(" data-function=\"{}\"", html_escape(row.function->name)) : "";
    const std::string label = row.function != nullptr ? row.function->name : row.tenant->name;
    const std::string totals =
        fmt::format("down {}, degraded {}", format_duration(sim::Time::seconds(down_s)),
                    format_duration(sim::Time::seconds(degraded_s)));
    const std::string title = html_escape(fmt::format("{}: {}", m::vertex_name(spec, id), totals));
    out += fmt::format(
        "<g class=\"downtime-row{}\" data-tenant=\"{}\"{}>\n"
        "<text class=\"lane-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
        row.function != nullptr ? " function" : "", tenant, function, svg_number(kPlotLeft - 8),
        svg_number(y + 11), html_escape(row.function != nullptr ? "\xC2\xB7 " + label : label));
    const double down_end = x.at(static_cast<double>(down_s));
    const double degraded_end = x.at(static_cast<double>(down_s + degraded_s));
    const double bar_y = y + (kRowPitch - kBarHeight) / 2 - 2;
    const double bar_height = row.function != nullptr ? kBarHeight - 4 : kBarHeight;
    out += fmt::format(
        "<rect class=\"downtime-bar down\" data-tenant=\"{0}\"{1} data-seconds=\"{2}\" x=\"{3}\" y=\"{4}\" "
        "width=\"{5}\" height=\"{6}\"><title>{7}</title></rect>\n",
        tenant, function, down_s, svg_number(kPlotLeft), svg_number(bar_y), svg_number(down_end - kPlotLeft),
        svg_number(bar_height), title);
    out += fmt::format(
        "<rect class=\"downtime-bar degraded\" data-tenant=\"{0}\"{1} data-seconds=\"{2}\" x=\"{3}\" "
        "y=\"{4}\" "
        "width=\"{5}\" height=\"{6}\"><title>{7}</title></rect>\n",
        tenant, function, degraded_s, svg_number(down_end), svg_number(bar_y),
        svg_number(degraded_end - down_end), svg_number(bar_height), title);
    out += fmt::format("<text class=\"bar-label\" x=\"{}\" y=\"{}\">{}</text>\n</g>\n",
                       svg_number(std::max(degraded_end, kPlotLeft) + 6), svg_number(y + 11),
                       html_escape(totals));
    y += kRowPitch;
  }
  if (left_out > 0) {
    out += fmt::format(
        "<text class=\"left-out\" x=\"{}\" y=\"{}\">({} more tenants, less affected, are left out; {} of "
        "them were down)</text>\n",
        svg_number(kPlotLeft), svg_number(axis_bottom + 32), left_out, left_out_down);
  }
  out += "</svg>\n";
  return out;
}

}  // namespace outagesim::reports
