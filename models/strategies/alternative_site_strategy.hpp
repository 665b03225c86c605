// The common shape of strategies that fail over to another site (a standby, launched capacity, a
// restore): when the primary deployment goes down, a trigger waits for detection and decision; then a
// procedure, specific to each kind, makes the alternative site usable; from then on the function serves
// from whichever of the two sites is serving. The alternative site has needs and recovery steps of its own.
//
// The base also keeps the books every comparison needs: when the procedure started, when the site was
// ready, the data lost at each failover, and what the strategy waited on longest ("blockers").
#pragma once

#include <map>
#include <string>
#include <tuple>

#include "models/services/recovery_sequence.hpp"
#include "models/strategies/recovery_strategy.hpp"
#include "models/strategies/strategy_spec.hpp"

namespace outagesim::models {

class AlternativeSiteStrategy : public RecoveryStrategy {
 public:
  RecoverySequence::Outcome decide(StrategyContext& sc, const RecoverySequence::Outcome& primary) final;
  RecoverySequence::Outcome on_timer(StrategyContext& sc, std::uint32_t tag,
                                     const RecoverySequence::Outcome& primary) final;
  void finish(StrategyContext& sc) override;
  StrategyResult result() const override;

 protected:
  AlternativeSiteStrategy(const FailoverTrigger& trigger, Requirement site_needs,
                          std::vector<RecoveryStep> recovery);

  // Timer payloads from here up belong to the kind's procedure.
  static constexpr std::uint32_t kProcedureTagBase = kStrategyTagBase + 2;

  // The procedure starts: the trigger fired and the primary deployment is still down.
  virtual void begin(StrategyContext& sc) = 0;
  // Something the function depends on changed while the procedure runs.
  virtual void progress(StrategyContext& sc) = 0;
  virtual void on_procedure_timer(StrategyContext& sc, std::uint32_t tag) = 0;
  // The primary came back before the procedure finished: stop, release what it holds.
  virtual void abort(StrategyContext& sc) = 0;
  // Work lost when the function fails over to the alternative site after the primary fell at `failed_at`.
  virtual sim::Time data_loss(sim::Time failed_at) const = 0;

  // For the kind's procedure: the alternative site can take over from now on.
  void procedure_done(StrategyContext& sc);
  // What the strategy is waiting on now (a component, or kNoComponent for its own fixed steps, and how);
  // time accumulates per blocker until the next call or clear_blocker().
  void set_blocker(StrategyContext& sc, ComponentId component, Wait wait, std::string step = {});
  void clear_blocker(StrategyContext& sc);
  sim::Time failed_at() const { return failed_at_; }

 private:
  enum class Phase { kIdle, kTriggered, kProcedure, kArmed };
  static constexpr std::uint32_t kTriggerTag = kStrategyTagBase;
  static constexpr std::uint32_t kSiteStepTag = kStrategyTagBase + 1;

  RecoverySequence::Outcome combine(StrategyContext& sc, const RecoverySequence::Outcome& primary);

  FailoverTrigger trigger_;
  Requirement site_needs_;  // site_ refers to these two
  std::vector<RecoveryStep> site_recovery_;
  RecoverySequence site_;
  Phase phase_ = Phase::kIdle;
  sim::TimerId trigger_timer_;
  sim::Time failed_at_;            // when the primary last fell
  bool primary_was_down_ = false;  // at the last decide()
  bool serving_from_site_ = false;
  StrategyResult result_;
  // Blockers: time spent waiting, per (component, wait, step); the current one and since when.
  using Blocker = std::tuple<ComponentId, Wait, std::string>;
  std::map<Blocker, sim::Time> waited_;
  std::optional<Blocker> blocker_;
  std::optional<Blocker> blocked_at_end_;  // set by finish()
  sim::Time blocker_since_;
};

}  // namespace outagesim::models
