// Reports of `outagesim sensitivity`: the tornado (one input at a time at its p10 and p90) and the rank
// correlations of the inputs' draws with one tenant's or tenant function's downtime, as text, JSON and CSV.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "models/scenario/scenario_spec.hpp"
#include "models/scenario/sensitivity.hpp"
#include "reports/run_metadata.hpp"

namespace outagesim::reports {

struct Sensitivity {
  models::SensitivityTarget target;
  models::Tornado tornado;
  models::RankCorrelations correlations;
  std::uint64_t requested = 0;  // replications asked for
  bool stopped = false;         // interrupted: the correlations cover the first correlations.runs only
};

// "shop" or "shop/checkout".
std::string target_name(const models::ScenarioSpec& spec, const models::SensitivityTarget& target);

std::string sensitivity_text(const models::ScenarioSpec& spec, const Sensitivity& s, const RunMetadata& meta);
nlohmann::ordered_json sensitivity_json(const models::ScenarioSpec& spec, const Sensitivity& s,
                                        const RunMetadata& meta);
// One row per input in tornado order: its values, the downtimes and swing, and its rank correlation.
std::string sensitivity_csv(const models::ScenarioSpec& spec, const Sensitivity& s);

}  // namespace outagesim::reports
