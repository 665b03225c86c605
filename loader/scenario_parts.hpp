// Internal to the loader: a scenario made of parts. The top-level key `include` names other YAML files
// (a region template, an incident, tenant files), read before the file's own keys and merged into one
// document that the ScenarioReader reads as if it were one file (docs/scenario-format.md, "include").
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loader/yaml_map.hpp"

namespace outagesim::loader {

// Parts include parts up to this depth (the scenario file is depth 0).
inline constexpr int kMaxIncludeDepth = 8;
// At most this many files make one scenario, the scenario file included.
inline constexpr std::size_t kMaxScenarioParts = 64;

// One file of a scenario. Its lines are numbered from `first_line` on in one line space shared by all
// parts (see DiagnosticSink::add_part): a part is parsed after that many blank lines.
struct ScenarioPart {
  std::string file;
  std::string source;  // the text, with LF line ends
  int first_line = 0;  // 0-based
};

// Parses one part's text into its document, reporting problems to the sink; none when it cannot be read.
using ParseDocument = std::function<std::optional<YamlTree>(ScenarioPart&, DiagnosticSink&)>;

// The text of the file at `path`, or the problem and what was expected. Stops reading past `max_bytes`:
// a pipe or /dev/zero has no size to check first, and may never end.
struct FileText {
  std::optional<std::string> text;
  std::string problem;
  std::string expected;
};
FileText read_file_text(const std::string& path, std::size_t max_bytes);

// What a scenario file and its parts make together.
struct Assembled {
  YamlTree tree;                    // the merged document; it holds the included files' trees, not `main`'s
  std::vector<ScenarioPart> parts;  // the included files, in the order they were read
  std::size_t bytes = 0;            // of all parts, the scenario file's included
  std::uint64_t content_hash = 0;   // the scenario file's hash, then each part's bytes folded in
};

// Merges `main` (the document of `file`: `main_bytes` long, hashed to `main_hash`, lines 0 to
// `main_lines` - 1) with the parts it includes, then with `extra` (files named on the command line,
// relative to the working folder), which come last. Problems go to the sink, each at its part's
// file:line:column; `parse` reads each included file and may rewrite its source's line ends to LF.
Assembled assemble_parts(const YamlNode& main, const std::string& file, std::size_t main_bytes,
                         std::uint64_t main_hash, int main_lines, const std::vector<std::string>& extra,
                         DiagnosticSink& sink, const ParseDocument& parse);

}  // namespace outagesim::loader
