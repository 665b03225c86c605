// The subcommands of the outagesim executable. Each returns the process exit status:
// 0 success, 1 a scenario problem (reported on stderr), 2 a usage or output problem; main() adds 3 for
// an internal error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "loader/scenario_loader.hpp"

namespace outagesim::cli {

struct RunOptions {
  std::string scenario;
  std::string format = "text";  // text | json
  std::optional<std::uint64_t> seed;
  std::string output;  // empty: stdout
};

struct CompareOptions {
  std::string scenario;
  std::string tenant;           // empty: every tenant with variants
  std::string format = "text";  // text | json | csv | markdown
  std::optional<std::uint64_t> seed;
  std::string output;
};

struct ValidateOptions {
  std::vector<std::string> scenarios;
};

int run_command(const RunOptions& options);
int validate_command(const ValidateOptions& options);
int compare_command(const CompareOptions& options);

// Loads the scenario at `path`; when it has problems, prints them all to stderr and returns nothing.
std::optional<loader::LoadResult> load_or_report(const std::string& path);

// Writes `text` to `path`, or to stdout when `path` is empty. Returns false (after saying why) on failure.
bool write_output(const std::string& path, const std::string& text);

}  // namespace outagesim::cli
