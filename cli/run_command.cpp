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
  if (options.format == "text")
    return write_output(options.output, reports::run_text(spec, result, meta)) ? 0 : 2;
  OutputFile out(options.output);
  if (!out.is_open()) return 2;
  reports::JsonStream json([&out](std::string_view piece) { out.write(piece); });
  reports::write_run_json(json, spec, result, meta, {.summary = options.summary});
  return out.close() ? 0 : 2;
}

}  // namespace outagesim::cli
