// `outagesim run S --runs N`: N replications on threads, with a progress bar on a terminal, a clean stop
// on Ctrl-C (reporting the replications that finished), and the statistics as text or JSON.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/progress_bar.hpp"
#include "models/results/replication_statistics.hpp"
#include "models/scenario/replications.hpp"
#include "reports/replication_report.hpp"

namespace outagesim::cli {

int run_replications_command(const RunOptions& options, const loader::LoadResult& loaded) {
  const models::ScenarioSpec& spec = *loaded.spec;
  const std::uint64_t seed = options.seed.value_or(spec.seed);
  const std::uint64_t runs = *options.runs;

  InterruptHandler interrupt;
  ProgressBar bar(runs, options.quiet);
  sim::RunControl control;
  control.stop = &interrupt.flag();
  control.on_progress = [&bar](const sim::ReplicationProgress& p) { bar.update(p.done); };
  const models::ReplicationRun run = models::run_replications(spec, seed, 0, runs, options.threads, control);
  bar.finish();
  if (run.outcomes.empty()) {
    fmt::print(stderr, "outagesim: interrupted before any replication finished\n");
    return 130;
  }

  const models::ReplicationStatistics stats = models::replication_statistics(spec, run.outcomes);
  const reports::ReplicationMetadata meta{
      reports::RunMetadata{OUTAGESIM_VERSION, options.scenario, loaded.content_hash, seed}, runs,
      run.stopped};
  const std::string text = options.format == "json"
                               ? reports::replication_json(spec, stats, meta).dump(2) + "\n"
                               : reports::replication_text(spec, stats, meta);
  if (!options.samples.empty() && !write_output(options.samples, reports::samples_csv(spec, run.outcomes)))
    return 2;
  if (!write_output(options.output, text)) return 2;
  return run.stopped ? 130 : 0;
}

}  // namespace outagesim::cli
