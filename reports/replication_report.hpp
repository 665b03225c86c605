// Reports of many replications: the text and JSON summaries (per tenant function the downtime
// distribution and SLA breach probability, per milestone a band, per input its draws), and the
// per-replication samples as CSV.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "models/results/replication_outcome.hpp"
#include "models/results/replication_statistics.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "reports/run_metadata.hpp"

namespace outagesim::reports {

// How the replications were asked for and how far they got.
struct ReplicationMetadata {
  RunMetadata run;
  std::uint64_t requested = 0;  // replications asked for
  bool stopped = false;         // interrupted: the statistics cover the first `runs` only
};

std::string replication_text(const models::ScenarioSpec& spec, const models::ReplicationStatistics& stats,
                             const ReplicationMetadata& meta);
nlohmann::ordered_json replication_json(const models::ScenarioSpec& spec,
                                        const models::ReplicationStatistics& stats,
                                        const ReplicationMetadata& meta);
// One row per replication: its number, each input's draw, then per tenant function the downtime and
// degraded seconds and whether it breached its SLA, then each milestone's simulated seconds (empty when
// it did not happen).
std::string samples_csv(const models::ScenarioSpec& spec,
                        std::span<const models::ReplicationOutcome> outcomes);

// An input's drawn value as people read it: a duration or clock time, or the number.
std::string input_value_text(const models::ScenarioSpec& spec, const models::UncertainInput& input,
                             double value);
// The first keys of every replicated result: header_json's, then how many replications were asked for and
// made, and whether Ctrl-C cut them short.
nlohmann::ordered_json replication_header_json(const models::ScenarioSpec& spec,
                                               const ReplicationMetadata& meta, std::uint64_t runs);
// Its distribution with parameters in the same terms.
std::string input_distribution_text(const models::ScenarioSpec& spec, const models::UncertainInput& input);

}  // namespace outagesim::reports
