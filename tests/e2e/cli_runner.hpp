// Runs the outagesim executable as a user would, capturing exit status, stdout and stderr.
#pragma once

#include <string>

namespace outagesim::testing {

struct CliResult {
  int status = -1;
  std::string out;
  std::string err;
};

// `arguments` is appended to the executable's path as shell words; runs in the source directory.
CliResult run_cli(const std::string& arguments);

}  // namespace outagesim::testing
