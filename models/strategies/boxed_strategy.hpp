// A tenant function's strategy, held out of line. Nearly every function of a big region waits for repair,
// and the StrategySpec variant inline (240 bytes, the size of its largest alternative) was two thirds of a
// function's spec: a million tenants carried 230 MB of empty strategies.
#pragma once

#include <memory>

#include "models/strategies/strategy_spec.hpp"

namespace outagesim::models {

// A value: copies are deep. Empty means wait for repair, which takes no memory.
class BoxedStrategy {
 public:
  BoxedStrategy() = default;
  BoxedStrategy(StrategySpec spec);  // NOLINT(google-explicit-constructor): assigned like the variant
  BoxedStrategy(const BoxedStrategy& other);
  BoxedStrategy& operator=(const BoxedStrategy& other);
  BoxedStrategy(BoxedStrategy&&) noexcept = default;
  BoxedStrategy& operator=(BoxedStrategy&&) noexcept = default;
  ~BoxedStrategy() = default;

  const StrategySpec& get() const;
  // For writing into: an empty box first holds a wait-for-repair spec of its own.
  StrategySpec& get();

 private:
  std::unique_ptr<StrategySpec> spec_;  // null: wait for repair
};

}  // namespace outagesim::models
