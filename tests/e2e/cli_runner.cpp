// popen-based runner for end-to-end tests.
#include "tests/e2e/cli_runner.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace outagesim::testing {

CliResult run_cli(const std::string& arguments) {
  static int counter = 0;
  const auto err_path = std::filesystem::temp_directory_path() /
                        ("outagesim-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  const std::string command = std::string("cd '") + OUTAGESIM_SOURCE_DIR + "' && '" + OUTAGESIM_CLI + "' " +
                              arguments + " 2>'" + err_path.string() + "'";
  CliResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path);
  std::stringstream ss;
  ss << err.rdbuf();
  result.err = ss.str();
  std::filesystem::remove(err_path);
  return result;
}

}  // namespace outagesim::testing
