// Runs the outagesim executable as a user would, capturing exit status, stdout and stderr.
#pragma once

#include <filesystem>
#include <string>

namespace outagesim::testing {

struct CliResult {
  int status = -1;
  std::string out;
  std::string err;
};

// `arguments` is appended to the executable's path as shell words; runs in the source directory.
CliResult run_cli(const std::string& arguments);

// A path that no other test process uses: `name` (kept last, so its extension stays) after a counter, in a
// directory of this process's own that is removed when the process ends. Two runs of the suite on one
// machine must not share files, nor leave them behind.
std::filesystem::path unique_temp_path(const std::string& name);

}  // namespace outagesim::testing
