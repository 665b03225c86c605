// Holds a run against the scenario's milestones: when did the simulated event happen, and how far is
// that from the public time.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

struct MilestoneResult {
  const MilestoneSpec* milestone = nullptr;
  std::optional<sim::Time> simulated;   // the event's time, or the total downtime for max_downtime checks
  std::optional<sim::Time> difference;  // simulated - expected, when both exist
  State state_at = State::kUp;          // for not_up_at checks: the state at that time
  bool passed = false;
};

std::vector<MilestoneResult> check_milestones(const ScenarioSpec& spec, const RunResult& result);

// How the timed milestones of one basis fare: how many, how many happened, and the median absolute
// difference of those that did (a milestone that never happened counts as a miss, not in the median).
struct BasisSummary {
  std::uint32_t count = 0;
  std::uint32_t happened = 0;
  std::uint32_t within_tolerance = 0;
  // Over every timed milestone with a public time, one that never happened counting as the largest miss:
  // sim::Time::never() when the median falls on such a milestone. None without timed milestones.
  std::optional<sim::Time> median_abs_error;
  // The milestones that are checks rather than times (max_downtime, not_up_at): how many, how many held.
  std::uint32_t checks = 0;
  std::uint32_t checks_held = 0;
};

BasisSummary summarize(const std::vector<MilestoneResult>& results, MilestoneSpec::Basis basis);
std::string_view basis_name(MilestoneSpec::Basis basis);

}  // namespace outagesim::models
