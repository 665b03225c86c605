// Formatting a single-point-of-failure sweep.
#include "reports/sweep_report.hpp"

#include <fmt/format.h>

#include "reports/clock_format.hpp"
#include "reports/csv_field.hpp"
#include "reports/result_header.hpp"
#include "reports/text_table.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;
using Json = nlohmann::ordered_json;

namespace {

const m::TenantFunctionSpec& function_of(const m::ScenarioSpec& spec, const m::FunctionHit& hit) {
  return spec.tenants[hit.tenant].functions[hit.function];
}

}  // namespace

std::string sweep_text(const m::ScenarioSpec& spec, const m::SinglePointSweep& sweep,
                       const RunMetadata& meta) {
  std::string out = header_text(spec, meta) + "\n\n";
  const std::string how_long =
      sweep.duration < spec.horizon
          ? fmt::format("for {} and then repaired", format_duration(sweep.duration))
          : fmt::format("for the whole run ({}), never repaired within it", format_duration(spec.horizon));
  out += fmt::format(
      "Each component failed alone at the start {}, with no other fault, operator action, "
      "repair or random failure. Down: the tenant functions that went down because of it, each with the down "
      "time it cost (its own recovery steps included).\n",
      how_long);
  if (sweep.quiet_downtime > sim::Time())
    out += fmt::format(
        "Without any failure the tenant functions are already down for {} in all; only time beyond that "
        "counts.\n",
        format_duration(sweep.quiet_downtime));
  out += "\n";
  TextTable table({"component", "kind", "down", "time", "tenant functions"},
                  {TextTable::Align::kLeft, TextTable::Align::kLeft, TextTable::Align::kRight,
                   TextTable::Align::kRight, TextTable::Align::kLeft});
  std::string harmless;
  std::size_t harmful = 0;
  bool any_not_back = false;
  for (const m::LoneFailure& f : sweep.failures) {
    const m::ComponentSpec& c = spec.components[f.component];
    if (f.down.empty()) {
      if (!harmless.empty()) harmless += ", ";
      harmless += c.name;
      continue;
    }
    ++harmful;
    std::string functions;
    for (const m::FunctionHit& hit : f.down) {
      if (!functions.empty()) functions += ", ";
      functions += fmt::format("{}/{} {}{}", spec.tenants[hit.tenant].name, function_of(spec, hit).name,
                               format_duration(hit.downtime), hit.not_back ? " (not back)" : "");
      any_not_back = any_not_back || hit.not_back;
    }
    table.add_row({c.name, std::string(m::kind_name(c.kind)), std::to_string(f.down.size()),
                   format_duration(f.downtime), functions});
  }
  out += fmt::format("{} of {} components take a tenant function down on their own.\n", harmful,
                     sweep.failures.size());
  if (harmful > 0) {
    out += "\n";
    out += table.render();
  }
  if (any_not_back)
    out +=
        "\n(not back): still down at the end although the component was repaired: recovery steps still "
        "running at the end (a longer horizon tells), or what the failure left stopped, which stays stopped "
        "since a sweep runs no repair or operator action (chillers tripped with no automatic restart, a hall "
        "shed); that time is then the scenario's response missing, not the component's.\n";
  if (!harmless.empty()) out += "\nNothing goes down when one of these fails alone: " + harmless + ".\n";
  return out;
}

Json sweep_json(const m::ScenarioSpec& spec, const m::SinglePointSweep& sweep, const RunMetadata& meta) {
  Json doc = header_json(spec, meta);
  doc["duration_s"] = sweep.duration.floor_seconds();
  doc["quiet_downtime_s"] = sweep.quiet_downtime.floor_seconds();
  Json components = Json::array();
  for (const m::LoneFailure& f : sweep.failures) {
    Json down = Json::array();
    for (const m::FunctionHit& hit : f.down) {
      down.push_back(Json{{"tenant", spec.tenants[hit.tenant].name},
                          {"function", function_of(spec, hit).name},
                          {"downtime_s", hit.downtime.floor_seconds()},
                          {"not_back", hit.not_back}});
    }
    const m::ComponentSpec& c = spec.components[f.component];
    components.push_back(Json{{"name", c.name},
                              {"kind", m::kind_name(c.kind)},
                              {"downtime_s", f.downtime.floor_seconds()},
                              {"functions_down", std::move(down)}});
  }
  doc["components"] = std::move(components);
  return doc;
}

std::string sweep_csv(const m::ScenarioSpec& spec, const m::SinglePointSweep& sweep) {
  std::string out = "component,kind,tenant,function,downtime_s\n";
  for (const m::LoneFailure& f : sweep.failures) {
    const m::ComponentSpec& c = spec.components[f.component];
    if (f.down.empty()) out += fmt::format("{},{},,,\n", csv_field(c.name), m::kind_name(c.kind));
    for (const m::FunctionHit& hit : f.down) {
      out += fmt::format("{},{},{},{},{}\n", csv_field(c.name), m::kind_name(c.kind),
                         csv_field(spec.tenants[hit.tenant].name), csv_field(function_of(spec, hit).name),
                         hit.downtime.floor_seconds());
    }
  }
  return out;
}

}  // namespace outagesim::reports
