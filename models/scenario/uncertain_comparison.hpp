// Comparing strategy variants under uncertainty, with common random numbers: in replication r every
// variant runs on the same drawn inputs and the same model streams (seed, r) as the baseline, so the
// paired differences are the strategy's, not luck. Rows are the baseline's and each variant's for every
// function a variant changes, as in compare_variants().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/scenario/scenario_spec.hpp"
#include "sim/replication_runner.hpp"
#include "sim/sample_statistics.hpp"

namespace outagesim::models {

struct UncertainComparisonRow {
  std::uint32_t tenant = 0;
  std::uint32_t function = 0;
  std::string variant;  // empty for the baseline
  sim::Summary downtime_s;
  // Replications in which it was still down at the horizon: its downtime is cut there, so downtime_s is
  // a lower bound.
  std::uint64_t down_at_horizon = 0;
  // Downtime minus the baseline's in the same replication (none for the baseline row).
  std::optional<sim::PairedComparison> versus_baseline;
  // Rank among the rows of its function by mean downtime (0: best), and the probability that this row's
  // downtime is below that of the row ranked next (paired, per replication; none for the last).
  std::uint32_t rank = 0;
  std::optional<double> beats_next;
  std::optional<double> ties_next;
};

struct UncertainComparison {
  std::uint64_t runs = 0;
  bool stopped = false;
  std::vector<UncertainComparisonRow> rows;
};

UncertainComparison compare_variants_uncertain(const ScenarioSpec& spec, std::uint64_t seed,
                                               std::uint64_t runs, unsigned threads,
                                               const sim::RunControl& control,
                                               std::optional<std::uint32_t> tenant = std::nullopt);

}  // namespace outagesim::models
