// A tenant as a whole: down when every one of its functions is down, degraded when some are, up when
// all are up.
#pragma once

#include <vector>

#include "models/core/component.hpp"
#include "models/core/requirement.hpp"

namespace outagesim::models {

class Tenant final : public Component {
 public:
  Tenant(ComponentId id, std::string name, std::vector<ComponentId> functions);

  const std::vector<ComponentId>& functions() const { return functions_; }
  void evaluate() override;

 private:
  std::vector<ComponentId> functions_;
  Requirement all_functions_;  // not up when any function is not up
  Requirement any_function_;   // down when all functions are down
};

}  // namespace outagesim::models
