// Text, JSON and CSV of replications.
#include "reports/replication_report.hpp"

#include <fmt/format.h>

#include <cmath>

#include "models/results/milestone_check.hpp"
#include "reports/clock_format.hpp"
#include "reports/csv_field.hpp"
#include "reports/result_header.hpp"
#include "reports/text_table.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;
using Align = TextTable::Align;

namespace {

sim::Time from_seconds(double s) {
  return sim::Time::ms(std::llround(s * 1000.0));
}

std::string dur(double s) {
  return format_duration(from_seconds(s));
}

std::string percent(double p) {
  return fmt::format("{:.1f}%", 100.0 * p);
}

std::string function_name(const m::ScenarioSpec& spec, const m::FunctionRef& ref) {
  const m::TenantSpec& t = spec.tenants[ref.tenant];
  return t.name + "/" + t.functions[ref.function].name;
}

// A milestone's band edge: a clock time for events, a duration for downtime bounds.
std::string milestone_value(const m::ScenarioSpec& spec, const m::MilestoneSpec& ms, double s) {
  return ms.max_downtime && !ms.expected ? dur(s) : local_clock(spec, from_seconds(s));
}

nlohmann::ordered_json summary_json(const sim::Summary& s) {
  nlohmann::ordered_json j;
  j["mean"] = s.mean;
  j["ci95"] = {s.ci95_low, s.ci95_high};
  j["sd"] = s.sd;
  j["p5"] = s.p5;
  j["p10"] = s.p10;
  j["p50"] = s.p50;
  j["p90"] = s.p90;
  j["p95"] = s.p95;
  j["p99"] = s.p99;
  j["min"] = s.min;
  j["max"] = s.max;
  return j;
}

}  // namespace

std::string input_value_text(const m::ScenarioSpec& spec, const m::UncertainInput& input, double value) {
  switch (input.unit) {
    case m::InputUnit::kDuration:
      return format_duration(sim::Time::ms(std::llround(value)));
    case m::InputUnit::kTimePoint:
      return local_clock(spec, sim::Time::ms(std::llround(value)));
    case m::InputUnit::kCount:
      // Draws and nominals are whole; a distribution's parameters (uniform from 1.5) and the interpolated
      // percentiles of draws need not be: four significant digits, never a float's tail.
      return value == std::floor(value) ? fmt::format("{:.0f}", value) : fmt::format("{:.4g}", value);
    case m::InputUnit::kNumber:
      break;
  }
  return fmt::format("{:.4g}", value);
}

nlohmann::ordered_json replication_header_json(const m::ScenarioSpec& spec, const ReplicationMetadata& meta,
                                               std::uint64_t runs) {
  nlohmann::ordered_json j = header_json(spec, meta.run);
  j["replications"] = runs;
  j["requested"] = meta.requested;
  j["interrupted"] = meta.stopped;
  return j;
}

std::string input_distribution_text(const m::ScenarioSpec& spec, const m::UncertainInput& input) {
  // Times of day are clock times, but a normal's sd is a span: shown as a duration.
  const auto value = [&](double v) { return input_value_text(spec, input, v); };
  if (input.unit == m::InputUnit::kTimePoint) {
    return input.distribution.describe(
        value, [](double v) { return format_duration(sim::Time::ms(std::llround(v))); });
  }
  return input.distribution.describe(value);
}

std::string replication_text(const m::ScenarioSpec& spec, const m::ReplicationStatistics& stats,
                             const ReplicationMetadata& meta) {
  std::string out = header_text(spec, meta.run);
  out += fmt::format(
      "\n{} replications{}; replication r draws every input and model stream from (seed {}, r)\n", stats.runs,
      meta.stopped ? fmt::format(" (interrupted: {} of {} asked for)", stats.runs, meta.requested)
                   : std::string(),
      meta.run.seed);

  out += "\nDOWNTIME PER TENANT FUNCTION (within the horizon)\n";
  TextTable t({"function", "mean", "95% CI of mean", "p50", "p90", "p99", "max", "P(SLA breach)"},
              {Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight, Align::kRight,
               Align::kRight, Align::kRight});
  for (const m::FunctionStatistics& f : stats.functions) {
    const sim::Summary& d = f.downtime_s;
    t.add_row({function_name(spec, f.ref), dur(d.mean),
               fmt::format("{} – {}", dur(d.ci95_low), dur(d.ci95_high)), dur(d.p50), dur(d.p90), dur(d.p99),
               dur(d.max),
               f.sla_breach ? fmt::format("{} ({}–{})", percent(f.sla_breach->p), percent(f.sla_breach->low),
                                          percent(f.sla_breach->high))
                            : std::string("no SLA")});
  }
  out += t.render(2);
  // Time past the horizon is not counted: say where the figures above are cut short.
  for (const m::FunctionStatistics& f : stats.functions) {
    if (f.down_at_horizon + f.degraded_at_horizon == 0) continue;
    const auto runs = [&stats](std::uint64_t k, std::string_view what) {
      return k == 0 ? std::string() : fmt::format("{} in {} of {} runs", what, k, stats.runs);
    };
    const std::string down = runs(f.down_at_horizon, "down");
    const std::string degraded = runs(f.degraded_at_horizon, "degraded");
    out += fmt::format(
        "  cut at the horizon: {} still {}{}{} at the end; its {} time there is cut, so its figures are "
        "lower "
        "bounds (lengthen `horizon`)\n",
        function_name(spec, f.ref), down, !down.empty() && !degraded.empty() ? ", " : "", degraded,
        f.down_at_horizon > 0 ? "down" : "degraded");
  }

  if (!spec.milestones.empty()) {
    out +=
        "\nMILESTONES (p5–p95 of the simulated time, over the replications in which it happened; public "
        "in band: within p5–p95 widened by the milestone's tolerance)\n";
    TextTable mt({"milestone", "class", "public", "p5", "p50", "p95", "happened", "public in band"},
                 {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight,
                  Align::kRight, Align::kLeft});
    for (const m::MilestoneBand& b : stats.milestones) {
      const m::MilestoneSpec& ms = spec.milestones[b.milestone];
      const std::string shown_public =
          ms.expected       ? local_clock(spec, *ms.expected)
          : ms.max_downtime ? fmt::format("≤ {}", format_duration(*ms.max_downtime))
          : ms.not_up_at    ? fmt::format("not up at {}", local_clock(spec, *ms.not_up_at))
                            : std::string("-");
      const auto edge = [&](const std::optional<double>& v) {
        return v ? milestone_value(spec, ms, *v) : std::string("-");
      };
      mt.add_row(
          {ms.name, std::string(m::basis_name(ms.basis)), shown_public, edge(b.p5_s), edge(b.p50_s),
           edge(b.p95_s),
           percent(stats.runs ? static_cast<double>(b.happened) / static_cast<double>(stats.runs) : 0.0),
           !b.public_inside   ? std::string("-")
           : *b.public_inside ? "yes"
                              : "no"});
    }
    out += mt.render(2);
  }

  if (!spec.inputs.empty()) {
    out += "\nUNCERTAIN INPUTS (as drawn)\n";
    TextTable it({"input", "distribution", "nominal", "p5", "p50", "p95"},
                 {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight});
    for (const m::InputStatistics& s : stats.inputs) {
      const m::UncertainInput& input = spec.inputs[s.input];
      it.add_row({input.name, input_distribution_text(spec, input),
                  input_value_text(spec, input, input.nominal), input_value_text(spec, input, s.drawn.p5),
                  input_value_text(spec, input, s.drawn.p50), input_value_text(spec, input, s.drawn.p95)});
    }
    out += it.render(2);
  }
  return out;
}

nlohmann::ordered_json replication_json(const m::ScenarioSpec& spec, const m::ReplicationStatistics& stats,
                                        const ReplicationMetadata& meta) {
  nlohmann::ordered_json j = replication_header_json(spec, meta, stats.runs);
  nlohmann::ordered_json functions = nlohmann::ordered_json::array();
  for (const m::FunctionStatistics& f : stats.functions) {
    nlohmann::ordered_json fj;
    fj["tenant"] = spec.tenants[f.ref.tenant].name;
    fj["function"] = spec.tenants[f.ref.tenant].functions[f.ref.function].name;
    fj["downtime_s"] = summary_json(f.downtime_s);
    fj["degraded_s"] = summary_json(f.degraded_s);
    fj["down_at_horizon_runs"] = f.down_at_horizon;
    fj["degraded_at_horizon_runs"] = f.degraded_at_horizon;
    if (f.sla_breach) {
      fj["sla_breach"] = {{"p", f.sla_breach->p}, {"ci95", {f.sla_breach->low, f.sla_breach->high}}};
    } else {
      fj["sla_breach"] = nullptr;
    }
    functions.push_back(std::move(fj));
  }
  j["functions"] = std::move(functions);
  nlohmann::ordered_json milestones = nlohmann::ordered_json::array();
  for (const m::MilestoneBand& b : stats.milestones) {
    const m::MilestoneSpec& ms = spec.milestones[b.milestone];
    nlohmann::ordered_json mj;
    mj["name"] = ms.name;
    mj["class"] = m::basis_name(ms.basis);
    mj["happened"] = b.happened;
    const auto opt = [](const std::optional<double>& v) { return v ? nlohmann::ordered_json(*v) : nullptr; };
    mj["p5_s"] = opt(b.p5_s);
    mj["p50_s"] = opt(b.p50_s);
    mj["p95_s"] = opt(b.p95_s);
    mj["public_inside"] = b.public_inside ? nlohmann::ordered_json(*b.public_inside) : nullptr;
    milestones.push_back(std::move(mj));
  }
  j["milestones"] = std::move(milestones);
  nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
  for (const m::InputStatistics& s : stats.inputs) {
    const m::UncertainInput& input = spec.inputs[s.input];
    nlohmann::ordered_json ij;
    ij["name"] = input.name;
    ij["where"] = input.where;
    ij["distribution"] = input_distribution_text(spec, input);
    ij["nominal"] = input.nominal;
    ij["drawn"] = summary_json(s.drawn);
    inputs.push_back(std::move(ij));
  }
  j["inputs"] = std::move(inputs);
  return j;
}

std::string samples_csv(const m::ScenarioSpec& spec, std::span<const m::ReplicationOutcome> outcomes) {
  std::string out = "replication";
  for (const m::UncertainInput& input : spec.inputs)
    out += ',' + csv_field(fmt::format("input:{}", input.name));
  for (const m::FunctionRef& ref : m::tenant_functions(spec)) {
    const std::string name = function_name(spec, ref);
    out += fmt::format(",{},{},{}", csv_field(name + ":downtime_s"), csv_field(name + ":degraded_s"),
                       csv_field(name + ":sla_breached"));
  }
  for (const m::MilestoneSpec& ms : spec.milestones)
    out += ',' + csv_field(fmt::format("milestone:{}:s", ms.name));
  out += "\n";
  for (const m::ReplicationOutcome& o : outcomes) {
    out += std::to_string(o.replication);
    for (const double v : o.inputs) out += fmt::format(",{}", v);
    for (std::size_t f = 0; f < o.downtime.size(); ++f) {
      out += fmt::format(",{},{},{}", static_cast<double>(o.downtime[f].count_ms()) / 1000.0,
                         static_cast<double>(o.degraded[f].count_ms()) / 1000.0, o.sla_breached[f] ? 1 : 0);
    }
    for (const auto& t : o.milestones) {
      out += t ? fmt::format(",{}", static_cast<double>(t->count_ms()) / 1000.0) : std::string(",");
    }
    out += "\n";
  }
  return out;
}

}  // namespace outagesim::reports
