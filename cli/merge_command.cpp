// `outagesim merge S SHARD...`: reads the shard files of `run --shard I/N`, checks they are the parts of one
// job of scenario S, and prints the report `run S --runs R` would print, byte for byte.
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "loader/diagnostic.hpp"
#include "loader/json_location.hpp"
#include "reports/replication_shard.hpp"
#include "reports/shard_merge.hpp"

namespace outagesim::cli {

int merge_command(const MergeOptions& options) {
  const auto loaded = load_or_report(options.scenario);
  if (!loaded) return 1;
  for (const std::string& file : options.shards) guard_input(file);
  if (!claim_outputs({options.output, options.samples})) return 2;
  const reports::ShardExpectation expected{loaded->content_hash, options.scenario, OUTAGESIM_VERSION};
  std::vector<reports::NamedShard> shards;
  for (const std::string& file : options.shards) {
    std::error_code error;
    if (std::filesystem::is_directory(file, error)) {
      fmt::print(stderr, "{}: error: is a directory, not a shard file\n", file);
      return 1;
    }
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      fmt::print(stderr, "{}: error: cannot read this shard file: {}\n", file,
                 std::strerror(errno != 0 ? errno : EIO));
      return 1;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    // A byte-order mark is no part of the JSON (nlohmann skips it, simdjson's checks would not).
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    constexpr const char* kWhatShard = "a shard file of `outagesim run --shard I/N` (docs/results-json.md)";
    const auto report = [&](const loader::Diagnostic& d) {
      fmt::print(stderr, "{}", loader::format_diagnostic(d, loader::split_lines(text)));
      return 1;
    };
    // nlohmann stops reading at a NUL byte: what follows would go unread.
    if (const auto nul = text.find('\0'); nul != std::string::npos) {
      return report(
          loader::json_syntax_diagnostic(file, text, nul + 1, "a NUL byte, which no JSON holds", kWhatShard));
    }
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      return report(loader::json_syntax_diagnostic(file, text, e.byte, e.what(), kWhatShard));
    } catch (const nlohmann::json::out_of_range& e) {  // a number past a double's range
      return report(loader::json_number_diagnostic(file, text, e.what(), kWhatShard));
    }
    // nlohmann keeps the last of two values for one key: a shard edited that way would merge silently.
    if (const auto twice = loader::json_duplicate_key(file, text, "each key once")) return report(*twice);
    reports::ShardReading reading = reports::shard_from_json(doc, *loaded->spec, &expected);
    if (!reading.shard) {
      return report(loader::json_value_diagnostic(file, text, reading.problem.pointer,
                                                  reading.problem.message, kWhatShard));
    }
    shards.push_back({file, std::move(*reading.shard)});
  }
  const reports::MergedShards merged = reports::merge_shards(shards, expected);
  if (!merged.error.empty()) {
    fmt::print(stderr, "outagesim: merge: {}\n", merged.error);
    return 1;
  }
  return write_replication_report(
      {options.scenario, merged.seed, merged.runs, false, options.format, options.output, options.samples},
      *loaded, merged.outcomes);
}

}  // namespace outagesim::cli
