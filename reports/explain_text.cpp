// Sentences from downtime segments: one paragraph per interval, one sentence per segment, then totals.
#include "reports/explain_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "models/facility/cooling_plant.hpp"
#include "models/results/cause_chain.hpp"
#include "models/results/downtime_segments.hpp"
#include "models/results/heat_damage_findings.hpp"
#include "reports/cause_text.hpp"
#include "reports/clock_format.hpp"
#include "reports/printable_text.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;

namespace {

struct Totals {
  sim::Time provider;
  sim::Time failover;
  sim::Time own;
};

// "c5-hosts down at 10:58: thermal shutdown at 41.0 °C <- ... <- fault ...": the holder's change named,
// then its chain to the fault.
std::string chain_text(const m::ScenarioSpec& spec, const m::RunResult& result, m::ChangeId change) {
  if (change == m::kNoChange || change >= result.journal.size()) return "";
  const m::StateChange& c = result.journal[change];
  // A note (no change of state) says the state held, as in the chains.
  return fmt::format("{} {}{} at {}: {}", m::vertex_name(spec, c.component),
                     c.changes_state() ? "" : "still ", m::state_name(c.to), local_clock(spec, c.time),
                     describe_cause(spec, result, change));
}

// "plant-c, the cooling plant": where the chain from `change` ends.
std::string root_text(const m::ScenarioSpec& spec, const m::RunResult& result, m::ChangeId change) {
  const auto chain = m::cause_chain(result, change);
  if (chain.empty()) return "";
  const m::ComponentId root = result.journal[chain.back()].component;
  std::string kind(m::kind_name(m::vertex_kind(spec, root)));
  std::replace(kind.begin(), kind.end(), '_', ' ');
  return fmt::format("{}, the {}", m::vertex_name(spec, root), kind);
}

std::string names(const m::ScenarioSpec& spec, const std::vector<m::ComponentId>& ids) {
  std::string out;
  for (const m::ComponentId id : ids) out += (out.empty() ? "" : ", ") + m::vertex_name(spec, id);
  return out;
}

// What the function's strategy waited on, in words: "detection and decision", "its recovery step 'x'
// on the new site", "orders-db (the standby's needs)". `component`, when given, is what the wait is
// told as held by (the member of an any-of whose return ended it), in place of the hold's own.
std::string strategy_wait_text(const m::ScenarioSpec& spec, const m::StrategyHold& hold,
                               m::ComponentId component = m::kNoComponent) {
  if (hold.wait == m::Wait::kSiteRecovery)
    return fmt::format("the recovery step '{}' on the new site", printable(hold.step));
  if (hold.wait == m::Wait::kSiteRejoining)
    return fmt::format("the recovery step '{}' on its site {}", printable(hold.step), hold.site + 1);
  const std::string how = describe_wait(hold.wait, hold.step);
  if (hold.component == m::kNoComponent) return how;
  return fmt::format("{} ({})",
                     m::vertex_name(spec, component != m::kNoComponent ? component : hold.component), how);
}

// For a host pool stopped by heat, its room or the operators that held the function: whether physics or
// people held it (a pool the operators kept off once its room could take it back: until when). While its room
// cannot take its hosts back (no power, over its alarm, or not cooled enough to carry them), the room holds
// it; once it can, the pool waits for its restart (its crew, power-on and checks). The room journals each
// change of that as a moment. Empty for any other holder, or while the room held it throughout.
std::string pool_restart_text(const m::ScenarioSpec& spec, const m::RunResult& result,
                              const m::DowntimeSegment& s) {
  if (s.holder >= spec.components.size() || s.cause_change >= result.journal.size()) return {};
  const auto* pool = std::get_if<m::HostPoolParams>(&spec.components[s.holder].params);
  if (pool == nullptr || pool->room == m::kNoComponent) return {};
  const m::Reason stopped = result.journal[s.cause_change].cause.reason;
  // The operators' power_ons of this pool, in time order.
  const auto power_ons = [&] {
    std::vector<sim::Time> out;
    for (m::InjectionId i = 0; i < spec.injections.size() && i < result.injection_applications.size(); ++i) {
      const m::InjectionSpec& inj = spec.injections[i];
      if (inj.target != s.holder || inj.action != m::Action::kPowerOn) continue;
      out.insert(out.end(), result.injection_applications[i].begin(), result.injection_applications[i].end());
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  if (stopped == m::Reason::kHeldOff) {
    // Held by the operators' choice until they powered it on, when that ended the span.
    for (const sim::Time t : power_ons()) {
      if (t > s.start && t <= s.end)
        return fmt::format(" The operators kept it off until they powered it on at {}.",
                           local_clock(spec, t));
    }
    return " The operators kept it off all that time.";
  }
  const m::InjectionId injection = result.journal[s.cause_change].cause.injection;
  if (stopped == m::Reason::kOperatorAction && injection < spec.injections.size() &&
      spec.injections[injection].action == m::Action::kPowerOff) {
    // Powered off, then on again by the operators: the restart that follows their power_on.
    std::optional<sim::Time> on;
    for (const sim::Time t : power_ons()) {
      if (t <= s.start) on = t;
    }
    if (!on) return {};
    return fmt::format(
        " The operators powered it on at {}; from then the pool waited for its restart (its crew, power-on "
        "and "
        "checks).",
        local_clock(spec, *on));
  }
  if (stopped == m::Reason::kRestarted || stopped == m::Reason::kHeatDamage ||
      stopped == m::Reason::kHostsDestroyed) {
    // Back but for hosts damaged by heat: what keeps it short is their parts and replacement, not the
    // restart.
    std::uint32_t damaged = 0;              // by heat
    std::vector<std::string> found_at;      // when, each finding of heat damage
    std::uint32_t destroyed = 0;            // by damage_hosts actions
    std::vector<std::string> destroyed_by;  // each of them
    sim::Time first_found = sim::Time::never();
    sim::Time whole = sim::Time();
    for (const m::HeatDamageFinding& d : m::heat_damage_findings(result)) {
      if (d.pool != s.holder || d.found >= s.end || d.whole_again <= s.start) continue;
      if (d.destroyed_by == m::kNoInjection) {
        damaged += d.hosts;
        found_at.push_back(local_clock(spec, d.found));
      } else {
        destroyed_by.push_back(describe_injection(spec, d.destroyed_by, d.found));
        destroyed += d.hosts;
      }
      first_found = std::min(first_found, d.found);
      whole = std::max(whole, d.whole_again);
    }
    // The pool's last batch back before it was whole again: until then it was still restarting.
    std::optional<sim::Time> last_batch;
    for (const m::StateChange& c : result.journal) {
      if (!whole.is_never() && c.time > whole) break;
      if (c.component == s.holder && c.time > s.start && c.cause.reason == m::Reason::kRestarted)
        last_batch = c.time;
    }
    if (last_batch && *last_batch >= s.end) damaged = destroyed = 0;  // restarting all through the segment
    if (damaged + destroyed > 0) {
      std::string what;
      if (damaged > 0)
        what = fmt::format("{} {} damaged by heat (found at {})", damaged, damaged == 1 ? "host" : "hosts",
                           fmt::join(found_at, ", "));
      if (destroyed > 0)
        what += fmt::format("{}{} {} destroyed by {}", what.empty() ? "" : " and ", destroyed,
                            destroyed == 1 ? "host" : "hosts", fmt::join(destroyed_by, ", and by "));
      const std::string hosts = fmt::format(
          "{}, out until replaced (parts, then its crew){}", what,
          whole.is_never() ? std::string(": not by the end") : ", at " + local_clock(spec, whole));
      if (!last_batch) {
        // A pool that never stopped (damage in a hall that kept running) had nothing to restart.
        const bool restarted =
            std::any_of(result.journal.begin(), result.journal.end(), [&](const m::StateChange& c) {
              return c.component == s.holder && c.cause.reason == m::Reason::kRestarted &&
                     c.time >= first_found && c.time <= s.start;
            });
        return restarted ? fmt::format(" The pool had restarted but for {}.", hosts)
                         : fmt::format(" The pool was short of {}.", hosts);
      }
      return fmt::format(
          " The pool was restarting until {} (its crew, power-on and checks); from then it was short only of "
          "{}.",
          local_clock(spec, *last_batch), hosts);
    }
    // In hot air with every chiller back, the room carries only part of the hosts: the rest wait for
    // cooler air, not for the crew (ThermalRoom::can_restart_hosts). So no batch comes back meanwhile.
    const bool batch_back =
        std::any_of(result.journal.begin(), result.journal.end(), [&](const m::StateChange& c) {
          return c.component == s.holder && c.cause.reason == m::Reason::kRestarted && c.time > s.start &&
                 c.time < s.end;
        });
    const auto* room = std::get_if<m::RoomParams>(&spec.components[pool->room].params);
    if (!batch_back && room != nullptr && room->cooling_plant < spec.components.size()) {
      const auto* plant = std::get_if<m::CoolingPlantParams>(&spec.components[room->cooling_plant].params);
      const double outside_c = plant != nullptr ? plant->outside.at(s.start) : 0.0;
      if (plant != nullptr && m::chiller_derate_factor(*plant, outside_c) < 1.0) {
        return fmt::format(
            " The pool ran the hosts its room could carry; the rest waited for cooler air, its plant {} in "
            "{:.1f} °C outside.",
            m::chiller_derate_factor(*plant, outside_c) > 0 ? "derated" : "tripped", outside_c);
      }
    }
    return " The pool was part way through its restart (its crew, power-on and checks).";
  }
  if (stopped != m::Reason::kThermalShutdown && stopped != m::Reason::kShedByOperator &&
      stopped != m::Reason::kRoomPowerLost)
    return {};
  bool ready = true;  // rooms start able to take their hosts
  std::optional<sim::Time> from;
  for (const m::StateChange& c : result.journal) {
    if (c.time >= s.end) break;
    if (c.component != pool->room || c.cause.reason != m::Reason::kHostsRestartable) continue;
    const bool now = c.cause.value > 0.5;
    if (c.time <= s.start) {
      ready = now;
    } else if (!ready && now && !from) {
      from = c.time;
    }
  }
  const std::string room = m::vertex_name(spec, pool->room);
  if (ready)
    return fmt::format(
        " Its room {} could take its hosts back: the pool waited for its restart (its crew, "
        "power-on and checks).",
        room);
  if (!from) return {};
  return fmt::format(
      " Its room {} held it until {}, when it could take its hosts back (powered, below its "
      "alarm, cooled enough); from then the pool waited for its restart (its crew, power-on and "
      "checks).",
      room, local_clock(spec, *from));
}

std::string segment_sentence(const m::ScenarioSpec& spec, const m::RunResult& result,
                             const m::TenantSpec& tenant, const m::TenantFunctionSpec& f,
                             const m::DowntimeSegment& s) {
  const std::string span = fmt::format("From {} to {} ({})", local_clock(spec, s.start),
                                       local_clock(spec, s.end), format_span(s.start, s.end));
  const std::string whose = s.time_of == m::TimeOf::kTenant ? fmt::format("{}'s own time", tenant.name)
                            : s.time_of == m::TimeOf::kFailover
                                ? fmt::format("{}'s failover while the provider was down", tenant.name)
                                : "the provider's time";
  const std::string_view kind = m::strategy_kind_name(f.strategy.get());
  std::string text;
  if (s.strategy_held && s.strategy->component == m::kNoComponent) {
    text = fmt::format("{} its {} strategy waited for {} ({}).", span, kind,
                       strategy_wait_text(spec, *s.strategy), whose);
  } else if (s.holder == f.id) {
    text = s.step != nullptr ? fmt::format("{} {} ran its own recovery step '{}' ({}).", span, tenant.name,
                                           printable(s.step->name), whose)
                             : fmt::format("{} it was held by its own state ({}).", span, whose);
  } else {
    text = s.strategy_held ? fmt::format("{} its {} strategy waited for {}", span, kind,
                                         strategy_wait_text(spec, *s.strategy, s.via))
                           : fmt::format("{} it waited for {}", span, m::vertex_name(spec, s.via));
    if (s.holder != s.via) text += fmt::format(", held by {}", m::vertex_name(spec, s.holder));
    if (s.step != nullptr) {
      text += fmt::format(", which was running its recovery step '{}'", printable(s.step->name));
    } else if (s.holder == s.via && s.cause_change < result.journal.size()) {
      text += fmt::format(", itself {}", m::state_name(result.journal[s.cause_change].to));
    }
    text += fmt::format(" ({}).", whose);
  }
  text += pool_restart_text(spec, result, s);
  if (!s.parallel.empty()) text += fmt::format(" Also not up then: {}.", names(spec, s.parallel));
  if (s.strategy != nullptr && !s.strategy_held) {
    text +=
        fmt::format(" Its {} strategy meanwhile waited for {}.", kind, strategy_wait_text(spec, *s.strategy));
  }
  // The tenant's own steps follow from its needs returning: the chain that took it down was told already.
  if (s.time_of == m::TimeOf::kTenant) return text;
  if (const std::string chain = chain_text(spec, result, s.cause_change); !chain.empty()) {
    text += fmt::format("\n      Behind it (from {}): {}.", root_text(spec, result, s.cause_change), chain);
  } else if (s.cause_change >= result.journal.size() && s.holder < spec.components.size()) {
    text += fmt::format("\n      Behind it: no failure; {} was up, and its own limit held it.",
                        m::vertex_name(spec, s.holder));
  }
  return text;
}

void explain_function(std::string& out, const m::ScenarioSpec& spec, const m::RunResult& result,
                      m::DowntimeSegmenter& segmenter, const m::TenantSpec& tenant,
                      const m::TenantFunctionSpec& f, Totals& totals) {
  const std::string name = m::vertex_name(spec, f.id);
  const auto& intervals = result.intervals[f.id];
  if (intervals.empty()) {
    out += fmt::format("{} was never down or degraded.\n\n", name);
    return;
  }
  for (const m::Interval& interval : intervals) {
    const bool open = interval.ended == m::kNoChange;
    out += fmt::format(
        "{} was {} from {} {} ({}).\n", name, m::state_name(interval.state),
        local_clock(spec, interval.start),
        open ? fmt::format("and still was at the end of the run, {}", local_clock(spec, interval.end))
             : fmt::format("to {}", local_clock(spec, interval.end)),
        format_span(interval.start, interval.end));
    for (const m::DowntimeSegment& s : segmenter.segments(f.id, interval)) {
      out += fmt::format("  - {}\n", segment_sentence(spec, result, tenant, f, s));
      (s.time_of == m::TimeOf::kTenant     ? totals.own
       : s.time_of == m::TimeOf::kFailover ? totals.failover
                                           : totals.provider) +=
          sim::Time::seconds(s.end.floor_seconds() - s.start.floor_seconds());  // as its spans read
    }
    out += "\n";
  }
  // When the strategy served the function, or began to, say when, and what held the strategy back most.
  const m::StrategyResult& strategy = result.strategy(f.id);
  if (strategy.served_by_alternative || strategy.procedure_started) {
    out += fmt::format("  Note: {} has a {} strategy", name, m::strategy_kind_name(f.strategy.get()));
    if (strategy.procedure_started)
      out += fmt::format(", whose procedure began at {}", local_clock(spec, *strategy.procedure_started));
    if (strategy.alternative_ready)
      out += fmt::format(" and whose site was ready at {}", local_clock(spec, *strategy.alternative_ready));
    // Still down at the end: neither came back (blind trial I: "came back first" of a primary never back).
    const bool back_by_end = intervals.back().ended != m::kNoChange;
    out +=
        strategy.served_by_alternative
            ? "; it came back through it at least once: where a failover ended an outage, the segments above "
              "follow the strategy's waits, elsewhere its primary deployment"
        : back_by_end
            ? "; the primary deployment came back first, and the segments above follow it"
            : "; neither it nor the primary deployment brought the function back before the end of the "
              "run, and the segments above follow the primary deployment";
    if (const std::string how = describe_wait(strategy.limitation, strategy.step); !how.empty())
      out += fmt::format(". The strategy itself was limited by {} ({})", how,
                         format_duration(strategy.limited_for));
    out += ".\n\n";
  }
}

}  // namespace

std::string explain_text(const m::ScenarioSpec& spec, const m::RunResult& result, std::uint32_t tenant,
                         std::optional<std::uint32_t> function) {
  const m::TenantSpec& t = spec.tenants.at(tenant);
  std::string out = fmt::format("{} in {} (seed {}); times are local (UTC{}).\n\n", t.name, spec.name,
                                result.seed, utc_offset_text(spec.utc_offset_s));
  m::DowntimeSegmenter segmenter(spec, result);
  Totals totals;
  for (std::uint32_t i = 0; i < t.functions.size(); ++i) {
    if (function && *function != i) continue;
    explain_function(out, spec, result, segmenter, t, t.functions[i], totals);
  }
  const std::string which =
      function ? m::vertex_name(spec, t.functions.at(*function).id) : fmt::format("{}'s functions", t.name);
  const std::string failover =
      totals.failover > sim::Time()
          ? fmt::format(", {} its failover while the provider was down", format_duration(totals.failover))
          : std::string();
  out += fmt::format("In all, {} {} down or degraded for {}: {} of it the provider's time{}, {} {}'s own.\n",
                     which, function ? "was" : "were",
                     format_duration(totals.provider + totals.failover + totals.own),
                     format_duration(totals.provider), failover, format_duration(totals.own), t.name);
  return out;
}

}  // namespace outagesim::reports
