// The human-readable report of one run.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "models/results/heat_damage_findings.hpp"
#include "models/results/milestone_check.hpp"
#include "models/results/sla_credit.hpp"
#include "reports/cause_text.hpp"
#include "reports/clock_format.hpp"
#include "reports/printable_text.hpp"
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

std::string intervals_text(const m::ScenarioSpec& spec, std::span<const m::Interval> intervals,
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
  out +=
      "TENANTS (availability over the horizon; down: all functions down; degraded: some function not up)\n";
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
  // Time past the horizon is not counted: say which figures are cut short.
  std::vector<std::string> cut;
  for (const m::TenantSpec& t : spec.tenants) {
    for (const m::TenantFunctionSpec& f : t.functions) {
      const auto& intervals = result.intervals[f.id];
      if (intervals.empty() || intervals.back().ended != m::kNoChange) continue;
      cut.push_back(
          fmt::format("{} ({})", m::vertex_name(spec, f.id), m::state_name(intervals.back().state)));
    }
  }
  if (!cut.empty()) {
    out += fmt::format(
        "  cut at the horizon ({}): {} still not up at the end; their times are lower bounds (lengthen "
        "`horizon`)\n",
        local_clock(spec, spec.horizon), fmt::join(cut, ", "));
  }
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
                           format_span(i.start, i.end));
        out += fmt::format("    went down:  {}\n", describe_cause(spec, result, i.began));
        if (i.ended != m::kNoChange) {
          out += fmt::format("    came back:  {}\n", describe_cause(spec, result, i.ended));
        }
      }
      // Served from its strategy's site: the work that site did not have (user trial: a standby's 5 s of
      // replication lag showed only in compare, and only beside a variant).
      const m::StrategyResult& strategy = result.strategy(f.id);
      if (strategy.served_by_alternative && strategy.data_loss > sim::Time()) {
        out += fmt::format("  {} data lost: {} (served from its {} site: the work it did not have)\n",
                           m::vertex_name(spec, f.id), format_duration(strategy.data_loss),
                           m::strategy_kind_name(f.strategy.get()));
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
                             format_span(i.start, i.end));
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
                   describe_reason(spec, result, result.journal[intervals.front().began])});
  }
  out += table.render(2);
}

std::string waited_for_text(const m::ScenarioSpec& spec, const std::vector<m::TriggerSpec>& when);
std::string trigger_text(const m::ScenarioSpec& spec, const m::TriggerSpec& t);

void repairs_section(std::string& out, const m::ScenarioSpec& spec, const m::RunResult& result) {
  if (spec.repairs.empty()) return;
  out +=
      "\nREPAIRS (each stage: ready when the one before ended; begins once its conditions hold and its "
      "people are there)\n";
  TextTable table(
      {"repair / stage", "people", "ready", "began", "ended", "took", "waited"},
      {TextTable::Align::kLeft, TextTable::Align::kLeft, TextTable::Align::kLeft, TextTable::Align::kLeft,
       TextTable::Align::kLeft, TextTable::Align::kRight, TextTable::Align::kRight});
  const auto clock = [&](sim::Time t) { return t.is_never() ? std::string("-") : local_clock(spec, t); };
  const auto span = [](sim::Time from, sim::Time to) {
    return from.is_never() || to.is_never() ? std::string("-") : format_duration(to - from);
  };
  for (std::size_t r = 0; r < spec.repairs.size(); ++r) {
    const m::RepairSpec& repair = spec.repairs[r];
    const m::RepairRecord& record = result.repairs[r];
    const std::string ended = !record.cancelled.is_never() ? "cancelled " + clock(record.cancelled)
                              : !record.ended.is_never()   ? clock(record.ended)
                              : record.started.is_never()  ? std::string("never started")
                                                           : std::string("(not by end)");
    table.add_row(
        {repair.name, "", clock(record.started), "", ended, span(record.started, record.ended), ""});
    for (std::size_t s = 0; s < repair.stages.size(); ++s) {
      const m::StageSpec& stage = repair.stages[s];
      const m::StageRecord& sr = record.stages[s];
      const std::string stops = sr.interruptions == 0 ? std::string()
                                : sr.interruptions == 1
                                    ? std::string(" (stopped: hall sealed)")
                                    : fmt::format(" (stopped {} times: hall sealed)", sr.interruptions);
      table.add_row({"  " + stage.name + stops,
                     !stage.crew ? "-"
                     : sr.people > 0 && sr.people < stage.people
                         ? fmt::format("{} of {} {}", sr.people, stage.people, spec.crews[*stage.crew].name)
                         : fmt::format("{} {}", stage.people, spec.crews[*stage.crew].name),
                     clock(sr.ready), clock(sr.began), clock(sr.ended), span(sr.began, sr.ended),
                     span(sr.ready, sr.began)});
    }
  }
  out += table.render(2);
  // Repairs called off, and by what; triggered repairs that never started, and what they waited for.
  for (std::size_t r = 0; r < spec.repairs.size(); ++r) {
    const m::RepairSpec& repair = spec.repairs[r];
    const m::RepairRecord& record = result.repairs[r];
    if (record.cancelled.is_never()) continue;
    out += fmt::format("  cancelled: '{}' at {}, on {}\n", printable(repair.name),
                       local_clock(spec, record.cancelled),
                       trigger_text(spec, repair.cancel_when[record.cancelled_by]));
  }
  for (std::size_t r = 0; r < spec.repairs.size(); ++r) {
    const m::RepairSpec& repair = spec.repairs[r];
    if (repair.when.empty() || !result.repairs[r].started.is_never() ||
        !result.repairs[r].cancelled.is_never())
      continue;
    out += fmt::format("  never started: '{}' waited for {}\n", printable(repair.name),
                       waited_for_text(spec, repair.when));
  }
}

// Only with crews: how busy each was, and whether work ever waited for its people (a what-if with a bigger
// crew changes little where none did; only a pool that fields teams by its crew's size may still gain).
void crews_section(std::string& out, const m::ScenarioSpec& spec, const m::RunResult& result) {
  if (spec.crews.empty() || result.crews.size() != spec.crews.size()) return;
  out += "\nCREWS (most people at work at once; how long some work waited for people)\n";
  TextTable table({"crew", "people", "most at work", "work waited"},
                  {TextTable::Align::kLeft, TextTable::Align::kRight, TextTable::Align::kRight,
                   TextTable::Align::kRight});
  // Work that began with fewer people than it asked for (a smaller shift on duty) was held up by the crew
  // too, though nothing queued (user trial: a night shift of 3 on a 4-person stage, "not what held
  // anything up").
  std::vector<std::vector<std::string>> short_handed(spec.crews.size());
  for (std::size_t r = 0; r < spec.repairs.size() && r < result.repairs.size(); ++r) {
    for (std::size_t st = 0; st < spec.repairs[r].stages.size(); ++st) {
      const m::StageSpec& stage = spec.repairs[r].stages[st];
      const m::StageRecord& sr = result.repairs[r].stages[st];
      // Short-handed for part of its run too (review 13: 2 of 4 by night, then 4 by day).
      if (!stage.crew || sr.fewest == 0 || sr.fewest >= stage.people) continue;
      short_handed[*stage.crew].push_back(fmt::format("'{}' ({} of {}{})", printable(stage.name), sr.fewest,
                                                      stage.people,
                                                      sr.people > sr.fewest ? " at the fewest" : ""));
    }
  }
  std::vector<std::string> never_waited;
  for (std::size_t c = 0; c < spec.crews.size(); ++c) {
    if (result.crews[c].queued == sim::Time() && short_handed[c].empty())
      never_waited.push_back(printable(spec.crews[c].name));
    table.add_row({printable(spec.crews[c].name), std::to_string(spec.crews[c].max_headcount()),
                   std::to_string(result.crews[c].most_at_work), format_duration(result.crews[c].queued)});
  }
  out += table.render(2);
  for (std::size_t c = 0; c < spec.crews.size(); ++c) {
    if (short_handed[c].empty()) continue;
    out += fmt::format(
        "  {}: work ran with fewer people than it asked for (a smaller shift on duty, or people held by "
        "other work): {}\n",
        printable(spec.crews[c].name), fmt::join(short_handed[c], ", "));
  }
  if (!never_waited.empty()) {
    out += fmt::format("  no work ever waited for the people of {}: they were not what held anything up\n",
                       fmt::join(never_waited, ", "));
  }
}

// Per threshold, the spans the room spent at or above it ("alarm 32 °C 09:11-10:16"; "at 09:23" when it
// only touched it); for the setpoint, the times the room came back to it.
std::string crossings_text(const m::ScenarioSpec& spec, const m::RoomTrace& r) {
  std::vector<std::string> parts;
  // The setpoint (first) last: coming back to it ends the story.
  for (std::uint32_t i = 1; i <= r.thresholds.size(); ++i) {
    const std::uint32_t k = i % static_cast<std::uint32_t>(r.thresholds.size());
    const m::NamedThreshold& t = r.thresholds[k];
    std::vector<std::string> spans;
    std::optional<sim::Time> rose;
    for (const m::ThresholdCrossing& x : r.crossings) {
      if (x.threshold != k) continue;
      if (x.rising) {
        rose = x.at;
      } else if (k == 0) {
        spans.push_back(local_clock(spec, x.at));
      } else {
        const std::string from = rose ? local_clock(spec, *rose) : std::string("(start)");
        const std::string to = local_clock(spec, x.at);
        spans.push_back(from == to ? "at " + from : from + "-" + to);
        rose.reset();
      }
    }
    if (rose) spans.push_back(local_clock(spec, *rose) + "-(end)");
    if (spans.empty()) continue;
    parts.push_back(k == 0 ? fmt::format("back at {} {:g} °C {}", t.name, t.c, fmt::join(spans, ", "))
                           : fmt::format("{} {:g} °C {}", t.name, t.c, fmt::join(spans, ", ")));
  }
  return parts.empty() ? std::string("-") : fmt::format("{}", fmt::join(parts, "; "));
}

// What a trigger waits for, in words: "hall accessible", "repair 'dry out' done", "stage 'b' of repair 'r2'
// done".
std::string trigger_text(const m::ScenarioSpec& spec, const m::TriggerSpec& t) {
  switch (t.source) {
    case m::TriggerSpec::Source::kComponent:
      if (m::is_temperature_event(t.event)) {
        return fmt::format("{} {} {:g} °C", printable(m::vertex_name(spec, t.component)),
                           t.event == m::TriggerEvent::kAboveC ? "at or above" : "at or below",
                           t.threshold_c);
      }
      return fmt::format("{} {}", printable(m::vertex_name(spec, t.component)),
                         m::trigger_event_name(t.event));
    case m::TriggerSpec::Source::kWeather:
      return fmt::format("outside air {} {:g} °C",
                         t.event == m::TriggerEvent::kAboveC ? "at or above" : "at or below", t.threshold_c);
    case m::TriggerSpec::Source::kRepair:
      return fmt::format("repair '{}' done", printable(spec.repairs[t.repair].name));
    case m::TriggerSpec::Source::kStage:
      return fmt::format("stage '{}' of repair '{}' done",
                         printable(spec.repairs[t.repair].stages[t.stage].name),
                         printable(spec.repairs[t.repair].name));
  }
  return {};
}

// What a `when` waited for, its triggers joined by "or"; a crossing of outside air that starts past it
// says so, since it then needs the air on the other side first.
std::string waited_for_text(const m::ScenarioSpec& spec, const std::vector<m::TriggerSpec>& when) {
  std::vector<std::string> waited;
  for (const m::TriggerSpec& t : when) {
    std::string text = trigger_text(spec, t);
    const double first_c = spec.weather.at(sim::Time());
    if (t.source == m::TriggerSpec::Source::kWeather &&
        (t.event == m::TriggerEvent::kAboveC ? first_c >= t.threshold_c : first_c <= t.threshold_c)) {
      text += fmt::format(" (a crossing: the air starts at {:g} °C and never {} it from {})", first_c,
                          t.event == m::TriggerEvent::kAboveC ? "rose to" : "fell to",
                          t.event == m::TriggerEvent::kAboveC ? "below" : "above");
    }
    waited.push_back(std::move(text));
  }
  return fmt::format("{}", fmt::join(waited, " or "));
}

// Triggered faults and actions that never ran: their trigger never came, or came too late for the delay.
// Without this section they would only be missing from the causes, which reads as if they had no effect.
void not_taken_section(std::string& out, const m::ScenarioSpec& spec, const m::RunResult& result) {
  TextTable table({"target", "action", "kind", "waited for", "note"},
                  {TextTable::Align::kLeft, TextTable::Align::kLeft, TextTable::Align::kLeft,
                   TextTable::Align::kLeft, TextTable::Align::kLeft});
  bool any = false;
  for (std::size_t i = 0; i < spec.injections.size(); ++i) {
    const m::InjectionSpec& inj = spec.injections[i];
    const bool cancelled =
        i < result.injection_cancellations.size() && !result.injection_cancellations[i].empty();
    if ((inj.when.empty() && !cancelled) || i >= result.injection_applied_at.size() ||
        !result.injection_applied_at[i].is_never())
      continue;
    any = true;
    std::string waited = inj.when.empty() ? std::string("its time") : waited_for_text(spec, inj.when);
    if (i < result.injection_cancellations.size() && !result.injection_cancellations[i].empty()) {
      const m::Cancellation& first = result.injection_cancellations[i].front();
      waited = fmt::format("cancelled at {}, on {}", local_clock(spec, first.at),
                           trigger_text(spec, inj.cancel_when[first.trigger]));
    }
    table.add_row({printable(m::vertex_name(spec, inj.target)), std::string(m::action_name(inj.action)),
                   inj.is_fault ? "fault" : "operator action", waited, printable(inj.note)});
  }
  if (!any) return;
  out +=
      "\nNEVER TAKEN (triggered faults and actions whose trigger never came, or came too late for its "
      "delay; and those called off by their cancel_when)\n";
  out += table.render(2);
}

void rooms_section(std::string& out, const m::ScenarioSpec& spec, const m::RunResult& result) {
  if (result.rooms.empty()) return;
  out += "\nROOMS (peak temperature; time at or above each threshold)\n";
  TextTable table({"room", "peak", "at", "thresholds"}, {TextTable::Align::kLeft, TextTable::Align::kRight,
                                                         TextTable::Align::kLeft, TextTable::Align::kLeft});
  for (const m::RoomTrace& r : result.rooms) {
    table.add_row({spec.components[r.room].name, fmt::format("{:.1f} °C", r.peak_c),
                   local_clock(spec, r.peak_at), crossings_text(spec, r)});
  }
  out += table.render(2);
}

// Only when some pool's hosts were damaged (by heat, or destroyed by a damage_hosts action): what was
// found, by what, and when the pool was whole again.
void heat_damage_section(std::string& out, const m::ScenarioSpec& spec, const m::RunResult& result) {
  const std::vector<m::HeatDamageFinding> findings = m::heat_damage_findings(result);
  if (findings.empty()) return;
  // By what, only when not all of it was heat.
  const bool heat_only = std::all_of(findings.begin(), findings.end(), [](const m::HeatDamageFinding& f) {
    return f.destroyed_by == m::kNoInjection;
  });
  std::vector<std::string> headers{"host pool", "damaged hosts", "found", "whole again"};
  std::vector<TextTable::Align> aligns{TextTable::Align::kLeft, TextTable::Align::kRight,
                                       TextTable::Align::kLeft, TextTable::Align::kLeft};
  if (!heat_only) {
    headers.insert(headers.begin() + 2, "by");
    aligns.insert(aligns.begin() + 2, TextTable::Align::kLeft);
  }
  TextTable table(headers, aligns);
  for (const m::HeatDamageFinding& f : findings) {
    std::vector<std::string> row{
        m::vertex_name(spec, f.pool), std::to_string(f.hosts), local_clock(spec, f.found),
        f.whole_again.is_never() ? "(not by end)" : local_clock(spec, f.whole_again)};
    if (!heat_only) {
      row.insert(row.begin() + 2, f.destroyed_by == m::kNoInjection
                                      ? std::string("heat")
                                      : describe_injection(spec, f.destroyed_by, f.found));
    }
    table.add_row(row);
  }
  out += heat_only ? "\nHEAT DAMAGE (hosts that stay down until replaced)\n"
                   : "\nHARDWARE DAMAGE (hosts that stay down until replaced)\n";
  out += table.render(2);
}

void milestones_section(std::string& out, const m::ScenarioSpec& spec, const m::RunResult& result) {
  if (spec.milestones.empty()) return;
  out += "\nMILESTONES (simulated against the public timeline; class: what sets the simulated time)\n";
  TextTable table({"milestone", "class", "public", "simulated", "difference", "ok"},
                  {TextTable::Align::kLeft, TextTable::Align::kLeft, TextTable::Align::kLeft,
                   TextTable::Align::kLeft, TextTable::Align::kRight, TextTable::Align::kLeft});
  const std::vector<m::MilestoneResult> checked = m::check_milestones(spec, result);
  for (const m::MilestoneResult& r : checked) {
    const m::MilestoneSpec& ms = *r.milestone;
    const std::string basis(m::basis_name(ms.basis));
    if (ms.max_downtime) {
      table.add_row({ms.name, basis, "down at most " + format_duration(*ms.max_downtime),
                     "down " + format_duration(r.simulated.value_or(sim::Time())), "",
                     r.passed ? "yes" : "NO"});
      continue;
    }
    if (ms.not_up_at) {
      table.add_row({ms.name, basis, "not up at " + local_clock(spec, *ms.not_up_at),
                     std::string(m::state_name(r.state_at)), "", r.passed ? "yes" : "NO"});
      continue;
    }
    table.add_row({ms.name, basis, ms.expected ? local_clock(spec, *ms.expected) : "-",
                   r.simulated ? local_clock(spec, *r.simulated) : "never",
                   r.difference ? fmt::format("{}{}", *r.difference < sim::Time() ? "" : "+",
                                              format_duration(*r.difference))
                                : std::string("-"),
                   r.passed ? "yes" : "NO"});
  }
  out += table.render(2);
  // A return that never came: say what the component still was at the end, and since when (blind trial L:
  // one heat-damaged host of 150 kept a tenant degraded, and "never" read as a recovery that never began).
  for (const m::MilestoneResult& r : checked) {
    const m::MilestoneSpec& ms = *r.milestone;
    const bool a_return = ms.event == m::MilestoneSpec::Event::kReturnsUp ||
                          ms.event == m::MilestoneSpec::Event::kRecovers ||
                          ms.event == m::MilestoneSpec::Event::kLeavesDown;
    if (r.simulated || ms.max_downtime || ms.not_up_at || !a_return ||
        ms.component >= result.intervals.size())
      continue;
    const auto intervals = result.intervals[ms.component];
    if (intervals.empty() || intervals.back().ended != m::kNoChange) continue;
    out += fmt::format("  '{}' never happened: {} was still {} at the end, since {}\n", printable(ms.name),
                       m::vertex_name(spec, ms.component), m::state_name(intervals.back().state),
                       local_clock(spec, intervals.back().start));
  }
  out += "\n";
  for (const auto basis : {m::MilestoneSpec::Basis::kPredicted, m::MilestoneSpec::Basis::kCalibrated,
                           m::MilestoneSpec::Basis::kInput}) {
    const m::BasisSummary s = m::summarize(checked, basis);
    if (s.count > 0) {
      out += fmt::format("  {}: {} timed milestone{}, {} within tolerance, median |difference| {}\n",
                         m::basis_name(basis), s.count, s.count == 1 ? "" : "s", s.within_tolerance,
                         !s.median_abs_error ? std::string("-")
                         : *s.median_abs_error == sim::Time::never()
                             ? std::string("never (half of them or more never happened)")
                             : format_duration(*s.median_abs_error));
    }
    if (s.checks > 0) {
      out += fmt::format("  {}: {} check{} of downtime or state, {} held\n", m::basis_name(basis), s.checks,
                         s.checks == 1 ? "" : "s", s.checks_held);
    }
  }
  for (const m::CalibrationSpec& c : spec.calibrated) {
    out += fmt::format("  calibrated: {} = {}, fitted to '{}'\n", printable(c.parameter), printable(c.value),
                       spec.milestones[c.fitted_to].name);
  }
}

}  // namespace

// Faults and actions that ran but changed nothing (a repair of what was up, a restore with nothing to
// restore, a switch the plant could not make): otherwise they read as done, or are simply missing.
void no_effect_section(std::string& out, const m::ScenarioSpec& spec, const m::RunResult& result) {
  TextTable table({"at", "target", "action", "kind", "note"},
                  {TextTable::Align::kLeft, TextTable::Align::kLeft, TextTable::Align::kLeft,
                   TextTable::Align::kLeft, TextTable::Align::kLeft});
  bool any = false;
  for (std::size_t i = 0; i < spec.injections.size() && i < result.injection_applied_at.size(); ++i) {
    const sim::Time at = result.injection_applied_at[i];
    if (at.is_never() || result.injection_had_effect[i]) continue;
    const m::InjectionSpec& inj = spec.injections[i];
    any = true;
    table.add_row({local_clock(spec, at), printable(m::vertex_name(spec, inj.target)),
                   std::string(m::action_name(inj.action)), inj.is_fault ? "fault" : "operator action",
                   printable(inj.note)});
  }
  if (!any) return;
  out += "\nNO EFFECT (faults and actions that ran but changed nothing)\n";
  out += table.render(2);
}

std::string run_text(const m::ScenarioSpec& spec, const m::RunResult& result, const RunMetadata& meta) {
  std::string out = header_text(spec, meta) + "\n";
  out += fmt::format("from {} for {}; {} events, {} state changes\n\n", local_iso(spec, sim::Time()),
                     format_duration(spec.horizon), result.events, result.state_changes());
  tenants_section(out, spec, result);
  causes_section(out, spec, result);
  degraded_section(out, spec, result);
  components_section(out, spec, result);
  repairs_section(out, spec, result);
  not_taken_section(out, spec, result);
  no_effect_section(out, spec, result);
  rooms_section(out, spec, result);
  crews_section(out, spec, result);
  heat_damage_section(out, spec, result);
  milestones_section(out, spec, result);
  return out;
}

}  // namespace outagesim::reports
