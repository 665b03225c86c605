// A tenant function forwards its primary deployment's outcome through its strategy.
#include "models/tenants/tenant_function.hpp"

#include <cassert>

#include "models/core/model_context.hpp"

namespace outagesim::models {

namespace {
constexpr std::uint32_t kPrimaryStepTag = 0;
}

TenantFunction::TenantFunction(ComponentId id, std::string name, const TenantFunctionSpec& spec,
                               std::unique_ptr<RecoveryStrategy> strategy)
    : Component(id, std::move(name), ComponentKind::kTenantFunction),
      primary_(spec.needs, spec.recovery, kPrimaryStepTag),
      strategy_(std::move(strategy)) {}

StrategyContext TenantFunction::strategy_context() {
  return StrategyContext{ctx(), handler(), id(), name(), ctx().streams()};
}

void TenantFunction::start() {
  if (strategy_) {
    StrategyContext sc = strategy_context();
    strategy_->start(sc);
  }
  evaluate();
}

void TenantFunction::finish() {
  if (!strategy_) return;
  StrategyContext sc = strategy_context();
  strategy_->finish(sc);
}

void TenantFunction::evaluate() {
  const auto primary = primary_.update(ctx(), handler());
  if (!strategy_) {
    publish(primary.state, primary.cause);
    return;
  }
  StrategyContext sc = strategy_context();
  const auto outcome = strategy_->decide(sc, primary);
  publish(outcome.state, outcome.cause);
}

void TenantFunction::on_timer(std::uint32_t tag) {
  if (!strategy_) {
    assert(tag == kPrimaryStepTag);
    const auto primary = primary_.on_step_done(ctx(), handler());
    publish(primary.state, primary.cause);
    return;
  }
  StrategyContext sc = strategy_context();
  RecoverySequence::Outcome outcome;
  if (tag == kPrimaryStepTag) {
    outcome = strategy_->decide(sc, primary_.on_step_done(ctx(), handler()));
  } else {
    outcome = strategy_->on_timer(sc, tag, primary_.outcome());
  }
  publish(outcome.state, outcome.cause);
}

}  // namespace outagesim::models
