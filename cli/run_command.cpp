// `outagesim run`: one replay of a scenario, reported as text or JSON.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "loader/scenario_loader.hpp"
#include "models/scenario/simulation.hpp"
#include "reports/run_report.hpp"

namespace outagesim::cli {

int run_command(const RunOptions& options) {
  const auto loaded = load_or_report(options.scenario);
  if (!loaded) return 1;
  if (options.runs) return run_replications_command(options, *loaded);
  const models::ScenarioSpec& spec = *loaded->spec;
  const std::uint64_t seed = options.seed.value_or(spec.seed);
  const models::RunResult result = models::simulate(spec, seed);
  const reports::RunMetadata meta{OUTAGESIM_VERSION, options.scenario, loaded->content_hash, seed};
  const std::string text = options.format == "json" ? reports::run_json(spec, result, meta).dump(2) + "\n"
                                                    : reports::run_text(spec, result, meta);
  return write_output(options.output, text) ? 0 : 2;
}

}  // namespace outagesim::cli
