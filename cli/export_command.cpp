// `outagesim export fis|chaostoolkit S [-o F]`: one run of the scenario gives the faults' times (and the
// predicted consequences of faults nothing real can inject); reports/ writes them as an experiment.
#include "cli/export_command.hpp"

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/non_empty.hpp"
#include "models/scenario/simulation.hpp"
#include "reports/chaos_plan.hpp"
#include "reports/chaostoolkit_export.hpp"
#include "reports/fis_export.hpp"

namespace outagesim::cli {

CLI::App* add_export_subcommand(CLI::App& app, ExportOptions& options, const CLI::Validator& seed_text) {
  CLI::App* export_cmd = app.add_subcommand(
      "export",
      "The scenario's faults as a chaos experiment to rehearse on the real system (docs/chaos-export.md)");
  export_cmd->require_subcommand(1);
  const auto add_format = [&](const char* name, const char* what) {
    CLI::App* format_cmd = export_cmd->add_subcommand(name, what);
    format_cmd->add_option("scenario", options.scenario, "Scenario YAML file")->required();
    format_cmd
        ->add_option("--seed", options.seed,
                     "Seed of the run that times the faults (default: the scenario's)")
        ->check(seed_text);
    format_cmd->add_option("-o,--output", options.output, "Write the JSON to this file instead of stdout")
        ->check(non_empty());
    format_cmd->callback([&options, name] { options.format = name; });
  };
  add_format("fis", "An AWS FIS experiment template (JSON for `aws fis create-experiment-template`)");
  add_format("chaostoolkit", "A Chaos Toolkit experiment (JSON for `chaos run`), with chaosaws providers");
  return export_cmd;
}

int export_command(const ExportOptions& options) {
  const auto loaded = load_or_report(options.scenario);
  if (!loaded) return 1;
  const models::ScenarioSpec& spec = *loaded->spec;
  const models::RunResult result = models::simulate(spec, options.seed.value_or(spec.seed));
  const reports::ChaosPlan plan = reports::plan_chaos(spec, result);
  if (plan.steps.empty()) {
    // FIS refuses a template without actions, and Chaos Toolkit an experiment without a method.
    fmt::print(stderr, "{}", reports::unmapped_text(plan));
    fmt::print(stderr,
               "outagesim export: {}: nothing to export: no fault of the scenario maps to a real injection, "
               "and the run takes down no facility component to rehearse in its place\n",
               options.scenario);
    return 1;
  }
  const nlohmann::ordered_json json = options.format == "fis" ? reports::fis_template(spec, plan)
                                                              : reports::chaostoolkit_experiment(spec, plan);
  fmt::print(stderr, "{}", reports::unmapped_text(plan));
  if (options.format == "fis") fmt::print(stderr, "{}", reports::fis_limit_text(plan));
  return write_output(options.output, json.dump(2) + "\n") ? 0 : 2;
}

}  // namespace outagesim::cli
