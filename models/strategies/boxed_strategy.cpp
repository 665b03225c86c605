// A strategy spec kept out of line, empty for waiting for repair.
#include "models/strategies/boxed_strategy.hpp"

#include <utility>
#include <variant>

namespace outagesim::models {

namespace {
const StrategySpec kWaitForRepair{WaitForRepairSpec{}};
}

BoxedStrategy::BoxedStrategy(StrategySpec spec) {
  if (!std::holds_alternative<WaitForRepairSpec>(spec))
    spec_ = std::make_unique<StrategySpec>(std::move(spec));
}

BoxedStrategy::BoxedStrategy(const BoxedStrategy& other)
    : spec_(other.spec_ ? std::make_unique<StrategySpec>(*other.spec_) : nullptr) {}

BoxedStrategy& BoxedStrategy::operator=(const BoxedStrategy& other) {
  if (this != &other) spec_ = other.spec_ ? std::make_unique<StrategySpec>(*other.spec_) : nullptr;
  return *this;
}

const StrategySpec& BoxedStrategy::get() const {
  return spec_ ? *spec_ : kWaitForRepair;
}

StrategySpec& BoxedStrategy::get() {
  if (!spec_) spec_ = std::make_unique<StrategySpec>(WaitForRepairSpec{});
  return *spec_;
}

}  // namespace outagesim::models
