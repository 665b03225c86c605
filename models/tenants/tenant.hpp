// A tenant as a whole: down when every one of its functions is down, degraded when some are, up when
// all are up.
#pragma once

#include <cstdint>
#include <string>

#include "models/core/component.hpp"

namespace outagesim::models {

class Tenant final : public Component {
 public:
  // The tenant's functions are the `function_count` vertices from `first_function` on (number_tenants()
  // numbers a tenant's functions one after another).
  Tenant(ComponentId id, ComponentId first_function, std::uint32_t function_count);

  ComponentId first_function() const { return first_function_; }
  std::uint32_t function_count() const { return function_count_; }
  void evaluate() override;

 private:
  // As evaluate() in requirement.hpp judges any_of and all_of over the functions, without building those
  // requirements (a million tenants would hold two vectors each).
  struct Blame {
    ComponentId blamed = kNoComponent;
    ChangeId trigger = kNoChange;
  };
  // The function in `state` that changed last, the first on ties.
  Blame latest_in(State state) const;

  ComponentId first_function_;
  std::uint32_t function_count_;
};

}  // namespace outagesim::models
