// The strategy variants of a scenario compared as inline SVG: per tenant function the baseline's and each
// variant's downtime as bars, from one run each (models/scenario/comparison.hpp) or, with replications,
// their means with the 95 % confidence interval and the p10-p90 spread (uncertain_comparison.hpp).
#pragma once

#include <string>

#include "models/scenario/comparison.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "models/scenario/uncertain_comparison.hpp"

namespace outagesim::reports {

// Bars carry class="variant-bar" (and "baseline" for the scenario as written), data-function="<tenant>/<f>"
// and data-variant="<variant name>" (empty for the baseline); intervals class="variant-ci".
std::string svg_comparison_chart(const models::ScenarioSpec& spec, const models::Comparison& comparison);
std::string svg_comparison_chart(const models::ScenarioSpec& spec,
                                 const models::UncertainComparison& comparison);

}  // namespace outagesim::reports
