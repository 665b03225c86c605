// Service-level credits: availability over the SLA's billing period and the credit tier it falls in.
#pragma once

#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

struct SlaCredit {
  double availability_pct = 100;
  double credit_pct = 0;  // 0 when the target is met
};

// Availability counts `downtime` against the whole period (the rest of the period assumed up).
SlaCredit sla_credit(const SlaSpec& sla, sim::Time downtime);

}  // namespace outagesim::models
