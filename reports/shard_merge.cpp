// Shard checks and concatenation. Every part I of N must appear once with the range part_of gives it and
// all its outcomes, so the concatenation is replications 0 .. R-1, each exactly once, in order.
#include "reports/shard_merge.hpp"

#include <fmt/format.h>

#include <map>

namespace outagesim::reports {

MergedShards merge_shards(const std::vector<NamedShard>& shards, const ShardExpectation& expected) {
  MergedShards merged;
  auto fail = [&merged](std::string message) {
    merged.outcomes.clear();
    merged.error = std::move(message);
    return std::move(merged);
  };
  if (shards.empty()) return fail("no shard files given");
  const ReplicationShard& first = shards.front().shard;
  const std::string& first_file = shards.front().file;
  std::map<std::uint64_t, const NamedShard*> by_part;
  for (const NamedShard& named : shards) {
    const ReplicationShard& s = named.shard;
    const std::string& file = named.file;
    if (s.kind != "run") return fail(fmt::format("{}: a '{}' shard, not one of `run --shard`", file, s.kind));
    if (const auto problem = origin_mismatch(s.version, s.scenario_hash, expected))
      return fail(fmt::format("{}: {}", file, problem->message));
    if (s.seed != first.seed)
      return fail(fmt::format("{}: seed {}, but {} has seed {}", file, s.seed, first_file, first.seed));
    if (s.runs != first.runs)
      return fail(fmt::format("{}: part of a job of {} replications, but {} is part of one of {}", file,
                              s.runs, first_file, first.runs));
    if (s.shards != first.shards)
      return fail(
          fmt::format("{}: one of {} shards, but {} is one of {}", file, s.shards, first_file, first.shards));
    if (s.shards == 0 || s.shards >= (std::uint64_t{1} << 32) || s.shard >= s.shards)
      return fail(fmt::format("{}: shard {}/{} does not exist", file, s.shard, s.shards));
    const sim::ReplicationRange range = sim::part_of({0, s.runs}, s.shards, s.shard);
    if (s.range != range)
      return fail(fmt::format("{}: shard {}/{} of {} replications covers [{}, {}), not [{}, {})", file,
                              s.shard, s.shards, s.runs, range.begin, range.end, s.range.begin, s.range.end));
    if (s.outcomes.size() != range.size())
      return fail(fmt::format("{}: holds {} outcomes for the {} replications of [{}, {})", file,
                              s.outcomes.size(), range.size(), range.begin, range.end));
    for (std::uint64_t k = 0; k < s.outcomes.size(); ++k) {
      if (s.outcomes[k].replication != range.begin + k)
        return fail(fmt::format("{}: outcome {} is of replication {}, expected {}", file, k,
                                s.outcomes[k].replication, range.begin + k));
    }
    const auto [it, inserted] = by_part.emplace(s.shard, &named);
    if (!inserted)
      return fail(
          fmt::format("{}: shard {}/{} given twice (also {})", file, s.shard, s.shards, it->second->file));
  }
  for (std::uint64_t part = 0; part < first.shards; ++part) {
    if (!by_part.contains(part)) {
      const sim::ReplicationRange range = sim::part_of({0, first.runs}, first.shards, part);
      return fail(fmt::format("shard {}/{} (replications [{}, {})) is missing", part, first.shards,
                              range.begin, range.end));
    }
  }
  merged.seed = first.seed;
  merged.runs = first.runs;
  merged.outcomes.reserve(first.runs);
  for (const auto& [part, named] : by_part)
    merged.outcomes.insert(merged.outcomes.end(), named->shard.outcomes.begin(), named->shard.outcomes.end());
  return merged;
}

}  // namespace outagesim::reports
