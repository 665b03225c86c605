// The chaos plan (reports/chaos_plan.hpp) as a Chaos Toolkit experiment (JSON): a steady-state
// hypothesis from the tenants' functions, one action per step with the run's pauses between them, and
// rollbacks that undo what can be undone. Providers are chaosaws's; placeholders read REPLACE-WITH-....
#pragma once

#include <nlohmann/json.hpp>

#include "models/scenario/scenario_spec.hpp"
#include "reports/chaos_plan.hpp"

namespace outagesim::reports {

// The hypothesis has one http probe per tenant function, named with what it needs; the unmapped faults
// sit in the experiment's "extensions" entry named "outagesim".
nlohmann::ordered_json chaostoolkit_experiment(const models::ScenarioSpec& spec, const ChaosPlan& plan);

}  // namespace outagesim::reports
