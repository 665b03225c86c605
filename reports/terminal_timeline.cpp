// Columns over [0, horizon) in equal integer stretches; axis ticks on round local clock times.
#include "reports/terminal_timeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "models/results/vertex_state.hpp"
#include "reports/clock_format.hpp"
#include "reports/display_width.hpp"
#include "reports/printable_text.hpp"
#include "reports/text_table.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;

namespace {

struct Glyphs {
  std::string_view up, degraded, down;
};
constexpr Glyphs kUnicode{"·", "▒", "█"};
constexpr Glyphs kAscii{".", "~", "#"};

std::string_view glyph(const Glyphs& g, m::State state) {
  switch (state) {
    case m::State::kUp:
      return g.up;
    case m::State::kDegraded:
      return g.degraded;
    case m::State::kDown:
      return g.down;
  }
  return "?";
}

// The first column of stretch t, for `columns` stretches over the horizon.
std::size_t column_of(sim::Time t, sim::Time horizon, std::size_t columns) {
  return static_cast<std::size_t>(t.count_ms() * static_cast<std::int64_t>(columns) / horizon.count_ms());
}
sim::Time column_start(std::size_t column, sim::Time horizon, std::size_t columns) {
  return sim::Time::ms(horizon.count_ms() * static_cast<std::int64_t>(column) /
                       static_cast<std::int64_t>(columns));
}

// Two lines under the bars: a '|' at each tick and its local clock time. Ticks at the start and at whole
// local multiples of the smallest round step that leaves room for a label ("02:50+1d" and a space)
// between them; a label that would run into the one before it is left out, its tick kept.
std::string axis(const m::ScenarioSpec& spec, std::size_t indent, std::size_t columns) {
  constexpr std::array<std::int64_t, 15> kSteps_s = {
      60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800, 2592000, 31536000};
  constexpr std::size_t kLabelRoom = 10;
  const sim::Time horizon = spec.horizon;
  std::int64_t step_s = kSteps_s.back();
  for (const std::int64_t s : kSteps_s) {
    if (sim::Time::seconds(s).count_ms() * static_cast<std::int64_t>(columns) >=
        horizon.count_ms() * static_cast<std::int64_t>(kLabelRoom)) {
      step_s = s;
      break;
    }
  }
  std::string ticks(columns, ' ');
  std::string labels(columns, ' ');
  // The start always gets a tick and its clock time, on or off the step.
  const std::string start_label = local_clock(spec, sim::Time());
  ticks[0] = '|';
  std::size_t free_from = 0;  // the first column a next label may use
  if (start_label.size() <= columns) {
    labels.replace(0, start_label.size(), start_label);
    free_from = start_label.size() + 1;
  }
  const std::int64_t start_local_s = spec.start_unix_s + spec.utc_offset_s;
  // The first tick: the first whole multiple of the step, in local time, at or after the start.
  std::int64_t tick_s = ((-start_local_s) % step_s + step_s) % step_s;
  for (; sim::Time::seconds(tick_s) < horizon; tick_s += step_s) {
    const sim::Time t = sim::Time::seconds(tick_s);
    const std::size_t col = column_of(t, horizon, columns);
    ticks[col] = '|';
    if (col == 0) continue;  // the start, labelled already
    const std::string label = local_clock(spec, t);
    if (col >= free_from && col + label.size() <= columns) {
      labels.replace(col, label.size(), label);
      free_from = col + label.size() + 1;
    }
  }
  const auto trimmed = [](std::string s) {
    s.erase(s.find_last_not_of(' ') + 1);
    return s;
  };
  const std::string pad(indent, ' ');
  return trimmed(pad + ticks) + "\n" + trimmed(pad + labels) + "\n";
}

}  // namespace

std::string terminal_timeline(const m::ScenarioSpec& spec, const m::RunResult& result,
                              const TimelineOptions& options) {
  const std::size_t width = std::max(options.width, kMinTimelineWidth);
  const Glyphs& g = options.ascii ? kAscii : kUnicode;

  struct Row {
    std::string name;
    m::ComponentId id;
  };
  std::vector<Row> rows;
  std::size_t name_width = 0;
  for (const m::TenantSpec& t : spec.tenants) {
    for (const m::TenantFunctionSpec& f : t.functions) {
      rows.push_back({printable(t.name + "/" + f.name), f.id});
      name_width = std::max(name_width, display_width(rows.back().name));
    }
  }
  name_width = std::min(name_width, width / 3);
  const std::size_t columns = width - name_width - 1;
  const sim::Time horizon = spec.horizon;

  std::string out = fmt::format("{}: tenant functions from {} for {}, one column per {}\n",
                                printable(spec.name), local_iso(spec, sim::Time()), format_duration(horizon),
                                format_duration(column_start(1, horizon, columns)));
  for (const Row& row : rows) {
    const std::string name = fit_width(row.name, name_width, options.ascii);
    out += name;
    out.append(name_width - display_width(name) + 1, ' ');
    for (std::size_t c = 0; c < columns; ++c) {
      const m::State state = m::worst_state_in(result, row.id, column_start(c, horizon, columns),
                                               column_start(c + 1, horizon, columns));
      out += glyph(g, state);
    }
    out += '\n';
  }
  out += axis(spec, name_width + 1, columns);
  out += fmt::format("{} down  {} degraded  {} up  (a column shows the worst state within it)\n", g.down,
                     g.degraded, g.up);
  return out;
}

}  // namespace outagesim::reports
