// `outagesim generate`: writes a synthetic region scenario of the asked size, for scale tests.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "cli/commands.hpp"
#include "cli/region_generator.hpp"
#include "loader/scenario_loader.hpp"

namespace outagesim::cli {

namespace {

// One output of the command, written first to a temporary file and put in place only once the whole
// scenario is written and accepted: a refused or failed generation leaves what was there before. A new
// or regular file is staged beside itself and renamed over; stdout, or a path that is no regular file (a
// pipe, /dev/stdout, a symbolic link, which a rename would replace rather than write through), is staged
// in the temporary directory and copied out.
class StagedOutput {
 public:
  explicit StagedOutput(std::string path) : path_(std::move(path)) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::file_status status = fs::symlink_status(path_, error);
    rename_ = !path_.empty() && (!fs::exists(status) || fs::is_regular_file(status));
    const fs::path target = fs::absolute(path_.empty() ? fs::path("stdout") : fs::path(path_), error);
    const fs::path folder = rename_ ? target.parent_path() : fs::temp_directory_path(error);
    temp_ = (folder / fmt::format(".{}.{}.partial", target.filename().string(), ::getpid())).string();
    file_.emplace(temp_);
  }
  ~StagedOutput() { discard(); }
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;

  bool is_open() const { return file_ && file_->is_open(); }
  std::FILE* file() const { return file_ ? file_->file() : nullptr; }
  bool close() { return file_ && file_->close(); }
  std::uintmax_t size() const {
    std::error_code error;
    const std::uintmax_t bytes = std::filesystem::file_size(temp_, error);
    return error ? 0 : bytes;
  }
  // Puts the written file in place. False, after saying why, on failure.
  bool commit() {
    if (rename_) {
      std::error_code error;
      std::filesystem::rename(temp_, path_, error);
      if (error) fmt::print(stderr, "outagesim generate: cannot write {}: {}\n", path_, error.message());
      if (!error) temp_.clear();
      discard();
      return !error;
    }
    OutputFile out(path_);  // stdout for an empty path
    std::FILE* in = std::fopen(temp_.c_str(), "rb");
    bool ok = in != nullptr && out.is_open();
    char buffer[1 << 16];
    for (std::size_t n = 0; ok && (n = std::fread(buffer, 1, sizeof buffer, in)) > 0;)
      out.write(std::string_view(buffer, n));
    if (in != nullptr) {
      ok = ok && std::ferror(in) == 0;
      ok = std::fclose(in) == 0 && ok;
    }
    ok = out.close() && ok;
    if (!ok && in == nullptr) fmt::print(stderr, "outagesim generate: cannot read back {}\n", temp_);
    discard();
    return ok;
  }
  void discard() {
    if (file_) file_->close();
    if (temp_.empty()) return;
    std::error_code error;
    std::filesystem::remove(temp_, error);
    temp_.clear();
  }

 private:
  std::string path_;
  bool rename_ = false;
  std::string temp_;
  std::optional<OutputFile> file_;
};

// The absolute path of the file a write to `path` lands in: through symbolic links, even one that leads
// to a file not there yet (weakly_canonical() leaves such a link's target relative to the link's folder).
std::filesystem::path written_path(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  if (ec) return path;
  for (int hops = 0; hops < 40 && fs::is_symlink(p, ec); ++hops) {
    const fs::path target = fs::read_symlink(p, ec);
    if (ec) break;
    p = target.is_absolute() ? target : p.parent_path() / target;
  }
  const fs::path resolved = fs::weakly_canonical(p, ec);
  return ec || !resolved.is_absolute() ? p.lexically_normal() : resolved;
}

// A side file of the scenario (the tenant table, the components' part) when `path` is set: staged, and
// named relative to the scenario's `folder`. False when it cannot be opened (OutputFile says why).
bool open_side_file(const std::string& path, const std::filesystem::path& folder,
                    std::optional<StagedOutput>& file, std::FILE*& handle, std::string& name) {
  if (path.empty()) return true;
  name = written_path(path).lexically_relative(folder).generic_string();
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
  // A symbolic link is written through, so the names are relative to the folder of the file it points to.
  const std::filesystem::path folder = options.output.empty() ? written_path(std::filesystem::current_path())
                                                              : written_path(options.output).parent_path();
  if (!claim_outputs({options.output, options.tenant_table, options.component_part})) return 2;
  SideFiles side_files;
  std::optional<StagedOutput> table;
  std::optional<StagedOutput> part;
  if (!open_side_file(options.tenant_table, folder, table, side_files.table, side_files.table_name) ||
      !open_side_file(options.component_part, folder, part, side_files.component_part,
                      side_files.component_part_name)) {
    return 2;
  }
  StagedOutput out(options.output);
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
  if (!written) fmt::print(stderr, "outagesim generate: a write failed{}; nothing was written\n", why);
  if (!(written && table_closed && part_closed && closed)) return 2;
  // The loader reads the scenario and its parts up to one limit together (the tenant table has its own):
  // a region past it would be written and never read, so it is not written.
  const std::uintmax_t bytes = out.size() + (part ? part->size() : 0);
  if (bytes > loader::kMaxScenarioBytes) {
    fmt::print(
        stderr,
        "outagesim generate: the scenario{} would take {} bytes, over the {} the loader reads: it could not "
        "be loaded, and nothing was written (fewer --services or --hosts; the tenants can go to "
        "--tenant-table)\n",
        options.component_part.empty() ? "" : " and its component part", bytes, loader::kMaxScenarioBytes);
    return 2;
  }
  if ((table && !table->commit()) || (part && !part->commit()) || !out.commit()) return 2;
  return 0;
}

}  // namespace outagesim::cli
