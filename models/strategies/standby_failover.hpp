// Active-passive failover to a pre-provisioned standby: in another zone, another region, or at another
// provider (the kinds differ in their parameters, not their mechanism). Once triggered, the standby's own
// needs must be up; a cold standby is first provisioned from backups; then the switchover, then DNS. If
// the standby's needs fail midway, the procedure waits for them and starts that step again. The switchover
// also waits for the failover needs (needed to switch, not to serve), and starts again if they fail.
#pragma once

#include "models/strategies/alternative_site_strategy.hpp"

namespace outagesim::models {

class StandbyFailover final : public AlternativeSiteStrategy {
 public:
  explicit StandbyFailover(const StandbySpec& spec);

 protected:
  void begin(StrategyContext& sc) override;
  void progress(StrategyContext& sc) override;
  void on_procedure_timer(StrategyContext& sc, std::uint32_t tag) override;
  void abort(StrategyContext& sc) override;
  sim::Time data_loss(sim::Time failed_at) const override;

 private:
  enum class Step { kNone, kWaitingForStandby, kProvisioning, kSwitching };
  static constexpr std::uint32_t kStepDone = kProcedureTagBase;

  void advance(StrategyContext& sc);
  void start_step(StrategyContext& sc, Step step, sim::Time duration, Wait wait);

  StandbySpec spec_;
  Step step_ = Step::kNone;
  bool provisioned_ = false;
  sim::TimerId timer_;
};

}  // namespace outagesim::models
