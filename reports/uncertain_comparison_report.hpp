// Reports of a comparison under uncertainty: per function, the baseline and each variant with the mean
// downtime and its confidence interval, percentiles, the paired difference against the baseline with its
// confidence interval, and the probability that each beats the next-ranked one. Text, Markdown, CSV, JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "models/scenario/scenario_spec.hpp"
#include "models/scenario/uncertain_comparison.hpp"
#include "reports/replication_report.hpp"

namespace outagesim::reports {

std::string uncertain_comparison_text(const models::ScenarioSpec& spec, const models::UncertainComparison& c,
                                      const ReplicationMetadata& meta);
std::string uncertain_comparison_markdown(const models::ScenarioSpec& spec,
                                          const models::UncertainComparison& c);
std::string uncertain_comparison_csv(const models::ScenarioSpec& spec, const models::UncertainComparison& c);
nlohmann::ordered_json uncertain_comparison_json(const models::ScenarioSpec& spec,
                                                 const models::UncertainComparison& c,
                                                 const ReplicationMetadata& meta);

}  // namespace outagesim::reports
