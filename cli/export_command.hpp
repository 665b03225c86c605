// `outagesim export fis S` and `outagesim export chaostoolkit S`: the scenario's faults as an experiment
// to rehearse on the real system (reports/fis_export.hpp, reports/chaostoolkit_export.hpp).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace outagesim::cli {

struct ExportOptions {
  std::string format;  // fis | chaostoolkit: the sub-subcommand given
  std::string scenario;
  std::optional<std::uint64_t> seed;
  std::string output;  // empty: stdout
};

// Adds `export` and its two formats to `app`, filling `options`; returns the `export` subcommand.
CLI::App* add_export_subcommand(CLI::App& app, ExportOptions& options, const CLI::Validator& seed_text);

// Writes the experiment; the faults it cannot map go to stderr as "unmapped: ..." lines (exit 0 all the
// same: they are part of the answer). 1 for a scenario problem, 2 for an output problem.
int export_command(const ExportOptions& options);

}  // namespace outagesim::cli
