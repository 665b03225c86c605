// The subcommands of the outagesim executable. Each returns the process exit status:
// 0 success, 1 a scenario problem (reported on stderr), 2 a usage or output problem; main() adds 3 for
// an internal error.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loader/scenario_loader.hpp"
#include "models/results/replication_outcome.hpp"
#include "reports/run_metadata.hpp"

namespace outagesim::cli {

struct RunOptions {
  std::string scenario;
  // More parts of the scenario (`--tenant-file`), read after its own keys and includes.
  std::vector<std::string> tenant_files;
  std::string format = "text";  // text | json
  std::optional<std::uint64_t> seed;
  std::string output;  // empty: stdout
  // Replications: none for one run of the scenario as typed (its inputs at their nominal values).
  std::optional<std::uint64_t> runs;
  unsigned threads = 0;              // 0: one per hardware thread
  bool quiet = false;                // no progress bar
  std::string samples;               // per-replication CSV, when given
  std::string shard;                 // "I/N": run only part I of N and write it as a shard file for `merge`
  bool summary = false;              // JSON: per-tenant totals and intervals, without journal references
  bool timings = false;              // time and peak memory per phase, on stderr
  bool timeline = false;             // a terminal drawing of the run instead of the report
  bool ascii = false;                // timeline: ASCII characters even in a UTF-8 locale
  std::optional<std::size_t> width;  // timeline: columns; none: $COLUMNS, the terminal, or 100
};

struct CompareOptions {
  std::string scenario;
  // More parts of the scenario (`--tenant-file`), read after its own keys and includes.
  std::vector<std::string> tenant_files;
  std::string tenant;           // empty: every tenant with variants
  std::string format = "text";  // text | json | csv | markdown
  std::optional<std::uint64_t> seed;
  std::string output;
  std::optional<std::uint64_t> runs;  // replications with common random numbers; none: one run each
  unsigned threads = 0;
  bool quiet = false;
};

struct MergeOptions {
  std::string scenario;
  std::vector<std::string> shards;  // shard files of `run --shard`
  std::string format = "text";      // text | json
  std::string output;
  std::string samples;
};

struct SensitivityOptions {
  std::string scenario;
  std::vector<std::string> tenant_files;  // more parts of the scenario (`--tenant-file`)
  std::string tenant;
  std::string function;  // empty: the tenant as a whole
  std::string variant;   // empty: the scenario's strategies as written
  bool not_up = false;   // measure the time not up (down or degraded), not the downtime alone
  std::uint64_t runs = 1000;
  std::optional<std::uint64_t> seed;
  unsigned threads = 0;         // 0: one per hardware thread
  bool quiet = false;           // no progress bar
  std::string format = "text";  // text | json | csv
  std::string output;
};

struct ExplainOptions {
  std::string scenario;
  std::vector<std::string> tenant_files;  // more parts of the scenario (`--tenant-file`)
  std::string tenant;
  std::string function;  // empty: every function of the tenant
  std::string variant;   // empty: the scenario's strategies as written
  std::optional<std::uint64_t> seed;
  std::string output;  // empty: stdout
};

struct RankOptions {
  std::string scenario;
  std::vector<std::string> tenant_files;  // more parts of the scenario (`--tenant-file`)
  std::string variant;                    // empty: the scenario's strategies as written
  bool not_up = false;                    // count degraded time with down time
  std::string format = "text";            // text | json | csv
  std::optional<std::uint64_t> seed;
  std::string output;  // empty: stdout
};

struct ReportOptions {
  std::string scenario;
  std::vector<std::string> tenant_files;  // more parts of the scenario (`--tenant-file`)
  std::optional<std::uint64_t> seed;
  std::string output;                 // empty: stdout
  std::optional<std::uint64_t> runs;  // replications of the variant comparison; none: one run each
  unsigned threads = 0;               // 0: one per hardware thread
  bool quiet = false;                 // no progress bar
};

struct GraphOptions {
  std::string scenario;
  std::vector<std::string> tenant_files;  // more parts of the scenario (`--tenant-file`)
  std::string at;                         // empty: colour by the worst state over the run
  std::string tenant;                     // empty: the whole region
  std::optional<std::uint64_t> seed;
  std::string output;  // empty: stdout
};

struct SweepOptions {
  std::string scenario;
  std::vector<std::string> tenant_files;  // more parts of the scenario (`--tenant-file`)
  std::string variant;                    // empty: the scenario's strategies as written
  std::string duration = "4h";  // how long each component stays failed, as a scenario writes durations
  std::string format = "text";  // text | json | csv
  std::optional<std::uint64_t> seed;
  std::string output;  // empty: stdout
};

struct GenerateOptions {
  int zones = 3;
  int rooms = 2;      // per zone
  int hosts = 4;      // host pools per zone
  int services = 18;  // in the region
  std::uint64_t tenants = 100;
  std::uint64_t seed = 1;
  std::string output;  // empty: stdout
  // When set, most tenants go to this JSON Lines file (the scenario's tenant_table), next to `output`.
  std::string tenant_table;
  // When set, the components go to this JSON file, which the scenario includes.
  std::string component_part;
};

struct ValidateOptions {
  std::vector<std::string> scenarios;
  bool strict = false;  // --strict: a scenario with warnings fails too (exit 1)
};

int run_command(const RunOptions& options);
// `run --runs N`: replications and their statistics.
int run_replications_command(const RunOptions& options, const loader::LoadResult& loaded);
// `run --timeline`: one line per tenant function, fitted to the terminal (reports/terminal_timeline.hpp).
int run_timeline_command(const RunOptions& options, const loader::LoadResult& loaded);
int validate_command(const ValidateOptions& options);
// `generate`: a synthetic region scenario (cli/region_generator.hpp), streamed to the output.
int generate_command(const GenerateOptions& options);
// `merge S SHARD...`: the report of the shards' replications, the bytes `run --runs R` prints.
int merge_command(const MergeOptions& options);
int compare_command(const CompareOptions& options);
// Exit 1 also for a scenario without uncertain inputs: there is nothing to vary.
int sensitivity_command(const SensitivityOptions& options);
// `explain S --tenant T [--function F]`: which cause held each part of the tenant's outage, in sentences.
int explain_command(const ExplainOptions& options);
// `rank S`: components by the downtime they held and what removing their faults saves.
int rank_command(const RankOptions& options);
// `report S -o report.html`: the run and its variant comparison as one self-contained HTML page.
int report_command(const ReportOptions& options);
// `graph S`: the dependency graph as Graphviz DOT, coloured by state (reports/graph_dot.hpp).
int graph_command(const GraphOptions& options);
// `sweep S`: each component failed alone at the start, and the tenant functions that go down.
int sweep_command(const SweepOptions& options);

// Writes the statistics of `outcomes` (replications 0, 1, ... in order) as `run --runs` does, and the
// samples CSV when `samples` is not empty; shared by `run`, `merge` and the MPI run so that all print the
// same bytes. Returns the exit status.
struct ReplicationReportRequest {
  std::string scenario_file;  // as the user gave it
  std::uint64_t seed = 0;
  std::uint64_t requested = 0;  // replications asked for
  bool stopped = false;
  std::string format = "text";
  std::string output;
  std::string samples;
};
int write_replication_report(const ReplicationReportRequest& request, const loader::LoadResult& loaded,
                             const std::vector<models::ReplicationOutcome>& outcomes);

// Loads the scenario at `path`; when it has problems, prints them all to stderr and returns nothing.
// `tenant_files` are more parts of the scenario, read after those it includes (`--tenant-file`).
std::optional<loader::LoadResult> load_or_report(const std::string& path,
                                                 const std::vector<std::string>& tenant_files = {});
// What produced a result of the scenario `loaded` (read from `file`): the version, its hash, the seed,
// the variant put in place, and its warnings.
reports::RunMetadata run_metadata(const loader::LoadResult& loaded, const std::string& file,
                                  std::uint64_t seed, const std::string& variant = {});
// `spec` with the strategy variant named `variant` in place (models::apply_variant), or nothing after a
// usage message on stderr (no such variant, with a suggestion; or a name two tenants' variants share).
std::optional<models::ScenarioSpec> with_variant(const models::ScenarioSpec& spec, const std::string& variant,
                                                 std::string_view command);

// Marks `path` as an input of this command: an OutputFile on the same file refuses to open (as a failure
// to write: exit 2), since writing it would destroy what was read.
void guard_input(const std::string& path);
// Checks, before any is opened, that the command's outputs (empty paths: stdout, skipped) are distinct
// files and none is an input. On a clash says which, and that nothing was written, and returns false
// (exit 2): an OutputFile would refuse only its own file, after the ones before it were written.
bool claim_outputs(const std::vector<std::string>& paths);
// Whether two paths name one file: the same inode when both exist, else the same canonical path.
bool same_file(const std::string& a, const std::string& b);

// Writes `text` to `path`, or to stdout when `path` is empty. Returns false (after saying why) on failure.
bool write_output(const std::string& path, const std::string& text);

// Output written in pieces, to a file or (for an empty path) stdout. A failure to open, write or close
// is reported on stderr with its reason once; close() says whether everything was written.
class OutputFile {
 public:
  explicit OutputFile(std::string path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  bool is_open() const { return out_ != nullptr; }
  // For writers that print to a FILE* (fmt::print); null once closed or when it failed to open.
  std::FILE* file() const { return out_; }
  void write(std::string_view text);
  bool close();

 private:
  bool fail(int error);

  std::string path_;
  std::FILE* out_ = nullptr;
  bool failed_ = false;
};

}  // namespace outagesim::cli
