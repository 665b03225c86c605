// The per-tenant downtime bar chart as inline SVG: for each tenant (and each function of a tenant with
// several), its time down and degraded as stacked bars over the horizon.
#pragma once

#include <string>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::reports {

// Bars carry class="downtime-bar down|degraded", data-tenant="<tenant>" and, for a function's row,
// data-function="<function>". At most kMaxFunctionLanes tenants, those with the most time out of up.
std::string svg_downtime_bars(const models::ScenarioSpec& spec, const models::RunResult& result);

}  // namespace outagesim::reports
