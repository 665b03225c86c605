// The human-readable report of one run.
#include <fmt/format.h>

#include "models/results/milestone_check.hpp"
#include "models/results/sla_credit.hpp"
#include "reports/cause_text.hpp"
#include "reports/clock_format.hpp"
#include "reports/result_header.hpp"
#include "reports/run_report.hpp"
#include "reports/text_table.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;

namespace {

// Totals as the intervals listed add up: whole seconds (see RunResult::whole_seconds_in).
sim::Time total(const m::RunResult& result, m::ComponentId id, m::State state) {
  return sim::Time::seconds(result.whole_seconds_in(id, state));
}

std::string intervals_text(const m::ScenarioSpec& spec, const std::vector<m::Interval>& intervals,
                           m::State state) {
  std::string text;
  for (const m::Interval& i : intervals) {
    if (i.state != state) continue;
    if (!text.empty()) text += ", ";
    text += local_clock(spec, i.start) + "-" +
            (i.ended == m::kNoChange ? std::string("(end)") : local_clock(spec, i.end));
  }
  return text.empty() ? "-" : text;
}

std::string percent(sim::Time down, sim::Time horizon) {
  return fmt::format("{:.2f}%", 100.0 * (1.0 - down.to_seconds() / horizon.to_seconds()));
}

void tenants_section(std::string& out, const m::ScenarioSpec& spec, const m::RunResult& result) {
  out += "TENANTS (availability over the horizon; degraded: some functions down)\n";
  TextTable table({"tenant / function", "down", "degraded", "availability", "SLA credit", "down intervals"},
                  {TextTable::Align::kLeft, TextTable::Align::kRight, TextTable::Align::kRight,
                   TextTable::Align::kRight, TextTable::Align::kRight, TextTable::Align::kLeft});
  for (const m::TenantSpec& t : spec.tenants) {
    const sim::Time down = total(result, t.id, m::State::kDown);
    std::string credit = "-";
    if (t.sla) {
      const m::SlaCredit c = m::sla_credit(spec.slas[*t.sla], down);
      credit = fmt::format("{:.0f}%", c.credit_pct);
    }
    table.add_row({t.name, format_duration(down), format_duration(total(result, t.id, m::State::kDegraded)),
                   percent(down, spec.horizon), credit,
                   intervals_text(spec, result.intervals[t.id], m::State::kDown)});
    if (t.functions.size() == 1 && t.functions[0].name == "service") continue;
    for (const m::TenantFunctionSpec& f : t.functions) {
      const sim::Time fdown = total(result, f.id, m::State::kDown);
      table.add_row({"  " + f.name, format_duration(fdown),
                     format_duration(total(result, f.id, m::State::kDegraded)), percent(fdown, spec.horizon),
                     "", intervals_text(spec, result.intervals[f.id], m::State::kDown)});
    }
  }
  out += table.render(2);
}

void causes_section(std::string& out, const m::ScenarioSpec& spec, const m::RunResult& result) {
  out += "\nWHY (every down interval of every tenant function)\n";
  bool any = false;
  for (const m::TenantSpec& t : spec.tenants) {
    for (const m::TenantFunctionSpec& f : t.functions) {
      for (const m::Interval& i : result.intervals[f.id]) {
        if (i.state != m::State::kDown) continue;
        any = true;
        out += fmt::format("  {} down {} - {} ({})\n", m::vertex_name(spec, f.id), local_clock(spec, i.start),
                           i.ended == m::kNoChange ? "end of horizon" : local_clock(spec, i.end),
                           format_duration(i.end - i.start));
        out += fmt::format("    went down:  {}\n", describe_cause(spec, result, i.began));
        if (i.ended != m::kNoChange) {
          out += fmt::format("    came back:  {}\n", describe_cause(spec, result, i.ended));
        }
      }
    }
  }
  if (!any) out += "  no tenant function was down\n";
}

// Degraded intervals matter when a function keeps serving, but worse: a slow disk, a share of its hosts.
// Listed only when there are any, so reports of runs without partial losses stay as they were.
void degraded_section(std::string& out, const m::ScenarioSpec& spec, const m::RunResult& result) {
  std::string lines;
  for (const m::TenantSpec& t : spec.tenants) {
    for (const m::TenantFunctionSpec& f : t.functions) {
      for (const m::Interval& i : result.intervals[f.id]) {
        if (i.state != m::State::kDegraded) continue;
        lines += fmt::format("  {} degraded {} - {} ({})\n", m::vertex_name(spec, f.id),
                             local_clock(spec, i.start),
                             i.ended == m::kNoChange ? "end of horizon" : local_clock(spec, i.end),
                             format_duration(i.end - i.start));
        lines += fmt::format("    degraded:  {}\n", describe_cause(spec, result, i.began));
        if (i.ended != m::kNoChange)
          lines += fmt::format("    ended:     {}\n", describe_cause(spec, result, i.ended));
      }
    }
  }
  if (lines.empty()) return;
  out += "\nDEGRADED (every degraded interval of every tenant function)\n" + lines;
}

void components_section(std::string& out, const m::ScenarioSpec& spec, const m::RunResult& result) {
  out += "\nCOMPONENTS (those that left the up state)\n";
  TextTable table(
      {"component", "kind", "zone", "down", "degraded", "left up", "back up", "first cause"},
      {TextTable::Align::kLeft, TextTable::Align::kLeft, TextTable::Align::kLeft, TextTable::Align::kRight,
       TextTable::Align::kRight, TextTable::Align::kLeft, TextTable::Align::kLeft, TextTable::Align::kLeft});
  for (m::ComponentId id = 0; id < spec.components.size(); ++id) {
    const auto& intervals = result.intervals[id];
    if (intervals.empty()) continue;
    const m::ComponentSpec& c = spec.components[id];
    const m::Interval& last = intervals.back();
    table.add_row({c.name, std::string(m::kind_name(c.kind)), c.zone.empty() ? "-" : c.zone,
                   format_duration(total(result, id, m::State::kDown)),
                   format_duration(total(result, id, m::State::kDegraded)),
                   local_clock(spec, intervals.front().start),
                   last.ended == m::kNoChange ? std::string("(not by end)") : local_clock(spec, last.end),
                   describe_reason(spec, result.journal[intervals.front().began])});
  }
  out += table.render(2);
}

void milestones_section(std::string& out, const m::ScenarioSpec& spec, const m::RunResult& result) {
  if (spec.milestones.empty()) return;
  out += "\nMILESTONES (simulated against the public timeline)\n";
  TextTable table({"milestone", "public", "simulated", "difference", "ok"},
                  {TextTable::Align::kLeft, TextTable::Align::kLeft, TextTable::Align::kLeft,
                   TextTable::Align::kRight, TextTable::Align::kLeft});
  for (const m::MilestoneResult& r : m::check_milestones(spec, result)) {
    const m::MilestoneSpec& ms = *r.milestone;
    if (ms.max_downtime) {
      table.add_row({ms.name, "down at most " + format_duration(*ms.max_downtime),
                     "down " + format_duration(r.simulated.value_or(sim::Time())), "",
                     r.passed ? "yes" : "NO"});
      continue;
    }
    table.add_row({ms.name, ms.expected ? local_clock(spec, *ms.expected) : "-",
                   r.simulated ? local_clock(spec, *r.simulated) : "never",
                   r.difference ? fmt::format("{}{}", *r.difference < sim::Time() ? "" : "+",
                                              format_duration(*r.difference))
                                : std::string("-"),
                   r.passed ? "yes" : "NO"});
  }
  out += table.render(2);
}

}  // namespace

std::string run_text(const m::ScenarioSpec& spec, const m::RunResult& result, const RunMetadata& meta) {
  std::string out = header_text(spec, meta) + "\n";
  out += fmt::format("from {} for {}; {} events, {} state changes\n\n", local_iso(spec, sim::Time()),
                     format_duration(spec.horizon), result.events, result.state_changes());
  tenants_section(out, spec, result);
  causes_section(out, spec, result);
  degraded_section(out, spec, result);
  components_section(out, spec, result);
  milestones_section(out, spec, result);
  return out;
}

}  // namespace outagesim::reports
