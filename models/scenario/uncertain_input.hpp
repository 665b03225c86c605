// The scenario's uncertain numbers: each one a distribution over a value the spec holds, and the fields
// a draw is written into. The loader finds them (the models know no YAML) and writes each one's nominal
// value into the spec, so a plain run is the scenario as typed; a replication copies the spec and writes
// a draw into every field instead. Draws come from the input's own named stream of the replication, so
// adding an input, a tenant or a variant never changes the draws of the others, and every strategy
// variant of one replication sees the same draws (common random numbers).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "sim/distribution.hpp"
#include "sim/random_stream.hpp"

namespace outagesim::models {

struct ScenarioSpec;

// What the distribution's numbers stand for, and so how a draw is rounded into its field.
enum class InputUnit : std::uint8_t {
  kNumber,     // as is
  kCount,      // rounded to the nearest whole number
  kDuration,   // milliseconds, rounded to the nearest one
  kTimePoint,  // milliseconds since the scenario start, rounded
};

// Writes a value (already rounded for its unit) into one field of a spec.
using InputSetter = std::function<void(ScenarioSpec&, double)>;

struct UncertainInput {
  std::string name;   // unique within the scenario; reports show it; its stream is "input/<name>"
  std::string where;  // file:line:column of the distribution, for messages
  sim::Distribution distribution;
  InputUnit unit = InputUnit::kNumber;
  double nominal = 0;  // the value a plain run uses, in the distribution's numbers
  // What the field accepts: a rounded draw is kept inside (the loader refused distributions that could
  // leave it with more than a negligible probability).
  double lowest = -1e300;
  double highest = 1e300;
  InputSetter set;
};

// A draw rounded as its unit says.
double round_for_unit(double value, InputUnit unit);

// One value per input of `spec.inputs`, in order: the draws of replication `replication`.
std::vector<double> draw_inputs(const ScenarioSpec& spec, std::uint64_t seed, std::uint64_t replication);
// The nominal values, in order.
std::vector<double> nominal_inputs(const ScenarioSpec& spec);
// Writes `values` (one per input, in order) into the spec's fields.
void apply_inputs(ScenarioSpec& spec, std::span<const double> values);

// The name of input `name`'s random stream.
std::string input_stream_name(const std::string& name);

}  // namespace outagesim::models
