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
  const RegionShape shape{options.zones,    options.rooms,   options.hosts,
                          options.services, options.tenants, options.seed};
  // The tenant table, when asked for, is named in the scenario relative to the scenario's folder.
  TenantOutput tenants;
  std::optional<OutputFile> table;
  if (!options.tenant_table.empty()) {
    namespace fs = std::filesystem;
    const fs::path folder =
        options.output.empty() ? fs::current_path() : fs::absolute(options.output).parent_path();
    tenants.table_name = fs::absolute(options.tenant_table).lexically_relative(folder).generic_string();
    table.emplace(options.tenant_table);
    if (!table->is_open()) return 2;
    tenants.table = table->file();
  }
  OutputFile out(options.output);
  if (!out.is_open()) return 2;
  const bool written = write_region_scenario(shape, out.file(), tenants);
  const bool table_closed = !table || table->close();
  const bool closed = out.close();
  if (!written) fmt::print(stderr, "outagesim generate: a write failed\n");
  return written && table_closed && closed ? 0 : 2;
}

}  // namespace outagesim::cli
