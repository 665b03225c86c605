// Aggregating a tenant's functions.
#include "models/tenants/tenant.hpp"

#include "models/core/model_context.hpp"

namespace outagesim::models {

Tenant::Tenant(ComponentId id, ComponentId first_function, std::uint32_t function_count)
    : Component(id, ComponentKind::kTenant),
      first_function_(first_function),
      function_count_(function_count) {}

Tenant::Blame Tenant::latest_in(State state) const {
  const auto status = ctx().status();
  Blame blame;
  bool have = false;
  sim::Time latest;
  for (ComponentId f = first_function_; f < first_function_ + function_count_; ++f) {
    const ComponentStatus& s = status[f];
    if (s.state != state || (have && !(s.last_change_time > latest))) continue;
    blame = {f, s.last_change};
    latest = s.last_change_time;
    have = true;
  }
  return blame;
}

void Tenant::evaluate() {
  const auto status = ctx().status();
  std::uint32_t up = 0;
  std::uint32_t down = 0;
  for (ComponentId f = first_function_; f < first_function_ + function_count_; ++f) {
    up += status[f].state == State::kUp;
    down += status[f].state == State::kDown;
  }
  const bool any_degraded = up + down < function_count_;
  // Any function serving: up with one up, else degraded with one degraded, else down.
  const State any = up > 0 ? State::kUp : any_degraded ? State::kDegraded : State::kDown;
  if (any == State::kDown) {
    const Blame b = latest_in(State::kDown);
    publish(State::kDown, Cause{Reason::kDependency, b.blamed, b.trigger});
    return;
  }
  // Every function serving: down with one down, else degraded with one degraded, else up.
  const State all = down > 0 ? State::kDown : any_degraded ? State::kDegraded : State::kUp;
  // Coming back from down, the function that returned is the cause; otherwise the one not up.
  const Blame b = latest_in(state() == State::kDown ? any : all);
  publish(all == State::kUp ? State::kUp : State::kDegraded, Cause{Reason::kDependency, b.blamed, b.trigger});
}

}  // namespace outagesim::models
