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

}  // namespace outagesim::reports
