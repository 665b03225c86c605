// Which components a strategy's own sites and procedures use (they become dependency edges).
#include "models/strategy_spec.hpp"

namespace outagesim::models {

namespace {
struct StrategyComponents {
  std::vector<ComponentId>& out;
  void operator()(const WaitForRepairSpec&) const {}
};
}  // namespace

void collect_strategy_components(const StrategySpec& strategy, std::vector<ComponentId>& out) {
  std::visit(StrategyComponents{out}, strategy);
}

}  // namespace outagesim::models
