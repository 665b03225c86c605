// The baseline strategy: the function is down until its primary deployment's needs return and its
// own recovery steps are done. Nothing else is tried.
#pragma once

#include "models/strategies/recovery_strategy.hpp"

namespace outagesim::models {

class WaitForRepair final : public RecoveryStrategy {
 public:
  RecoverySequence::Outcome decide(StrategyContext&, const RecoverySequence::Outcome& primary) override {
    return primary;
  }
};

}  // namespace outagesim::models
