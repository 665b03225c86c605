// Formatting a component ranking.
#include "reports/rank_report.hpp"

#include <fmt/format.h>

#include "reports/clock_format.hpp"
#include "reports/csv_field.hpp"
#include "reports/printable_text.hpp"
#include "reports/result_header.hpp"
#include "reports/text_table.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;
using Json = nlohmann::ordered_json;

namespace {

std::string tenant_names(const m::ScenarioSpec& spec, const m::ComponentRank& rank, std::string_view sep) {
  std::string out;
  for (const std::uint32_t t : rank.tenants) {
    if (!out.empty()) out += sep;
    out += spec.tenants[t].name;
  }
  return out;
}

std::string repair_names(const m::ScenarioSpec& spec, const m::ComponentRank& rank, std::string_view sep) {
  std::string out;
  for (const std::uint32_t r : rank.held_up_silenced) {
    if (!out.empty()) out += sep;
    out += printable(spec.repairs[r].name);
  }
  return out;
}

std::string share(sim::Time part, sim::Time total) {
  if (total <= sim::Time()) return "-";
  return fmt::format("{:.0f}%", 100.0 * part.to_seconds() / total.to_seconds());
}

}  // namespace

std::string rank_text(const m::ScenarioSpec& spec, const m::ComponentRanking& ranking,
                      const RunMetadata& meta) {
  std::string out = header_text(spec, meta) + "\n\n";
  out += fmt::format(
      "Tenant-function {} in all: {}. Held: the part of it each component held (the tenants' own "
      "recovery steps and their strategies' own work count for none). At the root: the same time by where "
      "its cause chains end (a fault or "
      "an operator action on the component; the holder itself when it was up, as in a stock-out). Saved: "
      "what a run without the component's scripted faults saves "
      "(\"-\": no fault on it). Held up: what a run saves with the component never failing, whatever its "
      "dependencies do; a host pool still stops when its room loses power (hold the room up for that); "
      "negative when holding it up costs time (hosts kept running heat the hall they share with others, "
      "or a repair it set off never starts: marked *).\n\n",
      ranking.not_up ? "time not up (down or degraded)" : "downtime", format_duration(ranking.total));
  TextTable table({"component", "kind", "held", "share", "at the root", "saved", "held up", "tenants"},
                  {TextTable::Align::kLeft, TextTable::Align::kLeft, TextTable::Align::kRight,
                   TextTable::Align::kRight, TextTable::Align::kRight, TextTable::Align::kRight,
                   TextTable::Align::kRight, TextTable::Align::kLeft});
  std::string silenced;
  for (const m::ComponentRank& r : ranking.ranks) {
    const bool flagged = !r.held_up_silenced.empty();
    table.add_row({spec.components[r.component].name,
                   std::string(m::kind_name(spec.components[r.component].kind)),
                   format_duration(r.attributed), share(r.attributed, ranking.total),
                   format_duration(r.rooted), r.saved ? format_duration(*r.saved) : "-",
                   format_duration(r.held_up_saved) + (flagged ? " *" : ""), tenant_names(spec, r, ", ")});
    if (flagged) {
      silenced += fmt::format("  {}: {}\n", spec.components[r.component].name, repair_names(spec, r, ", "));
    }
  }
  out += table.render();
  if (!silenced.empty()) {
    out += fmt::format(
        "\n* Held up, these leave unstarted a repair that ran in the run as written (what set it off no "
        "longer "
        "happens): their held-up saving is measured without it. Where what it repaired still fails, the "
        "saving reads the repair's absence (a cost), not the component's worth:\n{}",
        silenced);
  }
  return out;
}

Json rank_json(const m::ScenarioSpec& spec, const m::ComponentRanking& ranking, const RunMetadata& meta) {
  Json doc = header_json(spec, meta);
  // The *_s times count what `measure` says: the downtime, or the time not up (`--degraded`).
  doc["measure"] = ranking.not_up ? "not_up" : "down";
  doc["total_downtime_s"] = ranking.total.floor_seconds();
  Json components = Json::array();
  for (const m::ComponentRank& r : ranking.ranks) {
    Json tenants = Json::array();
    for (const std::uint32_t t : r.tenants) tenants.push_back(spec.tenants[t].name);
    Json silenced = Json::array();
    for (const std::uint32_t i : r.held_up_silenced) silenced.push_back(spec.repairs[i].name);
    components.push_back(Json{{"name", spec.components[r.component].name},
                              {"kind", m::kind_name(spec.components[r.component].kind)},
                              {"attributed_s", r.attributed.floor_seconds()},
                              {"rooted_s", r.rooted.floor_seconds()},
                              {"saved_s", r.saved ? Json(r.saved->floor_seconds()) : Json()},
                              {"held_up_saved_s", r.held_up_saved.floor_seconds()},
                              {"held_up_silenced", std::move(silenced)},
                              {"tenants", std::move(tenants)}});
  }
  doc["components"] = std::move(components);
  return doc;
}

std::string rank_csv(const m::ScenarioSpec& spec, const m::ComponentRanking& ranking) {
  // measure: down, or not_up with --degraded (what every time column counts).
  std::string out =
      "component,kind,attributed_s,rooted_s,saved_s,held_up_saved_s,tenants,held_up_silenced,measure\n";
  const char* measure = ranking.not_up ? "not_up" : "down";
  for (const m::ComponentRank& r : ranking.ranks) {
    out += fmt::format("{},{},{},{},{},{},{},{},{}\n", csv_field(spec.components[r.component].name),
                       m::kind_name(spec.components[r.component].kind), r.attributed.floor_seconds(),
                       r.rooted.floor_seconds(),
                       r.saved ? std::to_string(r.saved->floor_seconds()) : std::string(),
                       r.held_up_saved.floor_seconds(), csv_field(tenant_names(spec, r, ";")),
                       csv_field(repair_names(spec, r, ";")), measure);
  }
  return out;
}

}  // namespace outagesim::reports
