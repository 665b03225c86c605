// Loading the scenario a command works on.
#include <fmt/format.h>

#include "cli/commands.hpp"

namespace outagesim::cli {

std::optional<loader::LoadResult> load_or_report(const std::string& path,
                                                 const std::vector<std::string>& tenant_files) {
  loader::LoadResult loaded = loader::load_scenario_file(path, tenant_files);
  if (loaded.ok()) return loaded;
  fmt::print(stderr, "{}", loaded.render());
  return std::nullopt;
}

}  // namespace outagesim::cli
