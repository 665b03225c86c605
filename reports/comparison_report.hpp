// Reports of a strategy comparison: one row per (tenant, function, strategy variant) with downtime,
// its difference from the baseline, time to recover, data lost, SLA credit, and what limited it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "models/scenario/comparison.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "reports/run_metadata.hpp"

namespace outagesim::reports {

std::string comparison_text(const models::ScenarioSpec& spec, const models::Comparison& comparison,
                            const RunMetadata& meta);
std::string comparison_markdown(const models::ScenarioSpec& spec, const models::Comparison& comparison);
std::string comparison_csv(const models::ScenarioSpec& spec, const models::Comparison& comparison);
nlohmann::ordered_json comparison_json(const models::ScenarioSpec& spec, const models::Comparison& comparison,
                                       const RunMetadata& meta);

}  // namespace outagesim::reports
