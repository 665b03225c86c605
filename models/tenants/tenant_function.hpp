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
  // A null strategy waits for repair: the function's state is its primary deployment's outcome (the
  // baseline of most functions in a large region, which then costs no object of its own and no call).
  // `name` ("tenant/function") is kept with a strategy, which names its random streams after it.
  TenantFunction(ComponentId id, const TenantFunctionSpec& spec, std::unique_ptr<RecoveryStrategy> strategy,
                 std::string name);

  const RecoverySequence& primary() const { return primary_; }
  // Null while the function waits for repair.
  const RecoveryStrategy* strategy() const { return strategy_ ? strategy_->strategy.get() : nullptr; }
  RecoveryStrategy* strategy() { return strategy_ ? strategy_->strategy.get() : nullptr; }

  void start() override;
  void evaluate() override;
  const Requirement* evaluation_input() const override { return &primary_.needs(); }
  // The run reached its horizon: the strategy closes its books.
  void finish();

 protected:
  void on_timer(std::uint32_t tag) override;

 private:
  StrategyContext strategy_context();

  RecoverySequence primary_;
  struct Strategic {
    std::unique_ptr<RecoveryStrategy> strategy;
    std::string name;
  };
  std::unique_ptr<Strategic> strategy_;  // null: wait for repair
};

}  // namespace outagesim::models
