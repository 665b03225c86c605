// Reports of `outagesim rank`: components by the tenant-function downtime they held, with the what-if
// savings of removing their faults and of holding them up, and the tenants they touched, as text, JSON and
// CSV.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "models/scenario/component_ranking.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "reports/run_metadata.hpp"

namespace outagesim::reports {

std::string rank_text(const models::ScenarioSpec& spec, const models::ComponentRanking& ranking,
                      const RunMetadata& meta);
nlohmann::ordered_json rank_json(const models::ScenarioSpec& spec, const models::ComponentRanking& ranking,
                                 const RunMetadata& meta);
// One row per ranked component: component,kind,attributed_s,rooted_s,saved_s,held_up_saved_s,tenants
// (tenants joined by ';').
std::string rank_csv(const models::ScenarioSpec& spec, const models::ComponentRanking& ranking);

}  // namespace outagesim::reports
