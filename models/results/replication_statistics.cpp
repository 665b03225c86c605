// Folding replication outcomes into statistics.
#include "models/results/replication_statistics.hpp"

#include <algorithm>

namespace outagesim::models {

namespace {

double seconds(sim::Time t) {
  return static_cast<double>(t.count_ms()) / 1000.0;
}

}  // namespace

ReplicationStatistics replication_statistics(const ScenarioSpec& spec,
                                             std::span<const ReplicationOutcome> outcomes) {
  ReplicationStatistics stats;
  stats.runs = outcomes.size();
  const std::vector<FunctionRef> refs = tenant_functions(spec);
  std::vector<double> values;
  values.reserve(outcomes.size());
  for (std::size_t f = 0; f < refs.size(); ++f) {
    FunctionStatistics fs;
    fs.ref = refs[f];
    values.clear();
    for (const ReplicationOutcome& o : outcomes) values.push_back(seconds(o.downtime[f]));
    fs.downtime_s = sim::summarize(values);
    values.clear();
    for (const ReplicationOutcome& o : outcomes) values.push_back(seconds(o.degraded[f]));
    fs.degraded_s = sim::summarize(values);
    if (spec.tenants[refs[f].tenant].sla) {
      const auto breached = static_cast<std::size_t>(std::count_if(
          outcomes.begin(), outcomes.end(), [f](const ReplicationOutcome& o) { return o.sla_breached[f]; }));
      fs.sla_breach = sim::wilson_interval(breached, outcomes.size());
    }
    for (const ReplicationOutcome& o : outcomes) {
      fs.down_at_horizon += o.at_horizon[f] == State::kDown ? 1 : 0;
      fs.degraded_at_horizon += o.at_horizon[f] == State::kDegraded ? 1 : 0;
    }
    stats.functions.push_back(fs);
  }
  for (std::uint32_t m = 0; m < spec.milestones.size(); ++m) {
    MilestoneBand band;
    band.milestone = m;
    values.clear();
    for (const ReplicationOutcome& o : outcomes) {
      if (o.milestones[m]) values.push_back(seconds(*o.milestones[m]));
    }
    band.happened = values.size();
    // A not_up_at check has no time of its own, only how often it held ("happened").
    if (!values.empty() && !spec.milestones[m].not_up_at) {
      std::sort(values.begin(), values.end());
      band.p5_s = sim::percentile(values, 0.05);
      band.p50_s = sim::percentile(values, 0.50);
      band.p95_s = sim::percentile(values, 0.95);
      const MilestoneSpec& ms = spec.milestones[m];
      if (ms.expected) {
        // Within the band widened by the milestone's own tolerance, as one run is judged: a time every
        // replication lands on within its tolerance is met (user trial: an input 1 minute off read "no").
        const double t = seconds(*ms.expected);
        const double tolerance = seconds(ms.tolerance);
        band.public_inside = t >= *band.p5_s - tolerance && t <= *band.p95_s + tolerance;
      } else if (ms.max_downtime) {
        // A bound, not a time: the band is inside when even its p95 keeps to it.
        band.public_inside = *band.p95_s <= seconds(*ms.max_downtime);
      }
    }
    if (spec.milestones[m].not_up_at) {
      // A state, not a time: inside when it held in at least 95 % of the replications.
      band.public_inside = 20 * band.happened >= 19 * outcomes.size();
    }
    stats.milestones.push_back(band);
  }
  for (std::uint32_t i = 0; i < spec.inputs.size(); ++i) {
    values.clear();
    for (const ReplicationOutcome& o : outcomes) values.push_back(o.inputs[i]);
    stats.inputs.push_back({i, sim::summarize(values)});
  }
  return stats;
}

}  // namespace outagesim::models
