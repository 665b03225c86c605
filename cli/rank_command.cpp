// `outagesim rank S`: which components to fix first, from one run and a what-if run per faulted component
// (models/scenario/component_ranking.hpp), as text, JSON or CSV.
#include "cli/commands.hpp"
#include "models/scenario/component_ranking.hpp"
#include "reports/rank_report.hpp"

namespace outagesim::cli {

int rank_command(const RankOptions& options) {
  const auto loaded = load_or_report(options.scenario, options.tenant_files);
  if (!loaded) return 1;
  std::optional<models::ScenarioSpec> varied;
  if (!options.variant.empty() && !(varied = with_variant(*loaded->spec, options.variant, "rank"))) return 2;
  const models::ScenarioSpec& spec = varied ? *varied : *loaded->spec;
  const std::uint64_t seed = options.seed.value_or(spec.seed);
  const models::ComponentRanking ranking = models::rank_components(spec, seed, options.not_up);
  const reports::RunMetadata meta = run_metadata(*loaded, options.scenario, seed, options.variant);
  std::string text;
  if (options.format == "json") {
    text = reports::rank_json(spec, ranking, meta).dump(2) + "\n";
  } else if (options.format == "csv") {
    text = reports::rank_csv(spec, ranking);
  } else {
    text = reports::rank_text(spec, ranking, meta);
  }
  return write_output(options.output, text) ? 0 : 2;
}

}  // namespace outagesim::cli
