// Reducing one run to its replication outcome.
#include "models/results/replication_outcome.hpp"

#include "models/results/milestone_check.hpp"
#include "models/results/sla_credit.hpp"

namespace outagesim::models {

std::vector<FunctionRef> tenant_functions(const ScenarioSpec& spec) {
  std::vector<FunctionRef> refs;
  for (std::uint32_t t = 0; t < spec.tenants.size(); ++t) {
    for (std::uint32_t f = 0; f < spec.tenants[t].functions.size(); ++f) refs.push_back({t, f});
  }
  return refs;
}

bool breaches(const SlaSpec& sla, sim::Time downtime) {
  return sla_credit(sla, downtime).availability_pct < sla.target_pct;
}

ReplicationOutcome outcome_of(const ScenarioSpec& spec, const RunResult& result, std::uint64_t replication,
                              std::vector<double> inputs) {
  ReplicationOutcome out;
  out.replication = replication;
  for (const FunctionRef& ref : tenant_functions(spec)) {
    const TenantSpec& tenant = spec.tenants[ref.tenant];
    const ComponentId id = tenant.functions[ref.function].id;
    const sim::Time down = result.downtime(id);
    out.downtime.push_back(down);
    out.degraded.push_back(result.time_in(id, State::kDegraded));
    out.sla_breached.push_back(tenant.sla && breaches(spec.slas[*tenant.sla], down));
    const auto& intervals = result.intervals[id];
    out.at_horizon.push_back(
        !intervals.empty() && intervals.back().ended == kNoChange ? intervals.back().state : State::kUp);
  }
  for (const MilestoneResult& m : check_milestones(spec, result)) {
    // A not_up_at check "happens" in a replication when it holds.
    if (m.milestone->not_up_at) {
      out.milestones.push_back(m.passed ? m.milestone->not_up_at : std::nullopt);
    } else {
      out.milestones.push_back(m.simulated);
    }
  }
  out.inputs = std::move(inputs);
  return out;
}

}  // namespace outagesim::models
