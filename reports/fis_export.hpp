// The chaos plan (reports/chaos_plan.hpp) as an AWS FIS experiment template, the JSON that
// `aws fis create-experiment-template --cli-input-json` takes. Placeholders (role, alarm) are marked
// REPLACE-WITH-...; zones are the scenario's names, to be replaced by the real Availability Zones.
#pragma once

#include <nlohmann/json.hpp>

#include "models/scenario/scenario_spec.hpp"
#include "reports/chaos_plan.hpp"

namespace outagesim::reports {

// Each step becomes one or more FIS actions on targets chosen by the tag kComponentTag and the zone; a
// step later than the start waits on an aws:fis:wait of its time, so actions start in the run's order.
// FIS takes no unknown keys: unmapped faults are counted in the description only (print unmapped_text).
nlohmann::ordered_json fis_template(const models::ScenarioSpec& spec, const ChaosPlan& plan);

// FIS runs an experiment, a wait and an instance stop for at most 12 hours.
inline constexpr sim::Time kMaxFisExperiment = sim::Time::hours(12);
// "fis: step-NN ... ends at ..., past FIS's 12-hour limit" lines, one per step of `plan` that starts or
// ends past kMaxFisExperiment, for stderr: FIS refuses such a template, which must be split by hand.
std::string fis_limit_text(const ChaosPlan& plan);

}  // namespace outagesim::reports
