// `outagesim validate`: check scenarios without running them.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "cli/commands.hpp"
#include "loader/scenario_loader.hpp"

namespace outagesim::cli {

namespace {
// "1 tenant", "2 tenants".
std::string counted(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}
}  // namespace

int validate_command(const ValidateOptions& options) {
  int status = 0;
  for (const std::string& path : options.scenarios) {
    const auto loaded = load_or_report(path);
    if (!loaded) {
      status = 1;
      continue;
    }
    const models::ScenarioSpec& spec = *loaded->spec;
    if (options.strict && !loaded->warnings.empty()) {
      // The warnings are on stderr already (load_or_report).
      fmt::print(stderr, "{}: {} with --strict\n", path,
                 counted(loaded->warnings.size(), "warning fails it", "warnings fail it"));
      status = 1;
      continue;
    }
    fmt::print("{}: ok ({}, {}, {}, {}, {})\n", path,
               counted(spec.components.size(), "component", "components"),
               counted(spec.tenants.size(), "tenant", "tenants"),
               counted(spec.injections.size(), "fault or action", "faults and actions"),
               counted(spec.milestones.size(), "milestone", "milestones"),
               counted(spec.variants.size(), "variant", "variants"));
  }
  return status;
}

}  // namespace outagesim::cli
