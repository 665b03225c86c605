// popen-based runner for end-to-end tests.
#include "tests/e2e/cli_runner.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace outagesim::testing {

namespace {
// This process's directory under the temporary one, removed with everything in it when the process ends.
class ProcessTempDir {
 public:
  ProcessTempDir()
      : path_(std::filesystem::temp_directory_path() / ("outagesim-e2e-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
  }
  ~ProcessTempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};
}  // namespace

std::filesystem::path unique_temp_path(const std::string& name) {
  static const ProcessTempDir dir;
  static int counter = 0;
  return dir.path() / (std::to_string(counter++) + "-" + name);
}

CliResult run_cli(const std::string& arguments) {
  const auto err_path = unique_temp_path("stderr");
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
