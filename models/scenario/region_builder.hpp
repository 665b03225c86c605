// Turns a validated scenario spec into the components of a region, wired to each other where they
// exchange quantities (rooms with their plant and pools). Strategies come from make_strategy().
#pragma once

#include <memory>
#include <vector>

#include "models/core/component.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "models/strategies/recovery_strategy.hpp"

namespace outagesim::models {

// One component per vertex of the spec, in id order.
std::vector<std::unique_ptr<Component>> build_components(const ScenarioSpec& spec);

std::unique_ptr<RecoveryStrategy> make_strategy(const StrategySpec& spec);

}  // namespace outagesim::models
