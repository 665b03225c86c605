// `outagesim explain S --tenant T [--function F]`: one run of the scenario, and the story of one tenant's
// outage in sentences (reports/explain_text.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "loader/spelling.hpp"
#include "models/scenario/simulation.hpp"
#include "reports/explain_text.hpp"

namespace outagesim::cli {

namespace {

// "; did you mean 'x'?" or "".
std::string suggestion(const std::string& word, const std::vector<std::string>& known) {
  const std::string hint = loader::did_you_mean(word, known);
  return hint.empty() ? std::string() : fmt::format("; {}", hint);
}

// The position of `name` in `known`, or nothing after saying on stderr what is known.
std::optional<std::uint32_t> find_name(const std::string& what, const std::string& owner,
                                       const std::string& name, const std::vector<std::string>& known) {
  const auto it = std::find(known.begin(), known.end(), name);
  if (it != known.end()) return static_cast<std::uint32_t>(it - known.begin());
  std::string listed;
  for (const std::string& k : known) listed += fmt::format("{}'{}'", listed.empty() ? "" : ", ", k);
  fmt::print(stderr, "outagesim explain: --{}: {} has no {} named '{}'{}; its {}s: {}\n", what, owner, what,
             name, suggestion(name, known), what, listed.empty() ? std::string("none") : listed);
  return std::nullopt;
}

}  // namespace

int explain_command(const ExplainOptions& options) {
  const auto loaded = load_or_report(options.scenario);
  if (!loaded) return 1;
  const models::ScenarioSpec& spec = *loaded->spec;
  std::vector<std::string> tenants;
  for (const models::TenantSpec& t : spec.tenants) tenants.push_back(t.name);
  const auto tenant = find_name("tenant", options.scenario, options.tenant, tenants);
  if (!tenant) return 2;
  std::optional<std::uint32_t> function;
  if (!options.function.empty()) {
    std::vector<std::string> functions;
    for (const models::TenantFunctionSpec& f : spec.tenants[*tenant].functions) functions.push_back(f.name);
    function = find_name("function", fmt::format("tenant '{}'", options.tenant), options.function, functions);
    if (!function) return 2;
  }
  const models::RunResult result = models::simulate(spec, options.seed.value_or(spec.seed));
  return write_output(options.output, reports::explain_text(spec, result, *tenant, function)) ? 0 : 2;
}

}  // namespace outagesim::cli
