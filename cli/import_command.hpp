// `outagesim import terraform STATE.json --region-template R -o my-stack.yaml`: a deployment's Terraform
// state as a tenant part to run against an incident (importer/, docs/my-stack.md).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace outagesim::cli {

struct ImportOptions {
  std::string state;            // `terraform show -json` output
  std::string region_template;  // a region template with an `import` key
  std::string tenant = "my-stack";
  std::string output;  // empty: stdout
};

// Adds `import` and its one format to `app`, filling `options`; returns the `import` subcommand.
CLI::App* add_import_subcommand(CLI::App& app, ImportOptions& options);

// Writes the tenant part. Each resource it cannot place is named on stderr ("unplaced: ADDRESS: reason",
// exit 0 all the same: the part says so too). 1 for a problem in the state or the template, or when no
// resource could be placed; 2 for an output problem.
int import_command(const ImportOptions& options);

}  // namespace outagesim::cli
