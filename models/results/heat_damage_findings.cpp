#include "models/results/heat_damage_findings.hpp"

#include <cstddef>
#include <unordered_map>

namespace outagesim::models {

std::vector<HeatDamageFinding> heat_damage_findings(const RunResult& result) {
  std::vector<HeatDamageFinding> findings;
  // Per pool, the findings not yet whole again: a pool is whole when its replacements reach 100 %.
  std::unordered_map<ComponentId, std::vector<std::size_t>> open;
  for (const StateChange& c : result.journal) {
    if (c.changes_state()) continue;  // findings and replacements are notes, not changes of state
    if (c.cause.reason == Reason::kHeatDamage || c.cause.reason == Reason::kHostsDestroyed) {
      open[c.component].push_back(findings.size());
      findings.push_back(HeatDamageFinding{
          c.component, static_cast<std::uint32_t>(c.cause.value),
          c.cause.reason == Reason::kHostsDestroyed ? c.cause.injection : kNoInjection, c.time});
    } else if (c.cause.reason == Reason::kHostsReplaced && c.cause.value >= 1.0) {
      const auto it = open.find(c.component);
      if (it == open.end()) continue;
      for (const std::size_t i : it->second) findings[i].whole_again = c.time;
      open.erase(it);
    }
  }
  return findings;
}

}  // namespace outagesim::models
