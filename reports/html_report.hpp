// The report as one self-contained HTML page (`outagesim report`): the timeline, each room's temperature,
// downtime per tenant and the strategy variants compared, all as inline SVG with inline CSS. The page
// loads nothing: a Content-Security-Policy forbids every fetch, so a stray reference fails loudly in a
// browser instead of leaking a request.
#pragma once

#include <string>

#include "models/results/run_result.hpp"
#include "models/scenario/comparison.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "models/scenario/uncertain_comparison.hpp"
#include "reports/run_metadata.hpp"

namespace outagesim::reports {

// The comparison of the scenario's variants to chart: from one run each or from replications; neither
// when the scenario has no variants. Not owned.
struct HtmlComparison {
  const models::Comparison* one_run = nullptr;
  const models::UncertainComparison* replicated = nullptr;
};

// The page for one run of the scenario. The same inputs give the same bytes: nothing in it depends on the
// clock or the machine.
std::string html_report(const models::ScenarioSpec& spec, const models::RunResult& result,
                        const RunMetadata& meta, const HtmlComparison& comparison = {});

}  // namespace outagesim::reports
