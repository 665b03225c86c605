// Aggregating a tenant's functions.
#include "models/tenants/tenant.hpp"

#include "models/core/model_context.hpp"

namespace outagesim::models {

Tenant::Tenant(ComponentId id, std::string name, std::vector<ComponentId> functions)
    : Component(id, std::move(name), ComponentKind::kTenant), functions_(std::move(functions)) {
  std::vector<Requirement> children;
  for (const ComponentId f : functions_) children.push_back(Requirement::of(f));
  all_functions_ = Requirement::all_of(children);
  any_function_ = Requirement::any_of(std::move(children));
}

void Tenant::evaluate() {
  const Verdict any = models::evaluate(any_function_, ctx().status());
  if (any.state == State::kDown) {
    publish(State::kDown, Cause{Reason::kDependency, any.blamed, any.trigger});
    return;
  }
  const Verdict all = models::evaluate(all_functions_, ctx().status());
  // Coming back from down, the function that returned is the cause; otherwise the one not up.
  const Verdict& blame = state() == State::kDown ? any : all;
  publish(all.state == State::kUp ? State::kUp : State::kDegraded,
          Cause{Reason::kDependency, blame.blamed, blame.trigger});
}

}  // namespace outagesim::models
