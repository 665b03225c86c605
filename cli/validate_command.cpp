// `outagesim validate`: check scenarios without running them.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "loader/scenario_loader.hpp"

namespace outagesim::cli {

int validate_command(const ValidateOptions& options) {
  int status = 0;
  for (const std::string& path : options.scenarios) {
    const auto loaded = load_or_report(path);
    if (!loaded) {
      status = 1;
      continue;
    }
    const models::ScenarioSpec& spec = *loaded->spec;
    fmt::print("{}: ok ({} components, {} tenants, {} faults and actions, {} milestones, {} variants)\n",
               path, spec.components.size(), spec.tenants.size(), spec.injections.size(),
               spec.milestones.size(), spec.variants.size());
  }
  return status;
}

}  // namespace outagesim::cli
