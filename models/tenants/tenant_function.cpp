// A tenant function forwards its primary deployment's outcome through its strategy.
#include "models/tenants/tenant_function.hpp"

#include <cassert>

#include "models/core/model_context.hpp"

namespace outagesim::models {

namespace {
constexpr std::uint32_t kPrimaryStepTag = 0;
}

TenantFunction::TenantFunction(ComponentId id, const TenantFunctionSpec& spec,
                               std::unique_ptr<RecoveryStrategy> strategy, std::string name)
    : Component(id, ComponentKind::kTenantFunction), primary_(spec.needs, spec.recovery, kPrimaryStepTag) {
  if (strategy) strategy_ = std::make_unique<Strategic>(Strategic{std::move(strategy), std::move(name)});
}

StrategyContext TenantFunction::strategy_context() {
  return StrategyContext{ctx(), handler(), id(), strategy_->name, ctx().streams()};
}

void TenantFunction::start() {
  if (strategy_) {
    StrategyContext sc = strategy_context();
    strategy_->strategy->start(sc);
  }
  evaluate();
}

void TenantFunction::finish() {
  if (!strategy_) return;
  StrategyContext sc = strategy_context();
  strategy_->strategy->finish(sc);
}

void TenantFunction::evaluate() {
  const auto primary = primary_.update(ctx(), handler());
  if (!strategy_) {
    publish(primary.state, primary.cause);
    return;
  }
  StrategyContext sc = strategy_context();
  const auto outcome = strategy_->strategy->decide(sc, primary);
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
    outcome = strategy_->strategy->decide(sc, primary_.on_step_done(ctx(), handler()));
  } else {
    outcome = strategy_->strategy->on_timer(sc, tag, primary_.outcome());
  }
  publish(outcome.state, outcome.cause);
}

}  // namespace outagesim::models
