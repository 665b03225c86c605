// Rendering a comparison as a text table, Markdown, CSV and JSON. All four share one set of cells.
#include "reports/comparison_report.hpp"

#include <fmt/format.h>

#include "reports/cause_text.hpp"
#include "reports/clock_format.hpp"
#include "reports/csv_field.hpp"
#include "reports/result_header.hpp"
#include "reports/text_table.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;

namespace {

// The cells of one row, already worded; the formats differ only in how they lay them out.
struct Cells {
  std::string tenant, function, variant, kind, downtime, degraded, delta, recovered, time_to_recover,
      data_lost, sla, limited_by;
};

constexpr const char* kBaselineName = "as it was";

std::string variant_name(const m::ComparisonRow& row) {
  return row.baseline ? kBaselineName : row.variant;
}

// "component: how (for how long)", any part omitted when unknown.
std::string wait_text(const m::ScenarioSpec& spec, m::ComponentId component, m::Wait wait,
                      const std::string& step, sim::Time length) {
  const std::string how = describe_wait(wait, step);
  std::string text;
  if (component != m::kNoComponent) text = m::vertex_name(spec, component);
  if (!how.empty()) text += text.empty() ? how : fmt::format(": {}", how);
  if (!text.empty() && length > sim::Time()) text += fmt::format(" ({})", format_duration(length));
  return text;
}

// A strategy that ran but never served: what held it back (a stock-out, backups out of reach).
bool strategy_held_back(const m::ComparisonRow& row) {
  const m::StrategyResult& s = row.strategy;
  return !s.served_by_alternative && s.procedure_started && s.limitation != m::Wait::kNothing;
}

nlohmann::ordered_json strategy_held_json(const m::ScenarioSpec& spec, const m::ComparisonRow& row) {
  using Json = nlohmann::ordered_json;
  if (!strategy_held_back(row)) return Json();
  const m::StrategyResult& s = row.strategy;
  return Json{
      {"limited_by", s.limited_by == m::kNoComponent ? Json() : Json(m::vertex_name(spec, s.limited_by))},
      {"limitation", describe_wait(s.limitation, s.step)},
      {"limited_for_s", s.limited_for.floor_seconds()}};
}

std::string limited_text(const m::ScenarioSpec& spec, const m::ComparisonRow& row) {
  std::string text = wait_text(spec, row.limited_by, row.limitation, row.step, row.limited_for);
  // A strategy that ran but never served: say what held it back too.
  const m::StrategyResult& s = row.strategy;
  if (strategy_held_back(row)) {
    text += fmt::format("; the {} strategy waited on {}", row.strategy_kind,
                        wait_text(spec, s.limited_by, s.limitation, s.step, s.limited_for));
  }
  return text.empty() ? "-" : text;
}

Cells cells(const m::ScenarioSpec& spec, const m::ComparisonRow& row) {
  Cells c;
  c.tenant = spec.tenants[row.tenant].name;
  c.function = spec.tenants[row.tenant].functions[row.function].name;
  c.variant = variant_name(row);
  c.kind = std::string(row.strategy_kind);
  c.downtime = format_duration(row.downtime);
  c.degraded = format_duration(row.degraded);
  c.delta = row.baseline
                ? "-"
                : fmt::format("{}{}", row.delta > sim::Time() ? "+" : "", format_duration(row.delta));
  c.recovered = row.recovered_at            ? local_clock(spec, *row.recovered_at)
                : row.still_down_at_horizon ? std::string("not by end")
                                            : std::string("never down");
  c.time_to_recover = !row.time_to_recover        ? std::string("-")
                      : row.still_down_at_horizon ? fmt::format("> {}", format_duration(*row.time_to_recover))
                                                  : format_duration(*row.time_to_recover);
  c.data_lost = row.data_loss > sim::Time() ? format_duration(row.data_loss) : "0";
  c.sla = row.sla ? fmt::format("{:.0f}%", row.sla->credit_pct) : "-";
  c.limited_by = limited_text(spec, row);
  return c;
}

const std::vector<std::string> kHeaders = {"tenant",          "function",  "strategy",    "kind",
                                           "downtime",        "degraded",  "vs baseline", "back at",
                                           "time to recover", "data lost", "SLA credit",  "limited by"};

std::vector<std::string> as_vector(const Cells& c) {
  return {c.tenant, c.function,  c.variant,         c.kind,      c.downtime, c.degraded,
          c.delta,  c.recovered, c.time_to_recover, c.data_lost, c.sla,      c.limited_by};
}

// A pipe would end the cell early.
std::string markdown_cell(const std::string& s) {
  std::string out;
  for (const char ch : s) {
    if (ch == '|') out += '\\';
    out += ch;
  }
  return out;
}

}  // namespace

std::string comparison_text(const m::ScenarioSpec& spec, const m::Comparison& comparison,
                            const RunMetadata& meta) {
  std::string out = header_text(spec, meta) + "; every strategy on the same faults and draws\n\n";
  if (comparison.rows.empty()) return out + "no tenant has strategy variants\n";
  using A = TextTable::Align;
  TextTable table(kHeaders, {A::kLeft, A::kLeft, A::kLeft, A::kLeft, A::kRight, A::kRight, A::kRight,
                             A::kLeft, A::kRight, A::kRight, A::kRight, A::kLeft});
  for (const m::ComparisonRow& row : comparison.rows) table.add_row(as_vector(cells(spec, row)));
  return out + table.render();
}

std::string comparison_markdown(const m::ScenarioSpec& spec, const m::Comparison& comparison) {
  std::string out = fmt::format("| {} |\n|", fmt::join(kHeaders, " | "));
  for (std::size_t i = 0; i < kHeaders.size(); ++i) out += "---|";
  out += "\n";
  for (const m::ComparisonRow& row : comparison.rows) {
    std::vector<std::string> v;
    for (const std::string& cell : as_vector(cells(spec, row))) v.push_back(markdown_cell(cell));
    out += fmt::format("| {} |\n", fmt::join(v, " | "));
  }
  return out;
}

std::string comparison_csv(const m::ScenarioSpec& spec, const m::Comparison& comparison) {
  std::string out =
      "tenant,function,strategy,kind,downtime_s,degraded_s,delta_s,recovered_at_s,time_to_recover_s,"
      "still_down_at_horizon,data_lost_s,sla_credit_pct,limited_by,limitation,limited_for_s\n";
  for (const m::ComparisonRow& row : comparison.rows) {
    const std::string limited_by =
        row.limited_by == m::kNoComponent ? "" : m::vertex_name(spec, row.limited_by);
    out += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(spec.tenants[row.tenant].name),
        csv_field(spec.tenants[row.tenant].functions[row.function].name), csv_field(variant_name(row)),
        row.strategy_kind, row.downtime.floor_seconds(), row.degraded.floor_seconds(),
        row.delta.floor_seconds(), row.recovered_at ? std::to_string(row.recovered_at->floor_seconds()) : "",
        row.time_to_recover ? std::to_string(row.time_to_recover->floor_seconds()) : "",
        row.still_down_at_horizon, row.data_loss.floor_seconds(),
        row.sla ? fmt::format("{:.0f}", row.sla->credit_pct) : "", csv_field(limited_by),
        csv_field(describe_wait(row.limitation, row.step)), row.limited_for.floor_seconds());
  }
  return out;
}

nlohmann::ordered_json comparison_json(const m::ScenarioSpec& spec, const m::Comparison& comparison,
                                       const RunMetadata& meta) {
  using Json = nlohmann::ordered_json;
  Json doc = header_json(spec, meta);
  Json rows = Json::array();
  for (const m::ComparisonRow& row : comparison.rows) {
    const auto opt_s = [](const std::optional<sim::Time>& t) {
      return t ? Json(t->floor_seconds()) : Json();
    };
    Json j{{"tenant", spec.tenants[row.tenant].name},
           {"function", spec.tenants[row.tenant].functions[row.function].name},
           {"strategy", variant_name(row)},
           {"kind", row.strategy_kind},
           {"baseline", row.baseline},
           {"downtime_s", row.downtime.floor_seconds()},
           {"degraded_s", row.degraded.floor_seconds()},
           {"delta_s", row.delta.floor_seconds()},
           {"first_down_s", opt_s(row.first_down)},
           {"recovered_at_s", opt_s(row.recovered_at)},
           {"recovered_at", row.recovered_at ? Json(local_iso(spec, *row.recovered_at)) : Json()},
           {"time_to_recover_s", opt_s(row.time_to_recover)},
           {"still_down_at_horizon", row.still_down_at_horizon},
           {"data_lost_s", row.data_loss.floor_seconds()},
           {"sla_credit_pct", row.sla ? Json(row.sla->credit_pct) : Json()},
           {"limited_by",
            row.limited_by == m::kNoComponent ? Json() : Json(m::vertex_name(spec, row.limited_by))},
           {"limitation", describe_wait(row.limitation, row.step)},
           {"limited_for_s", row.limited_for.floor_seconds()},
           {"strategy_held", strategy_held_json(spec, row)},
           {"procedure_started_s", opt_s(row.strategy.procedure_started)},
           {"alternative_ready_s", opt_s(row.strategy.alternative_ready)},
           {"served_by_alternative", row.strategy.served_by_alternative}};
    rows.push_back(std::move(j));
  }
  doc["rows"] = std::move(rows);
  return doc;
}

}  // namespace outagesim::reports
