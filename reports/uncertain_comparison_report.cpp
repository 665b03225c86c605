// Formatting a comparison under uncertainty.
#include "reports/uncertain_comparison_report.hpp"

#include <fmt/format.h>

#include <cmath>

#include "reports/clock_format.hpp"
#include "reports/csv_field.hpp"
#include "reports/result_header.hpp"
#include "reports/text_table.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;
using Align = TextTable::Align;

namespace {

std::string dur(double s) {
  return format_duration(sim::Time::ms(std::llround(s * 1000.0)));
}

std::string signed_dur(double s) {
  return s > 0 ? fmt::format("+{}", dur(s)) : dur(s);
}

std::string function_name(const m::ScenarioSpec& spec, const m::UncertainComparisonRow& r) {
  const m::TenantSpec& t = spec.tenants[r.tenant];
  return fmt::format("{}/{}", t.name, t.functions[r.function].name);
}

std::string shown_variant(const m::UncertainComparisonRow& r) {
  return r.variant.empty() ? std::string("(baseline)") : r.variant;
}

// The cells every table shares, after the function and variant.
std::vector<std::string> cells(const m::UncertainComparisonRow& r) {
  const sim::Summary& d = r.downtime_s;
  std::vector<std::string> c{std::to_string(r.rank + 1), dur(d.mean),
                             fmt::format("{} – {}", dur(d.ci95_low), dur(d.ci95_high)), dur(d.p10),
                             dur(d.p90)};
  if (r.versus_baseline) {
    const sim::Summary& diff = r.versus_baseline->difference;
    c.push_back(signed_dur(diff.mean));
    c.push_back(fmt::format("{} – {}", signed_dur(diff.ci95_low), signed_dur(diff.ci95_high)));
  } else {
    c.push_back("-");
    c.push_back("-");
  }
  c.push_back(r.beats_next ? fmt::format("{:.1f}%", 100.0 * *r.beats_next) : std::string("-"));
  return c;
}

const std::vector<std::string> kHeaders{
    "function", "strategy", "rank",        "mean downtime",        "95% CI of mean",
    "p10",      "p90",      "vs baseline", "95% CI of difference", "P(beats next)"};

}  // namespace

std::string uncertain_comparison_text(const m::ScenarioSpec& spec, const m::UncertainComparison& c,
                                      const ReplicationMetadata& meta) {
  std::string out = header_text(spec, meta.run);
  out += fmt::format(
      "\n{} replications{}; in each, every strategy sees the same drawn inputs and random streams (common "
      "random numbers)\n\n",
      c.runs, meta.stopped ? fmt::format(" (interrupted: {} of {} asked for)", c.runs, meta.requested) : "");
  TextTable t(kHeaders, {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight,
                         Align::kRight, Align::kRight, Align::kRight, Align::kRight, Align::kRight});
  for (const m::UncertainComparisonRow& r : c.rows) {
    std::vector<std::string> row{function_name(spec, r), shown_variant(r)};
    for (std::string& cell : cells(r)) row.push_back(std::move(cell));
    t.add_row(std::move(row));
  }
  out += t.render(2);
  for (const m::UncertainComparisonRow& r : c.rows) {
    if (r.down_at_horizon == 0) continue;
    out += fmt::format(
        "  cut at the horizon: {}, {}, still down in {} of {} runs at the end; its downtime there is cut, so "
        "its figures are lower bounds (lengthen `horizon`)\n",
        function_name(spec, r), shown_variant(r), r.down_at_horizon, c.runs);
  }
  out +=
      "\n  A difference whose interval holds 0 cannot be told apart from the baseline at these "
      "replications.\n"
      "  P(beats next): the share of replications in which the strategy's downtime is below that of the one\n"
      "  ranked after it (ties count as not beating).\n";
  return out;
}

std::string uncertain_comparison_markdown(const m::ScenarioSpec& spec, const m::UncertainComparison& c) {
  std::string out = "| " + fmt::format("{}", fmt::join(kHeaders, " | ")) + " |\n|";
  for (std::size_t i = 0; i < kHeaders.size(); ++i) out += i < 2 ? "---|" : "---:|";
  out += "\n";
  for (const m::UncertainComparisonRow& r : c.rows) {
    std::vector<std::string> row{function_name(spec, r), shown_variant(r)};
    for (std::string& cell : cells(r)) row.push_back(std::move(cell));
    for (std::string& cell : row) {
      std::string escaped;
      for (const char ch : cell) escaped += ch == '|' ? std::string("\\|") : std::string(1, ch);
      cell = std::move(escaped);
    }
    out += "| " + fmt::format("{}", fmt::join(row, " | ")) + " |\n";
  }
  return out;
}

std::string uncertain_comparison_csv(const m::ScenarioSpec& spec, const m::UncertainComparison& c) {
  std::string out =
      "tenant,function,variant,rank,runs,mean_s,ci95_low_s,ci95_high_s,p10_s,p50_s,p90_s,p99_s,max_s,"
      "diff_mean_s,diff_ci95_low_s,diff_ci95_high_s,p_beats_next\n";
  for (const m::UncertainComparisonRow& r : c.rows) {
    const m::TenantSpec& t = spec.tenants[r.tenant];
    const sim::Summary& d = r.downtime_s;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}", csv_field(t.name),
                       csv_field(t.functions[r.function].name), csv_field(r.variant), r.rank + 1, c.runs,
                       d.mean, d.ci95_low, d.ci95_high, d.p10, d.p50, d.p90, d.p99, d.max);
    if (r.versus_baseline) {
      const sim::Summary& diff = r.versus_baseline->difference;
      out += fmt::format(",{},{},{}", diff.mean, diff.ci95_low, diff.ci95_high);
    } else {
      out += ",,,";
    }
    out += r.beats_next ? fmt::format(",{}\n", *r.beats_next) : std::string(",\n");
  }
  return out;
}

nlohmann::ordered_json uncertain_comparison_json(const m::ScenarioSpec& spec, const m::UncertainComparison& c,
                                                 const ReplicationMetadata& meta) {
  nlohmann::ordered_json j = replication_header_json(spec, meta, c.runs);
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const m::UncertainComparisonRow& r : c.rows) {
    const m::TenantSpec& t = spec.tenants[r.tenant];
    const sim::Summary& d = r.downtime_s;
    nlohmann::ordered_json row;
    row["tenant"] = t.name;
    row["function"] = t.functions[r.function].name;
    row["variant"] = r.variant.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.variant);
    row["baseline"] = r.variant.empty();
    row["rank"] = r.rank + 1;
    row["down_at_horizon_runs"] = r.down_at_horizon;
    row["downtime_s"] = {{"mean", d.mean}, {"ci95", {d.ci95_low, d.ci95_high}},
                         {"p10", d.p10},   {"p50", d.p50},
                         {"p90", d.p90},   {"p99", d.p99},
                         {"max", d.max}};
    if (r.versus_baseline) {
      const sim::Summary& diff = r.versus_baseline->difference;
      row["versus_baseline_s"] = {{"mean", diff.mean},
                                  {"ci95", {diff.ci95_low, diff.ci95_high}},
                                  {"p_less", r.versus_baseline->p_a_less}};
    } else {
      row["versus_baseline_s"] = nullptr;
    }
    row["p_beats_next"] = r.beats_next ? nlohmann::ordered_json(*r.beats_next) : nullptr;
    rows.push_back(std::move(row));
  }
  j["rows"] = std::move(rows);
  return j;
}

}  // namespace outagesim::reports
