// `outagesim generate`: writes a synthetic region scenario of the asked size, for scale tests.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/region_generator.hpp"
#include "loader/scenario_loader.hpp"

namespace outagesim::cli {

namespace {

// Opens a side file of the scenario (the tenant table, the components' part) when `path` is set, and
// gives its name relative to the scenario's `folder`. False when it cannot be opened (OutputFile says why).
bool open_side_file(const std::string& path, const std::filesystem::path& folder,
                    std::optional<OutputFile>& file, std::FILE*& handle, std::string& name) {
  if (path.empty()) return true;
  name = std::filesystem::absolute(path).lexically_relative(folder).generic_string();
  file.emplace(path);
  if (!file->is_open()) return false;
  handle = file->file();
  return true;
}

}  // namespace

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
  const std::filesystem::path folder = options.output.empty()
                                           ? std::filesystem::current_path()
                                           : std::filesystem::absolute(options.output).parent_path();
  if (!claim_outputs({options.output, options.tenant_table, options.component_part})) return 2;
  SideFiles side_files;
  std::optional<OutputFile> table;
  std::optional<OutputFile> part;
  if (!open_side_file(options.tenant_table, folder, table, side_files.table, side_files.table_name) ||
      !open_side_file(options.component_part, folder, part, side_files.component_part,
                      side_files.component_part_name)) {
    return 2;
  }
  OutputFile out(options.output);
  if (!out.is_open()) return 2;
  // fmt::print throws when a write fails (a full disk, /dev/full): that is a failed output, exit 2, as
  // for every other command, not an internal error.
  bool written = false;
  std::string why;
  try {
    written = write_region_scenario(shape, out.file(), side_files);
  } catch (const std::system_error& e) {
    why = ": " + e.code().message();
  }
  const bool table_closed = !table || table->close();
  const bool part_closed = !part || part->close();
  const bool closed = out.close();
  if (!written) fmt::print(stderr, "outagesim generate: a write failed{}\n", why);
  if (!(written && table_closed && part_closed && closed)) return 2;
  // The loader reads the scenario and its parts up to one limit together (the tenant table has its own):
  // a region past it would be written and never read.
  if (!options.output.empty()) {
    std::error_code error;
    std::uintmax_t bytes = std::filesystem::file_size(options.output, error);
    if (!options.component_part.empty()) bytes += std::filesystem::file_size(options.component_part, error);
    if (!error && bytes > loader::kMaxScenarioBytes) {
      fmt::print(stderr,
                 "outagesim generate: the scenario{} takes {} bytes, over the {} the loader reads: it cannot "
                 "be loaded (fewer --services or --hosts; the tenants can go to --tenant-table)\n",
                 options.component_part.empty() ? "" : " and its component part", bytes,
                 loader::kMaxScenarioBytes);
      return 2;
    }
  }
  return 0;
}

}  // namespace outagesim::cli
