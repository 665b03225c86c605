// `outagesim graph S -o region.dot`: one run of the scenario, then its dependency graph as Graphviz DOT
// (reports/graph_dot.hpp), nodes filled by their worst state, or by their state at --at.
#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/name_choice.hpp"
#include "loader/time_text.hpp"
#include "models/scenario/simulation.hpp"
#include "reports/clock_format.hpp"
#include "reports/graph_dot.hpp"
#include "reports/printable_text.hpp"

namespace outagesim::cli {

namespace {

// --at as the scenario writes times ("+2h15m", "10:30", "2022-12-19T00:30"), or a bare duration from the
// start ("2h15m"). Says why and returns nothing when it is none of them or lies outside the run.
std::optional<sim::Time> time_in_run(const models::ScenarioSpec& spec, const std::string& text) {
  const loader::Instant start{spec.start_unix_s, spec.utc_offset_s};
  auto parsed = loader::parse_scenario_time(text, start);
  if (std::holds_alternative<std::string>(parsed)) {
    if (auto as_duration = loader::parse_duration(text); std::holds_alternative<sim::Time>(as_duration))
      parsed = as_duration;
  }
  if (const auto* error = std::get_if<std::string>(&parsed)) {
    fmt::print(stderr, "outagesim graph: --at '{}': expected {}, or a duration from the start (2h15m)\n",
               reports::printable(text), *error);
    return std::nullopt;
  }
  const sim::Time t = std::get<sim::Time>(parsed);
  if (t < sim::Time() || t >= spec.horizon) {
    fmt::print(stderr,
               "outagesim graph: --at '{}' is outside the run (from its start up to, not including, its end "
               "{} later)\n",
               reports::printable(text), reports::format_duration(spec.horizon));
    return std::nullopt;
  }
  return t;
}

}  // namespace

int graph_command(const GraphOptions& options) {
  const auto loaded = load_or_report(options.scenario, options.tenant_files);
  if (!loaded) return 1;
  const models::ScenarioSpec& spec = *loaded->spec;
  reports::GraphDotOptions dot;
  if (!options.at.empty()) {
    dot.at = time_in_run(spec, options.at);
    if (!dot.at) return 2;
  }
  if (!options.tenant.empty()) {
    std::vector<std::string> tenants;
    for (const models::TenantSpec& t : spec.tenants) tenants.push_back(t.name);
    const auto tenant = choose_name("graph", "tenant", options.scenario, options.tenant, tenants);
    if (!tenant) return 2;
    dot.tenant = *tenant;
  }
  const models::RunResult result = models::simulate(spec, options.seed.value_or(spec.seed));
  return write_output(options.output, reports::graph_dot(spec, result, dot)) ? 0 : 2;
}

}  // namespace outagesim::cli
