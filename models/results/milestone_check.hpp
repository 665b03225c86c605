// Holds a run against the scenario's milestones: when did the simulated event happen, and how far is
// that from the public time.
#pragma once

#include <optional>
#include <vector>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

struct MilestoneResult {
  const MilestoneSpec* milestone = nullptr;
  std::optional<sim::Time> simulated;   // the event's time, or the total downtime for max_downtime checks
  std::optional<sim::Time> difference;  // simulated - expected, when both exist
  bool passed = false;
};

std::vector<MilestoneResult> check_milestones(const ScenarioSpec& spec, const RunResult& result);

}  // namespace outagesim::models
