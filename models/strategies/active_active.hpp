// Serving from several sites at once (multi-zone active-active). The function is down only while fewer
// than `min_sites` sites serve; degraded while the serving sites' capacity falls short of the full load
// (each site carries a share), and for the health-check `detection` after a site fails, while some
// requests still go to it (not once that site serves again). The function's own needs are replaced by the
// sites.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "models/strategies/recovery_strategy.hpp"
#include "models/strategies/strategy_spec.hpp"

namespace outagesim::models {

class ActiveActive final : public RecoveryStrategy {
 public:
  explicit ActiveActive(const ActiveActiveSpec& spec);

  RecoverySequence::Outcome decide(StrategyContext& sc, const RecoverySequence::Outcome& primary) override;
  RecoverySequence::Outcome on_timer(StrategyContext& sc, std::uint32_t tag,
                                     const RecoverySequence::Outcome& primary) override;
  void finish(StrategyContext& sc) override;
  StrategyResult result() const override { return result_; }

 private:
  static constexpr std::uint32_t kDetectionTag = kStrategyTagBase;
  static constexpr std::uint32_t kSiteTagBase = kStrategyTagBase + 1;

  RecoverySequence::Outcome combine(StrategyContext& sc);
  // A spell short of capacity ends: keep it if it is the longest.
  void close_short_spell(sim::Time now);
  // Site `i` (or, at sites_.size(), the health checks) now waits on a component (or kNoComponent) with
  // `wait` and `step`, or on nothing (Wait::kNothing): the open hold is closed into the result when that
  // changes.
  void hold(std::size_t i, ComponentId component, Wait wait, std::string_view step, sim::Time now);

  ActiveActiveSpec spec_;  // the sites' sequences refer to its needs and steps
  std::vector<RecoverySequence> sites_;
  // Components every site needs (one volume, one database): they serve all the sites together, so the
  // function serves no more than their share, however many sites each can carry.
  std::vector<ComponentId> shared_needs_;
  std::vector<bool> serving_;          // per site, at the last look
  std::vector<sim::Time> noticed_at_;  // per site: when the health checks notice its last loss
  sim::TimerId detection_timer_;       // at detection_due_, the next of those still to come
  sim::Time detection_due_ = sim::Time::never();
  // The longest time short of capacity, for the result: since when, and the site blamed.
  std::optional<sim::Time> short_since_;
  ComponentId short_blame_ = kNoComponent;
  std::vector<std::optional<StrategyHold>> open_holds_;  // per site, then the health checks
  StrategyResult result_;
};

}  // namespace outagesim::models
