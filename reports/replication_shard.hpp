// The shard file: the outcomes of a contiguous range of replications, written by `run --shard I/N` and read
// by `merge`, exact to the bit (times as integer ms, drawn inputs as doubles that round-trip), so that the
// merged statistics are the bytes one process would print. The outcome encoding is shared with the byte
// messages MPI ranks send to rank 0. docs/results-json.md describes the format.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "models/results/replication_outcome.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "sim/replication_range.hpp"

namespace outagesim::reports {

// Bumped whenever the meaning of a shard file's keys changes; merge refuses any other.
inline constexpr int kShardFormatVersion = 1;

struct ReplicationShard {
  std::string kind = "run";  // what made it: "run" (replications of the scenario as typed)
  std::string version;       // of the outagesim that wrote it
  std::uint64_t scenario_hash = 0;
  std::uint64_t seed = 0;
  std::uint64_t runs = 0;                            // R: replications of the whole job
  std::uint64_t shards = 1;                          // N
  std::uint64_t shard = 0;                           // I, in [0, N)
  sim::ReplicationRange range;                       // [I*R/N, (I+1)*R/N)
  std::vector<models::ReplicationOutcome> outcomes;  // replications range.begin, ... in order
};

nlohmann::ordered_json shard_json(const ReplicationShard& shard);
// shard_json as the file holds it: the keys one a line, then one outcome a line, so a shard reads and
// diffs line by line.
std::string shard_file_text(const ReplicationShard& shard);
// What is wrong with a shard document or one outcome in it: the words, without a file name, and the JSON
// Pointer (RFC 6901) of the value they are about, relative to the document read ("" for all of it), so
// that a file's message can give its line and column.
struct ShardProblem {
  std::string message;
  std::string pointer;
};
// Reads a shard document, checking its keys and that every outcome has the shape `spec` gives it (one
// entry per tenant function, milestone and input). On failure `problem` says what is wrong and where,
// and `shard` is empty.
struct ShardReading {
  std::optional<ReplicationShard> shard;
  ShardProblem problem;
};
// What the shards must match: the scenario `merge` was given, and the outagesim reading them (a shard
// written by another version may hold other outcomes).
struct ShardExpectation {
  std::uint64_t scenario_hash = 0;
  std::string scenario_file;
  std::string version;
};
// Why a shard of this version and scenario hash is not one of `expected`'s, if it is not; with its
// pointer ("/outagesim" or "/scenario_hash").
std::optional<ShardProblem> origin_mismatch(const std::string& version, std::uint64_t scenario_hash,
                                            const ShardExpectation& expected);

// With `expected`, a shard of another version or scenario is refused for that, before its outcomes are
// read against `spec` (whose shape they would not have).
ShardReading shard_from_json(const nlohmann::json& doc, const models::ScenarioSpec& spec,
                             const ShardExpectation* expected = nullptr);

// One outcome, as in a shard file's "outcomes".
nlohmann::ordered_json outcome_json(const models::ReplicationOutcome& outcome);
// The inverse of outcome_json, checked against `spec`; the problem, its pointer into `doc`, when it does
// not fit.
std::optional<ShardProblem> outcome_from_json(const nlohmann::json& doc, const models::ScenarioSpec& spec,
                                              models::ReplicationOutcome& out);
// Whether `outcome` holds values a run of `spec` cannot give (times outside the horizon, a draw outside
// its distribution): a shard edited by hand, or written by a bug, must not become a plausible report.
// The problem's pointer is into outcome_json(outcome).
std::optional<ShardProblem> outcome_problem(const models::ReplicationOutcome& outcome,
                                            const models::ScenarioSpec& spec);

}  // namespace outagesim::reports
