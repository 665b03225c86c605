// A cloud service with no behaviour of its own beyond "needs these, then runs these recovery steps":
// compute, block and object storage, load balancers, network, middleware, image services, power feeds.
// Single-zone or zone-redundant is only a matter of its requirement (all-of one zone, or k-of-n zones).
// It serves the share of capacity its needs provide times its own share (set by the set_capacity
// action), publishes that share, and is degraded below 1 and down below its `down_below` threshold.
// Storage with a `rebuild` stays degraded after a partial loss until it has copied the lost data again;
// compute with `spare_instances` hands out a finite stock to launches into it. Storage whose every copy
// of its data was on hosts lost for good (destroyed, all of them) has lost it: down to the end of the run.
#pragma once

#include <optional>

#include "models/core/component.hpp"
#include "models/services/data_rebuild.hpp"
#include "models/services/recovery_sequence.hpp"

namespace outagesim::models {

class Service final : public Component {
 public:
  Service(ComponentId id, ComponentKind kind, const ServiceParams& params);

  void evaluate() override;
  const Requirement* evaluation_input() const override { return &sequence_.needs(); }
  const RecoverySequence& sequence() const { return sequence_; }

  // Spare instances launches may take: grants up to `wanted`, all of them when the stock is unlimited.
  std::uint32_t take_spare(std::uint32_t wanted);
  // Launched instances given back (their launch was abandoned).
  void return_spare(std::uint32_t count);
  // What is left of a finite stock; none when unlimited.
  std::optional<std::uint32_t> spare_left() const { return spare_left_; }

 protected:
  bool apply_action(const InjectionSpec& injection, InjectionId id) override;
  // Failed or repaired itself: the rebuild pauses or resumes, and the recovery steps start again after it.
  void on_forced_change() override;
  void on_timer(std::uint32_t tag) override;

 private:
  enum Tag : std::uint32_t { kStepTag, kRebuildTag };

  void decide(const RecoverySequence::Outcome& outcome);

  RecoverySequence sequence_;
  double down_below_;
  double degraded_below_;
  std::optional<DataRebuild> rebuild_;
  std::vector<ComponentId> rebuild_leaves_;  // what it needs, to read the data each has lost
  sim::TimerId rebuild_timer_;
  bool shows_rebuild_ = false;              // degraded for the rebuild alone: its end is told as "rebuilt"
  double own_share_ = 1.0;                  // the share of its own nodes serving (set_capacity)
  InjectionId steps_after_ = kNoInjection;  // what ended its own outage, when its steps follow one
  Cause own_cause_;                         // what set it
  std::optional<std::uint32_t> spare_left_;
  // Storage: its data is gone for good once no copy survives on what it needs (data_survives); then it
  // stays down, whatever comes back, until the end of the run.
  bool keeps_data_ = false;
  bool data_gone_ = false;
  Cause data_gone_cause_;
};

}  // namespace outagesim::models
