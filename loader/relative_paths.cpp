// Relative paths in scenario files, resolved through symbolic links.
#include "loader/relative_paths.hpp"

#include <system_error>

namespace outagesim::loader {

namespace fs = std::filesystem;

fs::path folder_for_relative_paths(std::string_view file) {
  const fs::path path(file);
  std::error_code ec;
  if (!fs::is_symlink(path, ec) || ec) return path.parent_path();
  const fs::path target = fs::weakly_canonical(path, ec);
  return ec ? path.parent_path() : target.parent_path();
}

}  // namespace outagesim::loader
