// Text, JSON and CSV of a sensitivity analysis.
#include "reports/sensitivity_report.hpp"

#include <fmt/format.h>

#include <cmath>

#include "reports/clock_format.hpp"
#include "reports/csv_field.hpp"
#include "reports/replication_report.hpp"
#include "reports/result_header.hpp"
#include "reports/text_table.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;
using Align = TextTable::Align;

namespace {

// A swing with its sign: "+3h 12m", "-5m", "0s".
std::string signed_duration(sim::Time d) {
  return d > sim::Time() ? fmt::format("+{}", format_duration(d)) : format_duration(d);
}

std::string rho_text(double rho) {
  return fmt::format("{:+.3f}", rho);
}

const m::InputCorrelation* correlation_of(const Sensitivity& s, std::uint32_t input) {
  for (const m::InputCorrelation& c : s.correlations.inputs) {
    if (c.input == input) return &c;
  }
  return nullptr;
}

}  // namespace

std::string target_name(const m::ScenarioSpec& spec, const m::SensitivityTarget& target) {
  const m::TenantSpec& tenant = spec.tenants[target.tenant];
  return target.function ? tenant.name + "/" + tenant.functions[*target.function].name : tenant.name;
}

std::string sensitivity_text(const m::ScenarioSpec& spec, const Sensitivity& s, const RunMetadata& meta) {
  std::string out = header_text(spec, meta);
  // "downtime", or with --degraded the time not up.
  const std::string what = s.target.not_up ? "time not up" : "downtime";
  out += fmt::format("\nsensitivity of the {} of {} {} (within the horizon{})\n", what,
                     s.target.function ? "tenant function" : "tenant", target_name(spec, s.target),
                     s.target.not_up ? "; down or degraded" : "");

  out += fmt::format(
      "\nTORNADO (one input at a time at its p10 and p90, the others nominal; every run has the model "
      "streams of seed {}, replication 0)\n  base {}, every input nominal: {}\n",
      meta.seed, what, format_duration(s.tornado.base_downtime));
  TextTable t({"input", "distribution", "p10", "p90", what + " at p10", what + " at p90", "swing"},
              {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight,
               Align::kRight});
  for (const m::TornadoBar& bar : s.tornado.bars) {
    const m::UncertainInput& input = spec.inputs[bar.input];
    t.add_row({input.name, input_distribution_text(spec, input), input_value_text(spec, input, bar.low),
               input_value_text(spec, input, bar.high), format_duration(bar.downtime_low),
               format_duration(bar.downtime_high), signed_duration(bar.swing())});
  }
  out += t.render(2);
  out += fmt::format("  swing: {0} at p90 minus {0} at p10; rows by its size\n", what);

  const m::RankCorrelations& rc = s.correlations;
  out += fmt::format(
      "\nRANK CORRELATION (Spearman's rho of each input's draws with the {}, over {} "
      "replication{}{})\n",
      what, rc.runs, rc.runs == 1 ? "" : "s",
      s.stopped ? fmt::format("; interrupted: {} of {} asked for", rc.runs, s.requested) : std::string());
  TextTable c({"input", "rho", "vs 0"}, {Align::kLeft, Align::kRight, Align::kLeft});
  bool any_noise = false;
  bool any_undefined = false;
  for (const m::InputCorrelation& ic : rc.inputs) {
    any_undefined = any_undefined || !ic.defined;
    any_noise = any_noise || (ic.defined && !ic.distinguishable);
    c.add_row({spec.inputs[ic.input].name, ic.defined ? rho_text(ic.rho) : "-",
               !ic.defined          ? "none"
               : ic.distinguishable ? "distinct"
                                    : "~ 0"});
  }
  out += c.render(2);
  if (any_undefined) {
    out += fmt::format(
        "  none: the input's draws or the {} never varied over the replications, so there is no "
        "correlation to give\n",
        what);
  }
  if (std::isfinite(rc.threshold)) {
    out += fmt::format(
        "  ~ 0: |rho| below {:.3f} (1.96 / sqrt(N - 1), a rough 95 % threshold): cannot be told from 0{}\n",
        rc.threshold, any_noise ? "" : " (none here)");
  } else {
    out += "  ~ 0: fewer than 3 replications; no rho can be told from 0\n";
  }
  return out;
}

nlohmann::ordered_json sensitivity_json(const m::ScenarioSpec& spec, const Sensitivity& s,
                                        const RunMetadata& meta) {
  nlohmann::ordered_json j = header_json(spec, meta);
  j["tenant"] = spec.tenants[s.target.tenant].name;
  j["function"] =
      s.target.function
          ? nlohmann::ordered_json(spec.tenants[s.target.tenant].functions[*s.target.function].name)
          : nlohmann::ordered_json(nullptr);

  nlohmann::ordered_json tornado;
  // The *_downtime_s fields hold what `measure` says: the downtime, or the time not up.
  j["measure"] = s.target.not_up ? "not_up" : "down";
  tornado["low_p"] = m::kTornadoLowP;
  tornado["high_p"] = m::kTornadoHighP;
  tornado["replication"] = 0;
  tornado["base_downtime_s"] = s.tornado.base_downtime.to_seconds();
  nlohmann::ordered_json bars = nlohmann::ordered_json::array();
  for (const m::TornadoBar& bar : s.tornado.bars) {
    const m::UncertainInput& input = spec.inputs[bar.input];
    nlohmann::ordered_json b;
    b["name"] = input.name;
    b["where"] = input.where;
    b["distribution"] = input_distribution_text(spec, input);
    b["nominal"] = input.nominal;
    b["low"] = bar.low;
    b["high"] = bar.high;
    b["downtime_low_s"] = bar.downtime_low.to_seconds();
    b["downtime_high_s"] = bar.downtime_high.to_seconds();
    b["swing_s"] = bar.swing().to_seconds();
    bars.push_back(std::move(b));
  }
  tornado["inputs"] = std::move(bars);
  j["tornado"] = std::move(tornado);

  const m::RankCorrelations& rc = s.correlations;
  nlohmann::ordered_json corr;
  corr["replications"] = rc.runs;
  corr["requested"] = s.requested;
  corr["interrupted"] = s.stopped;
  corr["threshold"] = std::isfinite(rc.threshold) ? nlohmann::ordered_json(rc.threshold) : nullptr;
  nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
  for (const m::InputCorrelation& ic : rc.inputs) {
    inputs.push_back({{"name", spec.inputs[ic.input].name},
                      {"rho", ic.defined ? nlohmann::ordered_json(ic.rho) : nullptr},
                      {"distinguishable_from_zero", ic.distinguishable}});
  }
  corr["inputs"] = std::move(inputs);
  j["rank_correlation"] = std::move(corr);
  return j;
}

std::string sensitivity_csv(const m::ScenarioSpec& spec, const Sensitivity& s) {
  std::string out =
      "tenant,function,input,distribution,nominal,low,high,base_downtime_s,downtime_low_s,downtime_high_s,"
      "swing_s,rho,rho_distinguishable_from_zero,replications,measure\n";
  const m::TenantSpec& tenant = spec.tenants[s.target.tenant];
  const std::string function = s.target.function ? tenant.functions[*s.target.function].name : "";
  for (const m::TornadoBar& bar : s.tornado.bars) {
    const m::UncertainInput& input = spec.inputs[bar.input];
    const m::InputCorrelation* ic = correlation_of(s, bar.input);
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(tenant.name),
                       csv_field(function), csv_field(input.name),
                       csv_field(input_distribution_text(spec, input)), input.nominal, bar.low, bar.high,
                       s.tornado.base_downtime.to_seconds(), bar.downtime_low.to_seconds(),
                       bar.downtime_high.to_seconds(), bar.swing().to_seconds(),
                       ic && ic->defined ? fmt::format("{}", ic->rho) : std::string(),
                       ic ? (ic->distinguishable ? "1" : "0") : "", s.correlations.runs,
                       s.target.not_up ? "not_up" : "down");
  }
  return out;
}

}  // namespace outagesim::reports
