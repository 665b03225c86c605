// What one replication contributes to the statistics of many: per tenant function its downtime,
// degraded time and whether it breached its tenant's SLA; per milestone the simulated time; and the
// values the replication drew for the scenario's uncertain inputs. Small and flat, so that thousands fit
// in memory, and a shard of them can be written out and merged exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

struct ReplicationOutcome {
  std::uint64_t replication = 0;
  // Per tenant function, in scenario order (every function of every tenant).
  std::vector<sim::Time> downtime;
  std::vector<sim::Time> degraded;
  std::vector<bool> sla_breached;  // false for a tenant without an SLA
  // Its state at the horizon: down or degraded there, its time in that state is cut at the horizon.
  std::vector<State> at_horizon;
  // Per milestone of the scenario: its simulated time (for max_downtime checks: the downtime; for
  // not_up_at checks: that time when the check held), or none when it did not happen.
  std::vector<std::optional<sim::Time>> milestones;
  std::vector<double> inputs;  // one per ScenarioSpec::inputs
};

ReplicationOutcome outcome_of(const ScenarioSpec& spec, const RunResult& result, std::uint64_t replication,
                              std::vector<double> inputs);

// Every tenant function in scenario order, as (tenant index, function index): the order of the
// per-function vectors above.
struct FunctionRef {
  std::uint32_t tenant = 0;
  std::uint32_t function = 0;
};
std::vector<FunctionRef> tenant_functions(const ScenarioSpec& spec);

// Availability over the SLA period below the SLA's target.
bool breaches(const SlaSpec& sla, sim::Time downtime);

}  // namespace outagesim::models
