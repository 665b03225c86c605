// Causes in words: one state change ("c3-dedicated down at 10:58: thermal shutdown at 41.0 °C") and
// whole chains joined with arrows, down to the injected fault.
#pragma once

#include <string>
#include <unordered_map>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "models/strategies/recovery_strategy.hpp"

namespace outagesim::reports {

// What the reason and its detail mean, e.g. "thermal shutdown at 41.0 °C", "throttled: 21% of calls succeed".
// `change` is a record of `result`'s journal (its trigger is looked up there).
std::string describe_reason(const models::ScenarioSpec& spec, const models::RunResult& result,
                            const models::StateChange& change);
// What a recovery waited on, e.g. "launch calls throttled by the control plane"; `step` names the recovery
// step for Wait::kSiteRecovery and kSiteRejoining.
std::string describe_wait(models::Wait wait, const std::string& step);
// "fault loop_airlock on plant-c at 09:01 (note)".
// An injection as applied at `applied_at` (its clock time, or when its trigger fired plus the delay); for
// the id of a random failure process, "random failure '<name>' at 14:02".
std::string describe_injection(const models::ScenarioSpec& spec, models::InjectionId id,
                               sim::Time applied_at);
// The injection a change's cause names, as applied last at or before the change (a standing policy
// applies several times; a pool powered on comes back after its restart, later).
std::string describe_applied_injection(const models::ScenarioSpec& spec, const models::RunResult& result,
                                       const models::StateChange& c);
// "c3-dedicated down at 10:58: thermal shutdown at 41.0 °C".
std::string describe_change(const models::ScenarioSpec& spec, const models::RunResult& result,
                            models::ChangeId id);
// The chain behind `change`: its own reason (unless it merely follows a dependency), then each trigger:
// "ecs-c3 down at 10:58 <- ... <- fault ...".
std::string describe_cause(const models::ScenarioSpec& spec, const models::RunResult& result,
                           models::ChangeId change);

// describe_cause() for many changes of one run, with the same words: the far end of a chain (past its
// second link) is shared by every tenant behind the same component, so it is put in words once and
// remembered. For reports of very many tenants.
class CauseDescriber {
 public:
  CauseDescriber(const models::ScenarioSpec& spec, const models::RunResult& result);
  std::string describe(models::ChangeId change);

 private:
  // The links from `id` to the root, each not merely passing a dependency's state along, joined by arrows.
  const std::string& tail(models::ChangeId id);

  const models::ScenarioSpec& spec_;
  const models::RunResult& result_;
  std::unordered_map<models::ChangeId, std::string> tails_;
};

}  // namespace outagesim::reports
