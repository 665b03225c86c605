// The statistics of many replications: per tenant function the distribution of its downtime (mean with
// a 95 % confidence interval, percentiles, maximum) and the probability that it breaches its tenant's
// SLA; per milestone the band its simulated time falls in; per uncertain input the spread of its draws.
// A pure function of the outcomes in replication order, so any split of the replications over threads,
// shards or MPI ranks that hands back the same outcomes gives the same bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "models/results/replication_outcome.hpp"
#include "sim/sample_statistics.hpp"

namespace outagesim::models {

struct FunctionStatistics {
  FunctionRef ref;
  sim::Summary downtime_s;  // seconds
  sim::Summary degraded_s;
  std::optional<sim::Proportion> sla_breach;  // none when the tenant has no SLA
  // Replications in which it was still down, or degraded, at the horizon: its time in that state is cut
  // there, so the statistics above are lower bounds.
  std::uint64_t down_at_horizon = 0;
  std::uint64_t degraded_at_horizon = 0;
};

struct MilestoneBand {
  std::uint32_t milestone = 0;  // index into ScenarioSpec::milestones
  std::uint64_t happened = 0;   // replications in which it happened
  // Of the replications in which it happened, in seconds since the start (or of downtime).
  std::optional<double> p5_s, p50_s, p95_s;
  // Whether the public time lies within [p5, p95] (for a max_downtime bound: whether p95 keeps to it);
  // none without a public time or a band.
  std::optional<bool> public_inside;
};

struct InputStatistics {
  std::uint32_t input = 0;  // index into ScenarioSpec::inputs
  sim::Summary drawn;       // in the input's own numbers (ms for times)
};

struct ReplicationStatistics {
  std::uint64_t runs = 0;
  std::vector<FunctionStatistics> functions;
  std::vector<MilestoneBand> milestones;
  std::vector<InputStatistics> inputs;
};

ReplicationStatistics replication_statistics(const ScenarioSpec& spec,
                                             std::span<const ReplicationOutcome> outcomes);

}  // namespace outagesim::models
