// Where a path written in a scenario file is read from when it is relative.
#pragma once

#include <filesystem>
#include <string_view>

namespace outagesim::loader {

// The folder that paths written in `file` (includes, tenant tables, CSV samples) are relative to: the
// file's own folder, or, when `file` is a symbolic link, the folder of the file it leads to, so a scenario
// reads the same side files whether it is named by its link or by itself (`generate -o link` writes them
// beside the file it writes through the link).
std::filesystem::path folder_for_relative_paths(std::string_view file);

}  // namespace outagesim::loader
