// `outagesim run S --runs N`: N replications on threads, with a progress bar on a terminal, a clean stop
// on Ctrl-C (reporting the replications that finished), and the statistics as text or JSON. With
// `--shard I/N` only part I of the replications runs and is written as a shard file for `merge`; under
// mpirun (an OUTAGESIM_MPI build) the ranks split the range, and rank 0 gathers and reports. Either way
// replication r is the same pure function of (scenario, seed, r), so the bytes do not depend on how the
// work was split.
#include <fmt/format.h>

#include <charconv>

#include "cli/commands.hpp"
#include "cli/process_group.hpp"
#include "cli/replication_watch.hpp"
#include "models/results/replication_statistics.hpp"
#include "models/scenario/replications.hpp"
#include "reports/replication_report.hpp"
#include "reports/replication_shard.hpp"
#include "sim/replication_range.hpp"

namespace outagesim::cli {
namespace {

struct ShardPart {
  std::uint64_t part = 0;
  std::uint64_t parts = 1;
};

// "I/N" with 0 <= I < N < 2^32.
std::optional<ShardPart> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  ShardPart p;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  const auto a = std::from_chars(first, first + slash, p.part);
  const auto b = std::from_chars(first + slash + 1, last, p.parts);
  if (a.ec != std::errc() || a.ptr != first + slash || b.ec != std::errc() || b.ptr != last)
    return std::nullopt;
  if (p.parts == 0 || p.parts >= (std::uint64_t{1} << 32) || p.part >= p.parts) return std::nullopt;
  return p;
}

// What a rank sends rank 0: its outcomes and whether it was stopped, as MessagePack (exact for integers
// and doubles, and smaller than JSON text).
std::string rank_message(const models::ReplicationRun& run) {
  nlohmann::ordered_json doc;
  doc["stopped"] = run.stopped;
  auto& outcomes = doc["outcomes"] = nlohmann::ordered_json::array();
  for (const auto& o : run.outcomes) outcomes.push_back(reports::outcome_json(o));
  const std::vector<std::uint8_t> bytes = nlohmann::ordered_json::to_msgpack(doc);
  return std::string(bytes.begin(), bytes.end());
}

// Rank 0: the ranks' outcomes joined in rank order, up to the first rank that did not finish its range (so
// an interrupted MPI run, like a threaded one, reports a complete prefix). `stopped` is set when that
// prefix is short of the whole range.
std::vector<models::ReplicationOutcome> join_ranks(const std::vector<std::string>& messages,
                                                   const models::ScenarioSpec& spec,
                                                   sim::ReplicationRange whole, bool& stopped) {
  std::vector<models::ReplicationOutcome> joined;
  stopped = false;
  const auto ranks = static_cast<std::uint64_t>(messages.size());
  for (std::uint64_t rank = 0; rank < ranks; ++rank) {
    const nlohmann::json doc = nlohmann::json::from_msgpack(messages[rank]);
    const sim::ReplicationRange range = sim::part_of(whole, ranks, rank);
    const auto& outcomes = doc.at("outcomes");
    for (const auto& o : outcomes) {
      models::ReplicationOutcome outcome;
      if (auto error = reports::outcome_from_json(o, spec, outcome))
        throw std::runtime_error(fmt::format("rank {} sent a bad outcome: {}", rank, error->message));
      joined.push_back(std::move(outcome));
    }
    if (doc.at("stopped").get<bool>() || outcomes.size() != range.size()) {
      stopped = true;
      break;
    }
  }
  return joined;
}

}  // namespace

int write_replication_report(const ReplicationReportRequest& request, const loader::LoadResult& loaded,
                             const std::vector<models::ReplicationOutcome>& outcomes) {
  const models::ScenarioSpec& spec = *loaded.spec;
  const models::ReplicationStatistics stats = models::replication_statistics(spec, outcomes);
  const reports::ReplicationMetadata meta{run_metadata(loaded, request.scenario_file, request.seed),
                                          request.requested, request.stopped};
  const std::string text = request.format == "json"
                               ? reports::replication_json(spec, stats, meta).dump(2) + "\n"
                               : reports::replication_text(spec, stats, meta);
  if (!request.samples.empty() && !write_output(request.samples, reports::samples_csv(spec, outcomes)))
    return 2;
  if (!write_output(request.output, text)) return 2;
  return request.stopped ? 130 : 0;
}

int run_replications_command(const RunOptions& options, const loader::LoadResult& loaded) {
  const models::ScenarioSpec& spec = *loaded.spec;
  const std::uint64_t seed = options.seed.value_or(spec.seed);
  const std::uint64_t runs = *options.runs;
  std::optional<ShardPart> shard;
  if (!options.shard.empty()) {
    shard = parse_shard(options.shard);
    if (!shard) {
      fmt::print(stderr, "outagesim: --shard {}: expected I/N with 0 <= I < N, such as 0/4\n", options.shard);
      return 2;
    }
  }
  const sim::ReplicationRange whole =
      shard ? sim::part_of({0, runs}, shard->parts, shard->part) : sim::ReplicationRange{0, runs};
  const ProcessGroup group = process_group();
  const sim::ReplicationRange mine =
      sim::part_of(whole, static_cast<std::uint64_t>(group.size), static_cast<std::uint64_t>(group.rank));

  // Under MPI only rank 0 draws, and only its own range: several bars on one terminal would fight.
  ReplicationWatch watch(mine.size(), options.quiet || group.rank != 0);
  models::ReplicationRun run =
      models::run_replications(spec, seed, mine.begin, mine.end, options.threads, watch.control());
  watch.finish();

  std::vector<models::ReplicationOutcome> outcomes;
  bool stopped = run.stopped;
  if (group.size > 1) {
    const std::vector<std::string> messages = gather_to_first(rank_message(run));
    if (group.rank != 0) return 0;  // rank 0 reports for all
    outcomes = join_ranks(messages, spec, whole, stopped);
  } else {
    outcomes = std::move(run.outcomes);
  }

  if (shard) {
    if (stopped) {
      fmt::print(stderr,
                 "outagesim: interrupted after {} of the shard's {} replications; shard not written\n",
                 outcomes.size(), whole.size());
      return 130;
    }
    reports::ReplicationShard file;
    file.version = OUTAGESIM_VERSION;
    file.scenario_hash = loaded.content_hash;
    file.seed = seed;
    file.runs = runs;
    file.shards = shard->parts;
    file.shard = shard->part;
    file.range = whole;
    file.outcomes = std::move(outcomes);
    if (!options.samples.empty() && !write_output(options.samples, reports::samples_csv(spec, file.outcomes)))
      return 2;
    return write_output(options.output, reports::shard_file_text(file)) ? 0 : 2;
  }
  if (outcomes.size() < 2) {  // one draw has no spread: no interval to give, as --runs 1 is refused
    fmt::print(stderr,
               "outagesim: interrupted {}; fewer than 2 give no spread or interval, so nothing is reported\n",
               outcomes.empty() ? "before any replication finished" : "after 1 replication");
    return 130;
  }
  return write_replication_report(
      {options.scenario, seed, runs, stopped, options.format, options.output, options.samples}, loaded,
      outcomes);
}

}  // namespace outagesim::cli
