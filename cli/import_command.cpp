// `outagesim import terraform`: reads the state and the region template's `import` key, maps the
// resources (importer/resource_mapping.hpp) and writes the tenant part (importer/tenant_part_writer.hpp).
#include "cli/import_command.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/non_empty.hpp"
#include "importer/resource_mapping.hpp"
#include "importer/tenant_part_writer.hpp"
#include "importer/terraform_state.hpp"
#include "loader/import_placement.hpp"
#include "loader/name_rules.hpp"
#include "loader/scenario_loader.hpp"
#include "loader/scenario_parts.hpp"

namespace outagesim::cli {

CLI::App* add_import_subcommand(CLI::App& app, ImportOptions& options) {
  CLI::App* import_cmd = app.add_subcommand(
      "import",
      "Write a tenant part from a deployment's description, to run against an incident (docs/my-stack.md)");
  import_cmd->require_subcommand(1);
  CLI::App* terraform = import_cmd->add_subcommand(
      "terraform",
      "From `terraform show -json` output: each resource needs the template's components it runs on");
  terraform->add_option("state", options.state, "The state as JSON (terraform show -json > state.json)")
      ->required();
  terraform
      ->add_option("--region-template", options.region_template,
                   "The region template whose `import` key places the provider's zones and services")
      ->required();
  terraform->add_option("--tenant", options.tenant, "The tenant's name (default: my-stack)")
      ->check([](const std::string& name) {
        if (name.size() > loader::kMaxNameBytes)
          return fmt::format("a tenant name of at most {} bytes, not {}", loader::kMaxNameBytes, name.size());
        const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                 c == '_' || c == '.';
        });
        return plain ? std::string() : std::string("a tenant name of letters, digits, '-', '_' and '.'");
      });
  terraform->add_option("-o,--output", options.output, "Write the tenant part to this file instead of stdout")
      ->check(non_empty());
  return import_cmd;
}

int import_command(const ImportOptions& options) {
  const loader::ImportPlacementLoad placement = loader::load_import_placement(options.region_template);
  if (!placement.placement) {
    fmt::print(stderr, "{}", placement.render());
    return 1;
  }
  const loader::FileText text = loader::read_file_text(options.state, loader::kMaxScenarioBytes);
  if (!text.text) {
    fmt::print(stderr, "{}: error: {}\n    expected: a file of `terraform show -json` output\n",
               options.state, text.problem);
    return 1;
  }
  const importer::TerraformStateRead state = importer::read_terraform_state(*text.text, options.state);
  if (!state.state) {
    fmt::print(stderr, "{}", state.error);  // a diagnostic, its lines ended
    return 1;
  }
  const importer::ImportedStack stack = importer::map_resources(*state.state, *placement.placement);
  for (const importer::UnmappedResource& u : stack.unmapped)
    fmt::print(stderr, "unplaced: {}: {}\n", loader::escaped_text(u.address), loader::escaped_text(u.reason));
  for (const std::string& renamed : stack.renamed_functions) fmt::print(stderr, "renamed: {}\n", renamed);
  if (stack.mapped.empty()) {
    fmt::print(stderr,
               "{}: error: no resource of the state could be placed on the region template {}\n    expected: "
               "{} resources in the zones of its `import` key\n",
               options.state, options.region_template, placement.placement->provider);
    return 1;
  }
  const std::string yaml =
      importer::tenant_part_yaml(stack, {options.tenant, options.state, options.region_template,
                                         placement.placement->provider, placement.placement->region});
  guard_input(options.state);  // -o on the state or the template would destroy what was read
  guard_input(options.region_template);
  return write_output(options.output, yaml) ? 0 : 2;
}

}  // namespace outagesim::cli
