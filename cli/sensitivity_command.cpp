// `outagesim sensitivity S --tenant T [--function F]`: which uncertain inputs drive that downtime, as a
// tornado (one input at a time at p10/p90) and as rank correlations over replications, with a progress bar
// on a terminal and a clean stop on Ctrl-C (the correlations then cover the replications that finished).
#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/name_choice.hpp"
#include "cli/replication_watch.hpp"
#include "models/scenario/sensitivity.hpp"
#include "reports/sensitivity_report.hpp"

namespace outagesim::cli {

namespace {

// The target the options name, or nothing after saying on stderr what is known.
std::optional<models::SensitivityTarget> find_target(const models::ScenarioSpec& spec,
                                                     const SensitivityOptions& options) {
  std::vector<std::string> tenants;
  for (const models::TenantSpec& t : spec.tenants) tenants.push_back(t.name);
  const auto tenant = choose_name("sensitivity", "tenant", options.scenario, options.tenant, tenants);
  if (!tenant) return std::nullopt;
  models::SensitivityTarget target;
  target.tenant = *tenant;
  target.not_up = options.not_up;
  if (options.function.empty()) return target;
  std::vector<std::string> functions;
  for (const models::TenantFunctionSpec& f : spec.tenants[target.tenant].functions)
    functions.push_back(f.name);
  const auto function = choose_name("sensitivity", "function", fmt::format("tenant '{}'", options.tenant),
                                    options.function, functions);
  if (!function) return std::nullopt;
  target.function = *function;
  return target;
}

}  // namespace

int sensitivity_command(const SensitivityOptions& options) {
  const auto loaded = load_or_report(options.scenario, options.tenant_files);
  if (!loaded) return 1;
  std::optional<models::ScenarioSpec> varied;
  if (!options.variant.empty() && !(varied = with_variant(*loaded->spec, options.variant, "sensitivity")))
    return 2;
  const models::ScenarioSpec& spec = varied ? *varied : *loaded->spec;
  const auto target = find_target(spec, options);
  if (!target) return 2;
  if (spec.inputs.empty()) {
    fmt::print(
        stderr,
        "outagesim sensitivity: {} has no uncertain inputs, so there is nothing to vary; write a number "
        "as a distribution ({{dist: ...}}, docs/scenario-format.md) to ask how much it matters{}\n",
        options.scenario,
        spec.failures.empty() ? ""
                              : " (the random failures under 'failures' are processes that run --runs "
                                "varies, not inputs of one number a tornado can set)");
    return 1;
  }
  const std::uint64_t seed = options.seed.value_or(spec.seed);

  reports::Sensitivity s;
  s.target = *target;
  s.requested = options.runs;
  s.tornado = models::tornado(spec, seed, *target, options.threads);

  ReplicationWatch watch(options.runs, options.quiet);
  const models::SensitivitySamples samples =
      models::sensitivity_samples(spec, seed, *target, options.runs, options.threads, watch.control());
  watch.finish();
  if (samples.samples.empty()) {
    fmt::print(stderr, "outagesim: interrupted before any replication finished\n");
    return 130;
  }
  s.stopped = samples.stopped;
  s.correlations = models::rank_correlations(spec, samples.samples);

  const reports::RunMetadata meta = run_metadata(*loaded, options.scenario, seed, options.variant);
  std::string text;
  if (options.format == "json") {
    text = reports::sensitivity_json(spec, s, meta).dump(2) + "\n";
  } else if (options.format == "csv") {
    text = reports::sensitivity_csv(spec, s);
  } else {
    text = reports::sensitivity_text(spec, s, meta);
  }
  if (!write_output(options.output, text)) return 2;
  return s.stopped ? 130 : 0;
}

}  // namespace outagesim::cli
