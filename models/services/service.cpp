// Generic services follow their requirement through a recovery sequence.
#include "models/services/service.hpp"

#include "models/core/model_context.hpp"

namespace outagesim::models {

Service::Service(ComponentId id, std::string name, ComponentKind kind, const ServiceParams& params)
    : Component(id, std::move(name), kind), sequence_(params.needs, params.recovery, 0) {}

void Service::evaluate() {
  const auto outcome = sequence_.update(ctx(), handler());
  publish(outcome.state, outcome.cause);
}

void Service::on_timer(std::uint32_t) {
  const auto outcome = sequence_.on_step_done(ctx(), handler());
  publish(outcome.state, outcome.cause);
}

}  // namespace outagesim::models
