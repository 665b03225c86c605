// Reports of `outagesim sweep`: for each component failed alone, the tenant functions it took down and for
// how long, as text, JSON and CSV.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "models/scenario/scenario_spec.hpp"
#include "models/scenario/single_point_sweep.hpp"
#include "reports/run_metadata.hpp"

namespace outagesim::reports {

// Components that take something down, in the sweep's order, then the names of those that take nothing.
std::string sweep_text(const models::ScenarioSpec& spec, const models::SinglePointSweep& sweep,
                       const RunMetadata& meta);
// Every component, with its functions_down (possibly empty).
nlohmann::ordered_json sweep_json(const models::ScenarioSpec& spec, const models::SinglePointSweep& sweep,
                                  const RunMetadata& meta);
// One row per component and function it took down: component,kind,tenant,function,downtime_s; a component
// that took nothing down has one row with the last three empty.
std::string sweep_csv(const models::ScenarioSpec& spec, const models::SinglePointSweep& sweep);

}  // namespace outagesim::reports
