// The story of one tenant's outage in plain sentences (`outagesim explain`): each down or degraded
// interval of its functions, segment by segment with the cause that held it and that cause's chain down
// to the fault, then how much of the time was the provider's and how much the tenant's own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::reports {

// `tenant` indexes spec.tenants; `function`, when given, its functions (otherwise all of them).
// REQUIRES: the indices are in range.
std::string explain_text(const models::ScenarioSpec& spec, const models::RunResult& result,
                         std::uint32_t tenant, std::optional<std::uint32_t> function = std::nullopt);

}  // namespace outagesim::reports
