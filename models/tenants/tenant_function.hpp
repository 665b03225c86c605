// One function of a tenant (an exchange's trading, its withdrawals): its primary deployment and the
// recovery strategy that decides its state.
#pragma once

#include <memory>

#include "models/core/component.hpp"
#include "models/services/recovery_sequence.hpp"
#include "models/strategies/recovery_strategy.hpp"

namespace outagesim::models {

class TenantFunction final : public Component {
 public:
  TenantFunction(ComponentId id, std::string name, const TenantFunctionSpec& spec,
                 std::unique_ptr<RecoveryStrategy> strategy);

  const RecoverySequence& primary() const { return primary_; }
  const RecoveryStrategy& strategy() const { return *strategy_; }

  void start() override;
  void evaluate() override;
  // The run reached its horizon: the strategy closes its books.
  void finish();

 protected:
  void on_timer(std::uint32_t tag) override;

 private:
  StrategyContext strategy_context();

  RecoverySequence primary_;
  std::unique_ptr<RecoveryStrategy> strategy_;
};

}  // namespace outagesim::models
