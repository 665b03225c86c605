// Drawing and writing the scenario's uncertain inputs.
#include "models/scenario/uncertain_input.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

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
  for (std::size_t i = 0; i < values.size(); ++i) spec.inputs[i].set(spec, values[i]);
  // A variant in place of its tenant's strategies is a copy: its drawn inputs are set in the variant,
  // so it is put in place again (meta trial 2: sensitivity --variant never varied the standby's own
  // detection or switchover).
  if (spec.applied_variant && *spec.applied_variant < spec.variants.size()) {
    const VariantSpec& variant = spec.variants[*spec.applied_variant];
    TenantSpec& tenant = spec.tenants[variant.tenant];
    for (const auto& [function, strategy] : variant.strategies)
      tenant.functions[function].strategy = strategy;
  }
}

}  // namespace outagesim::models
