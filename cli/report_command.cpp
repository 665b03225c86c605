// `outagesim report S -o report.html`: one run of the scenario and a comparison of its strategy variants
// (one run each, or `--runs N` replications each), written as one self-contained HTML page
// (reports/html_report.hpp).
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/replication_watch.hpp"
#include "models/scenario/comparison.hpp"
#include "models/scenario/simulation.hpp"
#include "models/scenario/uncertain_comparison.hpp"
#include "reports/html_report.hpp"

namespace outagesim::cli {

int report_command(const ReportOptions& options) {
  const auto loaded = load_or_report(options.scenario, options.tenant_files);
  if (!loaded) return 1;
  const models::ScenarioSpec& spec = *loaded->spec;
  const std::uint64_t seed = options.seed.value_or(spec.seed);
  const models::RunResult result = models::simulate(spec, seed);
  const reports::RunMetadata meta = run_metadata(*loaded, options.scenario, seed);

  reports::HtmlComparison charted;
  models::Comparison comparison;
  models::UncertainComparison uncertain;
  if (spec.variants.empty() && options.runs) {
    fmt::print(stderr, "outagesim report: --runs: {} has no strategy variants to replicate; one run drawn\n",
               options.scenario);
  }
  if (!spec.variants.empty()) {
    if (options.runs) {
      ReplicationWatch watch(*options.runs, options.quiet);
      uncertain =
          models::compare_variants_uncertain(spec, seed, *options.runs, options.threads, watch.control());
      watch.finish();
      if (uncertain.stopped) {
        fmt::print(stderr, "outagesim: interrupted; no report written\n");
        return 130;
      }
      charted.replicated = &uncertain;
    } else {
      comparison = models::compare_variants(spec, seed);
      charted.one_run = &comparison;
    }
  }
  return write_output(options.output, reports::html_report(spec, result, meta, charted)) ? 0 : 2;
}

}  // namespace outagesim::cli
