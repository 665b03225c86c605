// Checks that a set of shard files is one job cut into parts (same scenario, seed, replication count
// and part count, each part exactly once, each with its whole range) and joins their outcomes in
// replication order. Errors name the file they are about.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/results/replication_outcome.hpp"
#include "reports/replication_shard.hpp"

namespace outagesim::reports {

struct NamedShard {
  std::string file;  // as the user gave it, for messages
  ReplicationShard shard;
};

struct MergedShards {
  std::vector<models::ReplicationOutcome> outcomes;  // replications 0 .. runs - 1
  std::uint64_t seed = 0;
  std::uint64_t runs = 0;
  std::string error;  // empty on success
};

MergedShards merge_shards(const std::vector<NamedShard>& shards, const ShardExpectation& expected);

}  // namespace outagesim::reports
