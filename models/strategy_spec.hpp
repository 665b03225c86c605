// Recovery strategies as typed values: how a tenant function gets back to serving after a failure, and
// the named variants a scenario offers for comparison.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "models/recovery_step.hpp"
#include "models/requirement.hpp"

namespace outagesim::models {

// The baseline: down until the function's needs return, then its own recovery steps.
struct WaitForRepairSpec {};

using StrategySpec = std::variant<WaitForRepairSpec>;

// Appends every component the strategy itself uses (beyond the function's own needs).
void collect_strategy_components(const StrategySpec& strategy, std::vector<ComponentId>& out);

// "What if this tenant had used another strategy?": the scenario run again with some of the tenant's
// functions given another strategy.
struct VariantSpec {
  std::string name;
  std::string description;
  std::uint32_t tenant = 0;  // index into ScenarioSpec::tenants
  // (function index within the tenant, its strategy in this variant)
  std::vector<std::pair<std::uint32_t, StrategySpec>> strategies;
};

}  // namespace outagesim::models
