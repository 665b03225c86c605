// The outagesim executable: CLI11 parsing, then one subcommand. Kept thin: all work is in the libraries.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <exception>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/export_command.hpp"
#include "cli/heap_setup.hpp"
#include "cli/import_command.hpp"
#include "cli/non_empty.hpp"
#include "cli/process_group.hpp"
#include "cli/region_generator.hpp"

namespace {

// A seed as typed: decimal digits that fit 64 bits. CLI11 alone would wrap "-1" and saturate past 2^64.
const CLI::Validator kSeedText(
    [](std::string& text) -> std::string {
      std::uint64_t value = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
        return "a seed is a whole number from 0 to 18446744073709551615, not '" + text + "'";
      }
      return {};
    },
    "SEED");

// A number of replications: at least 2, since one draw has no spread and its "95 % interval" would have
// no width (session 17: `--runs 1` printed one); at most 100 million.
const CLI::Validator kRunsCount(
    [](std::string& text) -> std::string {
      std::uint64_t value = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value > 100'000'000) {
        return "a whole number from 2 to 100000000, not '" + text + "'";
      }
      if (value < 2) {
        return text +
               ": at least 2 replications, since one draw has no spread and no confidence interval (without "
               "--runs, `run` replays the nominal values once)";
      }
      return {};
    },
    "N");

// `--tenant-file`: one file each time, so `--tenant-file t.yaml S.yaml` keeps S the scenario.
void add_tenant_files(CLI::App* command, std::vector<std::string>& files) {
  command
      ->add_option("--tenant-file", files,
                   "Add the tenants (and variants) of this YAML file to the scenario, as if it included it "
                   "last; repeatable")
      ->allow_extra_args(false);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace outagesim::cli;
  set_up_heap();
  const ProcessGroupSession process_group_session(argc, argv);
  CLI::App app{"outagesim: discrete-event simulator of cloud outage timelines"};
  app.set_version_flag("--version", std::string("outagesim ") + OUTAGESIM_VERSION);
  app.require_subcommand(1);
  // A name or a path given as "" would otherwise mean "none given" (every tenant, stdout).
  const CLI::Validator kNonEmpty = non_empty();

  RunOptions run;
  CLI::App* run_cmd =
      app.add_subcommand("run", "Replay a scenario and report per-tenant downtime and causes");
  run_cmd->add_option("scenario", run.scenario, "Scenario YAML file")->required();
  add_tenant_files(run_cmd, run.tenant_files);
  CLI::Option* run_format =
      run_cmd->add_option("--format", run.format, "Report format")->check(CLI::IsMember({"text", "json"}));
  run_cmd->add_option("--seed", run.seed, "Seed for the run's random streams (default: the scenario's)")
      ->check(kSeedText);
  run_cmd->add_option("-o,--output", run.output, "Write the report to this file instead of stdout")
      ->check(kNonEmpty);
  run_cmd
      ->add_option("--runs", run.runs, "Replications: draw every uncertain input and random process N times")
      ->check(kRunsCount);
  run_cmd->add_option("--threads", run.threads, "Threads for replications (default: one per core)")
      ->check(CLI::Range(0u, 1024u));
  run_cmd->add_flag("--quiet", run.quiet, "No progress bar");
  run_cmd->add_flag("--summary", run.summary,
                    "JSON: per tenant its totals and down intervals, without the journal references and the "
                    "table of changes (for very many tenants)");
  run_cmd->add_flag("--timings", run.timings,
                    "Print the time and peak memory of each phase (load, simulate, report) to stderr");
  run_cmd->add_option("--samples", run.samples, "Write each replication's draws and results to this CSV file")
      ->needs("--runs")
      ->check(kNonEmpty);
  run_cmd
      ->add_option("--shard", run.shard,
                   "I/N: run only part I (from 0) of N of the replications and write it, as JSON, for merge")
      ->needs("--runs");
  run_cmd
      ->add_flag(
          "--timeline", run.timeline,
          "Draw the run in the terminal instead: a line per tenant function, a character per stretch of "
          "time")
      ->excludes("--runs");
  run_cmd->add_flag("--ascii", run.ascii, "Timeline: ASCII characters (# down, ~ degraded, . up)")
      ->needs("--timeline");
  run_cmd
      ->add_option("--width", run.width, "Timeline: columns to fit (default: $COLUMNS, the terminal, or 100)")
      ->check(CLI::Range(std::size_t{40}, std::size_t{10'000}))
      ->needs("--timeline");

  CompareOptions compare;
  CLI::App* compare_cmd = app.add_subcommand(
      "compare", "Compare the scenario's recovery-strategy variants, one row per tenant function");
  compare_cmd->add_option("scenario", compare.scenario, "Scenario YAML file")->required();
  add_tenant_files(compare_cmd, compare.tenant_files);
  compare_cmd->add_option("--tenant", compare.tenant, "Only this tenant's variants")->check(kNonEmpty);
  compare_cmd->add_option("--format", compare.format, "Report format")
      ->check(CLI::IsMember({"text", "json", "csv", "markdown"}));
  compare_cmd->add_option("--seed", compare.seed, "Seed for every run (default: the scenario's)")
      ->check(kSeedText);
  compare_cmd->add_option("-o,--output", compare.output, "Write the report to this file instead of stdout")
      ->check(kNonEmpty);
  compare_cmd->add_option("--runs", compare.runs, "Replications, every strategy on the same draws in each")
      ->check(kRunsCount);
  compare_cmd->add_option("--threads", compare.threads, "Threads for replications (default: one per core)")
      ->check(CLI::Range(0u, 1024u));
  compare_cmd->add_flag("--quiet", compare.quiet, "No progress bar");

  MergeOptions merge;
  CLI::App* merge_cmd = app.add_subcommand(
      "merge", "Combine the shard files of `run --shard I/N` into the report of all the replications");
  merge_cmd->add_option("scenario", merge.scenario, "Scenario YAML file the shards ran")->required();
  merge_cmd->add_option("shards", merge.shards, "Shard files, one per part, in any order")->required();
  merge_cmd->add_option("--format", merge.format, "Report format")->check(CLI::IsMember({"text", "json"}));
  merge_cmd->add_option("-o,--output", merge.output, "Write the report to this file instead of stdout")
      ->check(kNonEmpty);
  merge_cmd
      ->add_option("--samples", merge.samples, "Write each replication's draws and results to this CSV file")
      ->check(kNonEmpty);

  SensitivityOptions sens;
  CLI::App* sens_cmd = app.add_subcommand(
      "sensitivity", "Which uncertain inputs drive a tenant's downtime: tornado and rank correlations");
  sens_cmd->add_option("scenario", sens.scenario, "Scenario YAML file")->required();
  add_tenant_files(sens_cmd, sens.tenant_files);
  sens_cmd->add_option("--tenant", sens.tenant, "The tenant whose downtime to explain")
      ->required()
      ->check(kNonEmpty);
  sens_cmd->add_option("--function", sens.function, "One of its functions (default: the tenant as a whole)")
      ->check(kNonEmpty);
  sens_cmd
      ->add_option("--variant", sens.variant,
                   "Vary the inputs with this strategy variant in place (see compare)")
      ->check(kNonEmpty);
  sens_cmd->add_flag("--degraded", sens.not_up,
                     "Measure the time not up (down or degraded), not the downtime alone");
  sens_cmd->add_option("--runs", sens.runs, "Replications for the rank correlations (default: 1000)")
      ->check(kRunsCount);
  sens_cmd->add_option("--seed", sens.seed, "Seed for every run (default: the scenario's)")->check(kSeedText);
  sens_cmd->add_option("--threads", sens.threads, "Threads (default: one per core)")
      ->check(CLI::Range(0u, 1024u));
  sens_cmd->add_flag("--quiet", sens.quiet, "No progress bar");
  sens_cmd->add_option("--format", sens.format, "Report format")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  sens_cmd->add_option("-o,--output", sens.output, "Write the report to this file instead of stdout")
      ->check(kNonEmpty);

  ExplainOptions explain;
  CLI::App* explain_cmd = app.add_subcommand(
      "explain", "Which cause held each part of a tenant's outage, in sentences, down to the faults");
  explain_cmd->add_option("scenario", explain.scenario, "Scenario YAML file")->required();
  add_tenant_files(explain_cmd, explain.tenant_files);
  explain_cmd->add_option("--tenant", explain.tenant, "The tenant whose outage to explain")
      ->required()
      ->check(kNonEmpty);
  explain_cmd
      ->add_option("--variant", explain.variant, "Explain with this strategy variant in place (see compare)")
      ->check(kNonEmpty);
  explain_cmd->add_option("--function", explain.function, "One of its functions (default: all of them)")
      ->check(kNonEmpty);
  explain_cmd->add_option("--seed", explain.seed, "Seed of the run (default: the scenario's)")
      ->check(kSeedText);
  explain_cmd->add_option("-o,--output", explain.output, "Write the story to this file instead of stdout")
      ->check(kNonEmpty);

  RankOptions rank;
  CLI::App* rank_cmd = app.add_subcommand(
      "rank",
      "Components by the tenant downtime they held, what removing their faults or holding them up saves");
  rank_cmd->add_option("scenario", rank.scenario, "Scenario YAML file")->required();
  add_tenant_files(rank_cmd, rank.tenant_files);
  rank_cmd->add_option("--format", rank.format, "Report format")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  rank_cmd->add_option("--seed", rank.seed, "Seed of the runs (default: the scenario's)")->check(kSeedText);
  rank_cmd->add_option("-o,--output", rank.output, "Write the report to this file instead of stdout")
      ->check(kNonEmpty);
  rank_cmd->add_option("--variant", rank.variant, "Rank with this strategy variant in place (see compare)")
      ->check(kNonEmpty);
  rank_cmd->add_flag(
      "--degraded", rank.not_up,
      "Count the time tenant functions were not up (down or degraded), not the downtime alone");

  ReportOptions report;
  CLI::App* report_cmd = app.add_subcommand(
      "report", "One self-contained HTML page: timeline, room temperatures, downtime and variants, as SVG");
  report_cmd->add_option("scenario", report.scenario, "Scenario YAML file")->required();
  add_tenant_files(report_cmd, report.tenant_files);
  report_cmd->add_option("--seed", report.seed, "Seed of the runs (default: the scenario's)")
      ->check(kSeedText);
  report_cmd->add_option("-o,--output", report.output, "Write the page to this file instead of stdout")
      ->check(kNonEmpty);
  report_cmd->add_option("--runs", report.runs, "Replications of the variant comparison, with intervals")
      ->check(kRunsCount);
  report_cmd->add_option("--threads", report.threads, "Threads for replications (default: one per core)")
      ->check(CLI::Range(0u, 1024u));
  report_cmd->add_flag("--quiet", report.quiet, "No progress bar");

  GraphOptions graph;
  CLI::App* graph_cmd = app.add_subcommand(
      "graph", "The dependency graph as Graphviz DOT, components coloured by their worst state in the run");
  graph_cmd->add_option("scenario", graph.scenario, "Scenario YAML file")->required();
  add_tenant_files(graph_cmd, graph.tenant_files);
  graph_cmd->add_option("--at", graph.at, "Colour by the state at this time (10:30, +2h15m, 2h15m)")
      ->check(kNonEmpty);
  graph_cmd->add_option("--tenant", graph.tenant, "Only this tenant, its functions and what they depend on")
      ->check(kNonEmpty);
  graph_cmd->add_option("--seed", graph.seed, "Seed of the run (default: the scenario's)")->check(kSeedText);
  graph_cmd->add_option("-o,--output", graph.output, "Write the DOT to this file instead of stdout")
      ->check(kNonEmpty);

  SweepOptions sweep;
  CLI::App* sweep_cmd = app.add_subcommand(
      "sweep", "Single points of failure: fail each component alone at the start, list what goes down");
  sweep_cmd->add_option("scenario", sweep.scenario, "Scenario YAML file")->required();
  add_tenant_files(sweep_cmd, sweep.tenant_files);
  sweep_cmd->add_option(
      "--duration", sweep.duration,
      "How long each component stays failed: a duration such as 4h or 90m, in whole seconds (default: 4h)");
  sweep_cmd->add_option("--format", sweep.format, "Report format")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  sweep_cmd->add_option("--seed", sweep.seed, "Seed of the runs (default: the scenario's)")->check(kSeedText);
  sweep_cmd->add_option("-o,--output", sweep.output, "Write the report to this file instead of stdout")
      ->check(kNonEmpty);
  sweep_cmd->add_option("--variant", sweep.variant, "Sweep with this strategy variant in place (see compare)")
      ->check(kNonEmpty);

  GenerateOptions gen;
  CLI::App* gen_cmd = app.add_subcommand(
      "generate",
      "Write a synthetic region scenario of the given size (zones, rooms, hosts, services, tenants)");
  gen_cmd->add_option("--zones", gen.zones, "Zones, named a, b, c, ... (default: 3)")
      ->check(CLI::Range(1, kMaxZones));
  gen_cmd->add_option("--rooms", gen.rooms, "Rooms per zone (default: 2)")
      ->check(CLI::Range(1, kMaxRoomsPerZone));
  gen_cmd->add_option("--hosts", gen.hosts, "Host pools per zone, spread over its rooms (default: 4)")
      ->check(CLI::Range(1, kMaxPoolsPerZone));
  gen_cmd
      ->add_option("--services", gen.services,
                   "Services in the region, of mixed kinds; at least --zones (default: 18)")
      ->check(CLI::Range(1, kMaxServices));
  gen_cmd->add_option("--tenants", gen.tenants, "Tenants (default: 100)")
      ->check(CLI::Range(std::uint64_t{1}, kMaxTenants));
  gen_cmd
      ->add_option("--seed", gen.seed, "Seed of the draws, also written as the scenario's seed (default: 1)")
      ->check(kSeedText);
  gen_cmd->add_option("-o,--output", gen.output, "Write the scenario to this file instead of stdout")
      ->check(kNonEmpty);
  gen_cmd
      ->add_option(
          "--tenant-table", gen.tenant_table,
          "Write the tenants to this JSON Lines file (a path as given, from the working directory; the "
          "scenario's tenant_table names it relative to the folder of -o) instead of the YAML: for millions "
          "of tenants")
      ->check(kNonEmpty);
  gen_cmd
      ->add_option("--component-part", gen.component_part,
                   "Write the components to this JSON file (a path as given, which the scenario "
                   "includes relative to the folder of -o; the name must end in .json): read many "
                   "times faster than YAML, for big regions")
      ->check(kNonEmpty);

  ExportOptions export_options;
  CLI::App* export_cmd = add_export_subcommand(app, export_options, kSeedText);

  ImportOptions import_options;
  CLI::App* import_cmd = add_import_subcommand(app, import_options);

  ValidateOptions validate;
  CLI::App* validate_cmd =
      app.add_subcommand("validate", "Check scenarios; print every problem; exit 1 if any");
  validate_cmd->add_option("scenarios", validate.scenarios, "Scenario YAML files")->required();
  validate_cmd->add_flag("--strict", validate.strict,
                         "Fail (exit 1) on warnings too: what loads but likely does not do what was meant");

  // CLI11 would say only "A subcommand is required" of `outagesim frobnicate`: name the word instead.
  if (argc > 1 && argv[1][0] != '-') {
    const std::string word = argv[1];
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
      names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      fmt::print(stderr,
                 "outagesim: unknown subcommand '{}'; the subcommands are {}\nRun with --help for more "
                 "information.\n",
                 word, fmt::join(names, ", "));
      return 2;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : 2;
  }

  // Under mpirun only `run --runs` is spread over the ranks; anything else is rank 0's alone.
  if (process_group().rank != 0 && !(*run_cmd && run.runs)) return 0;

  // Options that would otherwise be taken and do nothing.
  if (*run_cmd && run.summary && (run.format != "json" || run.runs || run.timeline)) {
    fmt::print(stderr,
               "outagesim run: --summary shortens the JSON report of one run: it needs --format json, "
               "and neither --runs nor --timeline\n");
    return 2;
  }
  if (*run_cmd && !run.shard.empty() && run_format->count() > 0 && run.format != "json") {
    fmt::print(stderr,
               "outagesim run: --shard writes its part as JSON for merge; --format {} does not apply "
               "(give the format to merge)\n",
               run.format);
    return 2;
  }

  try {
    if (*run_cmd) return run_command(run);
    if (*merge_cmd) return merge_command(merge);
    if (*validate_cmd) return validate_command(validate);
    if (*gen_cmd) return generate_command(gen);
    if (*compare_cmd) return compare_command(compare);
    if (*sens_cmd) return sensitivity_command(sens);
    if (*explain_cmd) return explain_command(explain);
    if (*rank_cmd) return rank_command(rank);
    if (*report_cmd) return report_command(report);

    if (*graph_cmd) return graph_command(graph);
    if (*sweep_cmd) return sweep_command(sweep);
    if (*export_cmd) return export_command(export_options);
    if (*import_cmd) return import_command(import_options);
  } catch (const std::bad_alloc&) {
    fmt::print(stderr,
               "outagesim: out of memory: this machine (or its limit) cannot hold what the run needs; with "
               "--runs, fewer replications need less\n");
    abort_group(3);
    return 3;
  } catch (const std::exception& e) {
    fmt::print(stderr, "outagesim: internal error: {}\n", e.what());
    abort_group(3);  // the other ranks of an MPI run would otherwise wait for this one forever
    return 3;
  }
  return 2;
}
