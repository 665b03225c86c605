// `outagesim compare`: the scenario's strategy variants side by side.
#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/name_choice.hpp"
#include "cli/replication_watch.hpp"
#include "loader/scenario_loader.hpp"
#include "models/scenario/comparison.hpp"
#include "models/scenario/uncertain_comparison.hpp"
#include "reports/comparison_report.hpp"
#include "reports/uncertain_comparison_report.hpp"

namespace outagesim::cli {

int compare_command(const CompareOptions& options) {
  const auto loaded = load_or_report(options.scenario, options.tenant_files);
  if (!loaded) return 1;
  const models::ScenarioSpec& spec = *loaded->spec;
  std::optional<std::uint32_t> tenant;
  if (!options.tenant.empty()) {
    std::vector<std::string> names;
    names.reserve(spec.tenants.size());
    for (const models::TenantSpec& t : spec.tenants) names.push_back(t.name);
    tenant = choose_name("compare", "tenant", options.scenario, options.tenant, names);
    if (!tenant) return 2;
    const bool has_variants = std::any_of(spec.variants.begin(), spec.variants.end(),
                                          [&](const models::VariantSpec& v) { return v.tenant == *tenant; });
    if (!has_variants) {
      fmt::print(stderr, "outagesim compare: --tenant: '{}' has no strategy variants in {}\n", options.tenant,
                 options.scenario);
      return 2;
    }
  }
  const std::uint64_t seed = options.seed.value_or(spec.seed);
  // Replications of nothing would give an empty table: the one-run report says there is nothing to
  // compare, and stderr says that it is the one-run report (its JSON and CSV have the one-run layout).
  if (options.runs && spec.variants.empty()) {
    fmt::print(stderr,
               "outagesim compare: --runs: {} has no strategy variants to replicate; the one-run report "
               "follows\n",
               options.scenario);
  }
  if (options.runs && !spec.variants.empty()) {
    ReplicationWatch watch(*options.runs, options.quiet);
    const models::UncertainComparison c = models::compare_variants_uncertain(
        spec, seed, *options.runs, options.threads, watch.control(), tenant);
    watch.finish();
    if (c.runs < 2) {  // one draw has no spread: no interval to give, as --runs 1 is refused
      fmt::print(
          stderr,
          "outagesim: interrupted {}; fewer than 2 give no spread or interval, so nothing is reported\n",
          c.runs == 0 ? "before any replication finished" : "after 1 replication");
      return 130;
    }
    const reports::ReplicationMetadata meta{run_metadata(*loaded, options.scenario, seed), *options.runs,
                                            c.stopped};
    std::string text;
    if (options.format == "json") {
      text = reports::uncertain_comparison_json(spec, c, meta).dump(2) + "\n";
    } else if (options.format == "csv") {
      text = reports::uncertain_comparison_csv(spec, c);
    } else if (options.format == "markdown") {
      text = reports::uncertain_comparison_markdown(spec, c);
    } else {
      text = reports::uncertain_comparison_text(spec, c, meta);
    }
    if (!write_output(options.output, text)) return 2;
    return c.stopped ? 130 : 0;
  }
  const models::Comparison comparison = models::compare_variants(spec, seed, tenant);
  const reports::RunMetadata meta = run_metadata(*loaded, options.scenario, seed);
  std::string text;
  if (options.format == "json") {
    text = reports::comparison_json(spec, comparison, meta).dump(2) + "\n";
  } else if (options.format == "csv") {
    text = reports::comparison_csv(spec, comparison);
  } else if (options.format == "markdown") {
    text = reports::comparison_markdown(spec, comparison);
  } else {
    text = reports::comparison_text(spec, comparison, meta);
  }
  return write_output(options.output, text) ? 0 : 2;
}

}  // namespace outagesim::cli
