// Drawing and writing the scenario's uncertain inputs.
#include "models/scenario/uncertain_input.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <utility>

#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

double round_for_unit(double value, InputUnit unit) {
  return unit == InputUnit::kNumber ? value : std::nearbyint(value);
}

std::string input_stream_name(const std::string& name) {
  return "input/" + name;
}

std::vector<double> draw_inputs(const ScenarioSpec& spec, std::uint64_t seed, std::uint64_t replication) {
  const sim::RandomStreams streams(seed, replication);
  std::vector<double> values;
  values.reserve(spec.inputs.size());
  for (const UncertainInput& input : spec.inputs) {
    sim::RandomStream stream = streams.stream(input_stream_name(input.name));
    const double drawn = round_for_unit(input.distribution.sample(stream), input.unit);
    values.push_back(std::clamp(drawn, input.lowest, input.highest));
  }
  return values;
}

std::vector<double> nominal_inputs(const ScenarioSpec& spec) {
  std::vector<double> values;
  values.reserve(spec.inputs.size());
  for (const UncertainInput& input : spec.inputs) values.push_back(input.nominal);
  return values;
}

void apply_inputs(ScenarioSpec& spec, std::span<const double> values) {
  assert(values.size() == spec.inputs.size());
  // A variant in place of its tenant's strategies is a copy. The inputs' paths lead to the tenant's own
  // strategies and into the variants list: the own ones go back in place while the draws are written
  // (review 13: a path into a strategy of another kind crashed), then the variant, as drawn, is put in
  // place again (meta trial 2: sensitivity --variant never varied the standby's own switchover).
  const VariantSpec* variant = spec.applied_variant && *spec.applied_variant < spec.variants.size()
                                   ? &spec.variants[*spec.applied_variant]
                                   : nullptr;
  if (variant != nullptr && spec.replaced_strategies.size() == variant->strategies.size()) {
    TenantSpec& tenant = spec.tenants[variant->tenant];
    for (std::size_t k = 0; k < variant->strategies.size(); ++k)
      std::swap(tenant.functions[variant->strategies[k].first].strategy, spec.replaced_strategies[k]);
  } else {
    variant = nullptr;
  }
  for (std::size_t i = 0; i < values.size(); ++i) spec.inputs[i].set(spec, values[i]);
  if (variant != nullptr) {
    TenantSpec& tenant = spec.tenants[variant->tenant];
    for (std::size_t k = 0; k < variant->strategies.size(); ++k) {
      BoxedStrategy& in_place = tenant.functions[variant->strategies[k].first].strategy;
      std::swap(in_place, spec.replaced_strategies[k]);  // the own, as drawn, parked again
      in_place = variant->strategies[k].second;          // the variant, as drawn
    }
  }
}

}  // namespace outagesim::models
