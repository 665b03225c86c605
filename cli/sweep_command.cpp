// `outagesim sweep S [--duration 4h]`: every component failed alone at the start, and what goes down
// (models/scenario/single_point_sweep.hpp), as text, JSON or CSV.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "loader/time_text.hpp"
#include "models/scenario/single_point_sweep.hpp"
#include "reports/printable_text.hpp"
#include "reports/sweep_report.hpp"

namespace outagesim::cli {

int sweep_command(const SweepOptions& options) {
  const auto parsed = loader::parse_duration(options.duration);
  const sim::Time* duration = std::get_if<sim::Time>(&parsed);
  // Whole seconds: the sweep's reports print whole seconds, and "for 0s" would hide a 1ms fault.
  if (duration == nullptr || *duration < sim::Time::seconds(1) || duration->count_ms() % 1000 != 0) {
    fmt::print(stderr, "outagesim sweep: --duration '{}': expected {}\n",
               reports::printable(options.duration),
               duration == nullptr ? std::get<std::string>(parsed)
                                   : std::string("a whole number of seconds, at least 1s"));
    return 2;
  }
  const auto loaded = load_or_report(options.scenario, options.tenant_files);
  if (!loaded) return 1;
  std::optional<models::ScenarioSpec> varied;
  if (!options.variant.empty() && !(varied = with_variant(*loaded->spec, options.variant, "sweep"))) return 2;
  const models::ScenarioSpec& spec = varied ? *varied : *loaded->spec;
  const std::uint64_t seed = options.seed.value_or(spec.seed);
  const models::SinglePointSweep sweep = models::sweep_single_points(spec, seed, *duration);
  const reports::RunMetadata meta = run_metadata(*loaded, options.scenario, seed, options.variant);
  std::string text;
  if (options.format == "json") {
    text = reports::sweep_json(spec, sweep, meta).dump(2) + "\n";
  } else if (options.format == "csv") {
    text = reports::sweep_csv(spec, sweep);
  } else {
    text = reports::sweep_text(spec, sweep, meta);
  }
  return write_output(options.output, text) ? 0 : 2;
}

}  // namespace outagesim::cli
