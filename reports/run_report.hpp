// Reports of one run: a text report for people (tenants, their down intervals with causes, components,
// milestones) and a JSON document for programs (its fields are listed in docs/results-json.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "reports/run_metadata.hpp"

namespace outagesim::reports {

std::string run_text(const models::ScenarioSpec& spec, const models::RunResult& result,
                     const RunMetadata& meta);
nlohmann::ordered_json run_json(const models::ScenarioSpec& spec, const models::RunResult& result,
                                const RunMetadata& meta);

}  // namespace outagesim::reports
