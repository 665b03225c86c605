// A cloud service with no behaviour of its own beyond "needs these, then runs these recovery steps":
// compute, block and object storage, load balancers, network, middleware, image services, power feeds.
// Single-zone or zone-redundant is only a matter of its requirement (all-of one zone, or k-of-n zones).
#pragma once

#include "models/core/component.hpp"
#include "models/services/recovery_sequence.hpp"

namespace outagesim::models {

class Service final : public Component {
 public:
  Service(ComponentId id, std::string name, ComponentKind kind, const ServiceParams& params);

  void evaluate() override;
  const RecoverySequence& sequence() const { return sequence_; }

 protected:
  void on_timer(std::uint32_t tag) override;

 private:
  RecoverySequence sequence_;
};

}  // namespace outagesim::models
