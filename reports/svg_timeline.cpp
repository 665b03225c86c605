// Drawing the timeline: lanes from the run's intervals (split by DowntimeSegmenter for tenant functions),
// events from the injections and random failures, ticks from check_milestones().
#include "reports/svg_timeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "models/operations/random_failure_spec.hpp"
#include "models/results/downtime_segments.hpp"
#include "models/results/milestone_check.hpp"
#include "reports/cause_text.hpp"
#include "reports/clock_format.hpp"
#include "reports/html_escape.hpp"
#include "reports/svg_scale.hpp"
#include "reports/svg_time_axis.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;

namespace {

constexpr double kWidth = 1160;
constexpr double kPlotLeft = 250;
constexpr double kPlotRight = 1110;
constexpr double kRowPitch = 22;
constexpr double kLaneHeight = 16;
constexpr double kAxisLabelY = 14;
constexpr double kFirstRowY = 24;
// Lane labels longer than this (in bytes) are cut, with the whole name in the lane's hover text.
constexpr std::size_t kLabelBytes = 36;

// Cut at a character boundary: never inside a UTF-8 sequence.
std::string short_label(const std::string& name) {
  if (name.size() <= kLabelBytes) return name;
  std::size_t cut = kLabelBytes - 1;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return name.substr(0, cut) + "\xE2\x80\xA6";  // …
}

std::string span_text(const m::ScenarioSpec& spec, sim::Time start, sim::Time end, bool open) {
  return fmt::format("{}\xE2\x80\x93{} ({})", local_clock(spec, start),
                     open ? std::string("end of horizon") : local_clock(spec, end), format_span(start, end));
}

// "ecs-c3 down at 09:41: <its chain>": the holder's change named, then its chain to the fault.
std::string change_chain(const m::ScenarioSpec& spec, const m::RunResult& result, m::ChangeId change) {
  if (change == m::kNoChange || change >= result.journal.size()) return "no recorded change";
  const m::StateChange& c = result.journal[change];
  return fmt::format("{} {} at {}: {}", m::vertex_name(spec, c.component), m::state_name(c.to),
                     local_clock(spec, c.time), describe_cause(spec, result, change));
}

class Canvas {
 public:
  explicit Canvas(const m::ScenarioSpec& spec)
      : spec_(spec), x_{0, static_cast<double>(spec.horizon.count_ms()), kPlotLeft, kPlotRight} {}

  double x(sim::Time t) const { return x_.at(static_cast<double>(t.count_ms())); }
  const LinearScale& scale() const { return x_; }
  double y() const { return y_; }
  std::string& out() { return out_; }

  void heading(const std::string& text) {
    out_ += fmt::format("<text class=\"lane-heading\" x=\"8\" y=\"{}\">{}</text>\n", svg_number(y_ + 13),
                        html_escape(text));
    y_ += kRowPitch;
  }

  // The lane's frame: label and the up background; its spans are appended by the caller before close().
  void open_lane(m::ComponentId id, const char* kind, const std::string& summary) {
    const std::string name = m::vertex_name(spec_, id);
    out_ += fmt::format(
        "<g class=\"lane\" data-lane=\"{0}\" data-kind=\"{1}\">\n"
        "<text class=\"lane-label\" x=\"{2}\" y=\"{3}\" text-anchor=\"end\">{4}<title>{0}: "
        "{5}</title></text>\n"
        "<rect class=\"lane-bg\" x=\"{6}\" y=\"{7}\" width=\"{8}\" height=\"{9}\"/>\n",
        html_escape(name), kind, svg_number(kPlotLeft - 8), svg_number(y_ + 12),
        html_escape(short_label(name)), html_escape(summary), svg_number(kPlotLeft), svg_number(y_),
        svg_number(kPlotRight - kPlotLeft), svg_number(kLaneHeight));
  }
  void span(const std::string& classes, sim::Time start, sim::Time end, const std::string& title) {
    const double left = x(start);
    const double width = std::max(x(end) - left, 1.0);  // a blip stays visible
    out_ += fmt::format(
        "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}</title></rect>\n", classes,
        svg_number(left), svg_number(y_), svg_number(width), svg_number(kLaneHeight), html_escape(title));
  }
  void close_lane() {
    out_ += "</g>\n";
    y_ += kRowPitch;
  }
  void skip_row() { y_ += kRowPitch; }

 private:
  const m::ScenarioSpec& spec_;
  LinearScale x_;
  double y_ = kFirstRowY;
  std::string out_;
};

std::string totals_text(const m::RunResult& result, m::ComponentId id) {
  return fmt::format("down {}, degraded {}",
                     format_duration(sim::Time::seconds(result.whole_seconds_in(id, m::State::kDown))),
                     format_duration(sim::Time::seconds(result.whole_seconds_in(id, m::State::kDegraded))));
}

void function_lane(Canvas& canvas, m::DowntimeSegmenter& segmenter, const m::ScenarioSpec& spec,
                   const m::RunResult& result, m::ComponentId id) {
  canvas.open_lane(id, "function", totals_text(result, id));
  const std::string name = m::vertex_name(spec, id);
  for (const m::Interval& interval : result.intervals[id]) {
    const bool open = interval.ended == m::kNoChange;
    const std::string state(m::state_name(interval.state));
    std::string came_back;
    if (!open) came_back = "\ncame back: " + describe_cause(spec, result, interval.ended);
    for (const m::DowntimeSegment& s : segmenter.segments(id, interval)) {
      const bool own = s.time_of != m::TimeOf::kProvider;  // its own steps, or its failover's pace
      std::string held = "held by " + m::vertex_name(spec, s.holder);
      if (s.via != s.holder && s.via != id) held += " via " + m::vertex_name(spec, s.via);
      if (s.step != nullptr) held += fmt::format(", recovery step '{}'", s.step->name);
      if (s.strategy != nullptr) {
        held += fmt::format(", {} strategy: {}", s.strategy_held ? "its" : "meanwhile its",
                            describe_wait(s.strategy->wait, s.strategy->step));
      }
      const std::string title = fmt::format(
          "{} {} {}\nthis part {}: {}, {}\ncause: {}{}", name, state,
          span_text(spec, interval.start, interval.end, open), span_text(spec, s.start, s.end, false), held,
          s.time_of == m::TimeOf::kTenant     ? "the tenant's own time"
          : s.time_of == m::TimeOf::kFailover ? "the tenant's failover while the provider was down"
                                              : "the provider's time",
          change_chain(spec, result, s.cause_change), came_back);
      canvas.span(fmt::format("span {}{}", state, own ? " tenant-time" : ""), s.start, s.end, title);
    }
  }
  canvas.close_lane();
}

void component_lane(Canvas& canvas, const m::ScenarioSpec& spec, const m::RunResult& result,
                    m::ComponentId id) {
  const m::ComponentSpec& c = spec.components[id];
  canvas.open_lane(id, "component", fmt::format("{}, {}", m::kind_name(c.kind), totals_text(result, id)));
  for (const m::Interval& interval : result.intervals[id]) {
    const bool open = interval.ended == m::kNoChange;
    const std::string state(m::state_name(interval.state));
    std::string title =
        fmt::format("{} {} {}\nwhy: {}", c.name, state, span_text(spec, interval.start, interval.end, open),
                    describe_cause(spec, result, interval.began));
    if (!open) title += "\nended: " + describe_cause(spec, result, interval.ended);
    canvas.span("span " + state, interval.start, interval.end, title);
  }
  canvas.close_lane();
}

// Faults and operator actions that happened, and the first change of each random failure; those at the
// same moment and of the same sort share one marker, with all their words.
std::map<std::pair<sim::Time, bool>, std::vector<std::string>> events(const m::ScenarioSpec& spec,
                                                                      const m::RunResult& result) {
  std::map<std::pair<sim::Time, bool>, std::vector<std::string>> grouped;
  for (std::size_t i = 0; i < spec.injections.size(); ++i) {
    const sim::Time at = result.injection_applied_at[i];
    if (at.is_never() || at > spec.horizon) continue;
    const m::InjectionSpec& inj = spec.injections[i];
    std::string text = describe_injection(spec, static_cast<m::InjectionId>(i), at);
    if (!result.injection_had_effect[i]) text += " [no effect]";
    grouped[{at, !inj.is_fault}].push_back(std::move(text));
  }
  for (const m::StateChange& c : result.journal) {
    if (c.cause.reason != m::Reason::kFault || !m::is_random_failure(c.cause.injection) || !c.changes_state())
      continue;
    grouped[{c.time, false}].push_back(describe_injection(spec, c.cause.injection, c.time) + " on " +
                                       m::vertex_name(spec, c.component));
  }
  return grouped;
}

void events_row(Canvas& canvas, const m::ScenarioSpec& spec, const m::RunResult& result, double grid_bottom) {
  const double y = canvas.y();
  canvas.out() += fmt::format(
      "<g class=\"events\">\n<text class=\"lane-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">faults and "
      "actions</text>\n",
      svg_number(kPlotLeft - 8), svg_number(y + 12));
  for (const auto& [key, texts] : events(spec, result)) {
    const auto& [at, action] = key;
    const double x = canvas.x(at);
    std::string title;
    for (const std::string& t : texts) title += (title.empty() ? "" : "\n") + t;
    if (!action) {
      canvas.out() +=
          fmt::format("<line class=\"fault-line\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n",
                      svg_number(x), svg_number(y + kLaneHeight), svg_number(grid_bottom));
      canvas.out() +=
          fmt::format("<path class=\"event fault\" d=\"M{} {}h12l-6 12z\"><title>{}</title></path>\n",
                      svg_number(x - 6), svg_number(y + 2), html_escape(title));
    } else {
      canvas.out() +=
          fmt::format("<path class=\"event action\" d=\"M{} {}l6 6l-6 6l-6 -6z\"><title>{}</title></path>\n",
                      svg_number(x), svg_number(y + 2), html_escape(title));
    }
  }
  canvas.out() += "</g>\n";
  canvas.skip_row();
}

// A milestone's event in words, as the scenario names it.
const char* event_words(m::MilestoneSpec::Event event) {
  switch (event) {
    case m::MilestoneSpec::Event::kEntersDown:
      return "enters down";
    case m::MilestoneSpec::Event::kEntersDegraded:
      return "enters degraded";
    case m::MilestoneSpec::Event::kLeavesUp:
      return "leaves up";
    case m::MilestoneSpec::Event::kReturnsUp:
      return "returns up";
    case m::MilestoneSpec::Event::kRecovers:
      return "recovers";
    case m::MilestoneSpec::Event::kLeavesDown:
      return "leaves down";
    case m::MilestoneSpec::Event::kDischarged:
      return "fire suppression discharged";
    case m::MilestoneSpec::Event::kAccessible:
      return "accessible again";
    case m::MilestoneSpec::Event::kCooled:
      return "cooled below its alarm";
  }
  return "?";
}

void milestone_rows(Canvas& canvas, const m::ScenarioSpec& spec, const m::RunResult& result) {
  for (const m::MilestoneResult& r : m::check_milestones(spec, result)) {
    const m::MilestoneSpec& ms = *r.milestone;
    const double y = canvas.y();
    const std::string name = html_escape(ms.name);
    canvas.out() += fmt::format(
        "<g class=\"milestone\" data-milestone=\"{0}\" data-basis=\"{1}\" data-passed=\"{2}\">\n"
        "<text class=\"lane-label\" x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5}<title>{0}</title></text>\n",
        name, m::basis_name(ms.basis), r.passed ? "yes" : "no", svg_number(kPlotLeft - 8), svg_number(y + 12),
        html_escape(short_label(ms.name)));
    std::string about = fmt::format("{} ({}): ", ms.name, m::basis_name(ms.basis));
    // A check (a downtime bound or a state at a time) has no times to draw: its row says it in words.
    std::string check;
    if (ms.max_downtime) {
      check = fmt::format("{} down at most {}, simulated {}: {}", m::vertex_name(spec, ms.component),
                          format_duration(*ms.max_downtime),
                          format_duration(r.simulated.value_or(sim::Time())), r.passed ? "kept" : "broken");
    } else if (ms.not_up_at) {
      check = fmt::format("{} not up at {}, simulated {}: {}", m::vertex_name(spec, ms.component),
                          local_clock(spec, *ms.not_up_at), m::state_name(r.state_at),
                          r.passed ? "held" : "broken");
    }
    if (!check.empty()) {
      about += check;
      canvas.out() +=
          fmt::format("<text class=\"milestone-note\" x=\"{}\" y=\"{}\">{}<title>{}</title></text>\n",
                      svg_number(kPlotLeft + 4), svg_number(y + 12), html_escape(check), html_escape(about));
      canvas.out() += "</g>\n";
      canvas.skip_row();
      continue;
    }
    about += fmt::format("{} {} ({}); public {}, simulated {}", m::vertex_name(spec, ms.component),
                         event_words(ms.event),
                         ms.occurrence == m::MilestoneSpec::Occurrence::kFirst ? "first time" : "last time",
                         ms.expected ? local_clock(spec, *ms.expected) : std::string("none"),
                         r.simulated ? local_clock(spec, *r.simulated) : std::string("never"));
    if (r.difference) {
      about += fmt::format(", difference {}{} ({} tolerance {})", *r.difference < sim::Time() ? "" : "+",
                           format_duration(*r.difference), r.passed ? "within" : "outside",
                           format_duration(ms.tolerance));
    }
    if (!ms.source.empty()) about += "\nsource: " + ms.source;
    if (!ms.depends_on.empty()) about += "\nset by: " + ms.depends_on;
    const std::string title = html_escape(about);
    if (ms.expected && r.simulated) {
      canvas.out() +=
          fmt::format("<line class=\"milestone-gap\" x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\"/>\n",
                      svg_number(canvas.x(*ms.expected)), svg_number(canvas.x(*r.simulated)),
                      svg_number(y + kLaneHeight / 2));
    }
    if (ms.expected) {
      canvas.out() += fmt::format(
          "<rect class=\"milestone-tick public\" data-milestone=\"{}\" x=\"{}\" y=\"{}\" width=\"3\" "
          "height=\"{}\"><title>{}</title></rect>\n",
          name, svg_number(canvas.x(*ms.expected) - 1.5), svg_number(y), svg_number(kLaneHeight), title);
    }
    if (!r.simulated) {
      // Beside the public tick, on whichever side has room.
      const double at = ms.expected ? canvas.x(*ms.expected) : kPlotLeft;
      const bool left = at > kPlotRight - 200;
      canvas.out() += fmt::format(
          "<text class=\"milestone-note never\" x=\"{}\" y=\"{}\" text-anchor=\"{}\">did not happen in the "
          "run<title>{}</title></text>\n",
          svg_number(left ? at - 8 : at + 8), svg_number(y + 12), left ? "end" : "start", title);
    } else {
      canvas.out() += fmt::format(
          "<circle class=\"milestone-tick simulated{}\" data-milestone=\"{}\" cx=\"{}\" cy=\"{}\" "
          "r=\"5\"><title>{}</title></circle>\n",
          r.passed ? "" : " missed", name, svg_number(canvas.x(*r.simulated)),
          svg_number(y + kLaneHeight / 2), title);
    }
    canvas.out() += "</g>\n";
    canvas.skip_row();
  }
}

}  // namespace

std::vector<m::ComponentId> function_lanes(const m::ScenarioSpec& spec, const m::RunResult& result) {
  std::vector<m::ComponentId> all;
  for (const m::TenantSpec& t : spec.tenants)
    for (const m::TenantFunctionSpec& f : t.functions) all.push_back(f.id);
  if (all.size() <= kMaxFunctionLanes) return all;
  const auto out_of_up = [&](m::ComponentId id) {
    return result.time_in(id, m::State::kDown) + result.time_in(id, m::State::kDegraded);
  };
  std::stable_sort(all.begin(), all.end(),
                   [&](m::ComponentId a, m::ComponentId b) { return out_of_up(a) > out_of_up(b); });
  all.resize(kMaxFunctionLanes);
  std::sort(all.begin(), all.end());
  return all;
}

std::vector<m::ComponentId> key_components(const m::ScenarioSpec& spec, const m::RunResult& result,
                                           const std::vector<m::ComponentId>& functions) {
  const auto component_count = static_cast<m::ComponentId>(spec.components.size());
  std::set<m::ComponentId> keys;
  m::DowntimeSegmenter segmenter(spec, result);
  for (const m::ComponentId id : functions) {
    for (const m::Interval& interval : result.intervals[id]) {
      for (const m::DowntimeSegment& s : segmenter.segments(id, interval)) {
        if (s.holder < component_count) keys.insert(s.holder);
        if (s.via < component_count) keys.insert(s.via);
      }
    }
  }
  for (std::size_t i = 0; i < spec.injections.size(); ++i) {
    const m::ComponentId target = spec.injections[i].target;
    if (spec.injections[i].is_fault && result.injection_had_effect[i] && !result.intervals[target].empty())
      keys.insert(target);
  }
  for (const m::StateChange& c : result.journal) {
    if (m::is_random_failure(c.cause.injection) && c.changes_state() && c.component < component_count)
      keys.insert(c.component);
  }
  return {keys.begin(), keys.end()};
}

std::string svg_timeline(const m::ScenarioSpec& spec, const m::RunResult& result) {
  const std::vector<m::ComponentId> functions = function_lanes(spec, result);
  const std::vector<m::ComponentId> components = key_components(spec, result, functions);
  std::size_t function_count = 0;
  for (const m::TenantSpec& t : spec.tenants) function_count += t.functions.size();
  // Rows: events, a heading and lanes for functions, for components and for milestones.
  const std::size_t rows = 1 + 1 + functions.size() + (function_count > functions.size() ? 1 : 0) + 1 +
                           components.size() + (spec.milestones.empty() ? 0 : 1 + spec.milestones.size());
  const double height = kFirstRowY + static_cast<double>(rows) * kRowPitch + 4;
  const double grid_bottom = height - 4 - (kRowPitch - kLaneHeight);

  Canvas canvas(spec);
  std::string& out = canvas.out();
  out += fmt::format(
      "<svg class=\"timeline\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "aria-label=\"timeline\">\n",
      svg_number(kWidth), svg_number(height));
  out +=
      svg_time_axis(time_ticks(spec, spec.horizon, 11), canvas.scale(), kAxisLabelY, kFirstRowY, grid_bottom);
  events_row(canvas, spec, result, grid_bottom);

  canvas.heading("tenant functions");
  m::DowntimeSegmenter segmenter(spec, result);
  for (const m::ComponentId id : functions) function_lane(canvas, segmenter, spec, result, id);
  if (function_count > functions.size()) {
    canvas.heading(
        fmt::format("({} more functions, less affected, are left out)", function_count - functions.size()));
  }
  canvas.heading(components.empty() ? "components (none held a tenant down)" : "components");
  for (const m::ComponentId id : components) component_lane(canvas, spec, result, id);
  if (!spec.milestones.empty()) {
    canvas.heading("milestones (bar: public time, dot: simulated)");
    milestone_rows(canvas, spec, result);
  }
  out += "</svg>\n";
  return out;
}

}  // namespace outagesim::reports
