// A managed database: a primary site and, for HA across zones, a standby site it can switch over to.
// When the serving site goes down and the other is not, a switchover starts: detection, then the
// switchover itself; the database then serves from the other site and stays there. Serving needs the
// proxy, if it has one: an instance whose proxy lives in the failed zone stays down however healthy its
// standby is (HK 2022).
#pragma once

#include <optional>

#include "models/core/component.hpp"
#include "models/services/recovery_sequence.hpp"

namespace outagesim::models {

class Database final : public Component {
 public:
  Database(ComponentId id, const DatabaseParams& params);

  bool serving_from_standby() const { return serving_standby_; }
  // The switchover itself: the pipeline's time when it is given as work, else the typed duration.
  sim::Time switchover_time() const;
  void evaluate() override;

 protected:
  bool apply_action(const InjectionSpec& injection, InjectionId id) override;
  void on_timer(std::uint32_t tag) override;

 private:
  enum Tag : std::uint32_t { kPrimaryStep, kStandbyStep, kSwitchoverDone };

  RecoverySequence& serving() { return serving_standby_ ? *standby_ : primary_; }
  RecoverySequence* other() { return serving_standby_ ? &primary_ : (standby_ ? &*standby_ : nullptr); }
  // A site's outcome as the database's clients see it: down, too, while it serves less than `down_below`
  // of its needs' share.
  RecoverySequence::Outcome site_outcome(const RecoverySequence& site) const;
  void switch_sites(const Cause& cause);
  void decide(const std::optional<Cause>& switched);

  DatabaseParams params_;
  RecoverySequence primary_;
  std::optional<RecoverySequence> standby_;
  bool serving_standby_ = false;
  sim::TimerId switchover_;
};

}  // namespace outagesim::models
