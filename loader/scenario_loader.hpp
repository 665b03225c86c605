// The edge where scenarios come in: a YAML file (or text) becomes a validated ScenarioSpec, or a list
// of every problem found, each at its file:line:column. yaml-cpp's exceptions stop here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "loader/diagnostic.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::loader {

struct LoadResult {
  std::optional<models::ScenarioSpec> spec;  // set only when there are no diagnostics
  std::vector<Diagnostic> diagnostics;
  std::string file;    // what diagnostics call the scenario
  std::string source;  // the file's text, for rendering diagnostics
  // FNV-1a of the file's bytes, then of each included part's, its tenant table's and its CSVs of samples',
  // for result metadata.
  std::uint64_t content_hash = 0;
  // The files the scenario includes (scenario_parts.hpp), each with its text, for rendering diagnostics.
  std::vector<std::pair<std::string, std::string>> parts;
  // The other files it read: its tenant table, the CSVs of its empirical distributions.
  std::vector<std::string> read_files;

  bool ok() const { return spec.has_value(); }
  // Warnings of a scenario that loaded (LoadResult::spec set): things that likely do not do what the author
  // meant, such as a plant that nothing restarts after a power loss.
  std::vector<Diagnostic> warnings;

  // Every diagnostic rendered with its source line and caret, then a one-line count.
  std::string render() const;
  // Every warning rendered the same way, without a count; empty when there is none.
  std::string render_warnings() const;

 private:
  std::string render_list(const std::vector<Diagnostic>& list) const;
};

// Files larger than this are refused before parsing.
inline constexpr std::size_t kMaxScenarioBytes = 64 * 1024 * 1024;

// Nodes that YAML aliases may add to a file when readers walk each repeat (*name) of an anchored node,
// for the whole file: a budget per requirement alone let many small repeats add up to gigabytes.
inline constexpr std::size_t kMaxAliasExpansion = 1'000'000;

// Lists and mappings nested deeper than this are refused (the whole document is level 1). A requirement
// of 32 levels (reference_reader.cpp), written as mappings, takes about 70.
inline constexpr int kMaxNestingDepth = 100;

// `extra` are more parts, as if the scenario's `include` listed them last (`run --tenant-file`), with
// paths relative to the working folder.
LoadResult load_scenario_file(const std::string& path, const std::vector<std::string>& extra = {});
// `file_name` is what diagnostics call the text; the scenario's `include` paths are relative to its folder.
LoadResult load_scenario_text(std::string_view text, std::string file_name,
                              const std::vector<std::string>& extra = {});

}  // namespace outagesim::loader
