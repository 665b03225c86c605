// Credit tier lookup.
#include "models/results/sla_credit.hpp"

#include <algorithm>

namespace outagesim::models {

SlaCredit sla_credit(const SlaSpec& sla, sim::Time downtime) {
  SlaCredit credit;
  const double period_s = sla.period.to_seconds();
  credit.availability_pct = 100.0 * (1.0 - std::min(downtime.to_seconds(), period_s) / period_s);
  if (credit.availability_pct >= sla.target_pct) return credit;
  // Tiers are ordered by decreasing threshold: the last one the availability falls below applies.
  for (const SlaSpec::Tier& tier : sla.tiers) {
    if (credit.availability_pct < tier.below_pct) credit.credit_pct = tier.credit_pct;
  }
  return credit;
}

}  // namespace outagesim::models
