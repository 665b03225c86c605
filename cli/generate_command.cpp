// `outagesim generate`: writes a synthetic region scenario of the asked size, for scale tests.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>

#include "cli/commands.hpp"
#include "cli/region_generator.hpp"

namespace outagesim::cli {

int generate_command(const GenerateOptions& options) {
  // The counts' ranges are checked while parsing; what remains is how they fit together.
  if (options.services < options.zones) {
    fmt::print(
        stderr,
        "outagesim generate: --services ({}) must be at least --zones ({}): every zone needs a compute "
        "service for its tenants\n",
        options.services, options.zones);
    return 2;
  }
  // The loader reads a part as JSON by its name; under another name it would be read as YAML, slowly.
  if (!options.component_part.empty() && !options.component_part.ends_with(".json")) {
    fmt::print(stderr, "outagesim generate: --component-part '{}' must end in .json\n",
               options.component_part);
    return 2;
  }
  const RegionShape shape{options.zones,    options.rooms,   options.hosts,
                          options.services, options.tenants, options.seed};
  // The tenant table and the components' part, when asked for, are named in the scenario relative to the
  // scenario's folder.
  namespace fs = std::filesystem;
  const fs::path folder =
      options.output.empty() ? fs::current_path() : fs::absolute(options.output).parent_path();
  const auto relative = [&folder](const std::string& path) {
    return fs::absolute(path).lexically_relative(folder).generic_string();
  };
  SideFiles side_files;
  std::optional<OutputFile> table;
  if (!options.tenant_table.empty()) {
    side_files.table_name = relative(options.tenant_table);
    table.emplace(options.tenant_table);
    if (!table->is_open()) return 2;
    side_files.table = table->file();
  }
  std::optional<OutputFile> part;
  if (!options.component_part.empty()) {
    side_files.component_part_name = relative(options.component_part);
    part.emplace(options.component_part);
    if (!part->is_open()) return 2;
    side_files.component_part = part->file();
  }
  OutputFile out(options.output);
  if (!out.is_open()) return 2;
  const bool written = write_region_scenario(shape, out.file(), side_files);
  const bool table_closed = !table || table->close();
  const bool part_closed = !part || part->close();
  const bool closed = out.close();
  if (!written) fmt::print(stderr, "outagesim generate: a write failed\n");
  return written && table_closed && part_closed && closed ? 0 : 2;
}

}  // namespace outagesim::cli
