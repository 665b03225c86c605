// Numbers written as distributions:
//   restore: {dist: triangular, min: 2h, mode: 3h, max: 6h, nominal: 3h}
// The parameters are in the field's own unit (a duration's are durations), except the dimensionless
// shape and sigma. A field that accepts a distribution gets a setter from its reader; reading registers
// an UncertainInput with the sink and returns the nominal value, which the caller stores as usual.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "loader/yaml_map.hpp"
#include "models/scenario/uncertain_input.hpp"

namespace outagesim::loader {

// True when `node` is a mapping with a `dist` key.
bool is_distribution(const YamlNode& node);

// Reads one plain value in the field's unit (for a duration "2h" is 7.2e6 ms), reporting problems to
// the sink it is given.
using ValueReader =
    std::function<std::optional<double>(DiagnosticSink& sink, const YamlNode& node, const std::string& what)>;

// Reads the distribution at `node` (its kind, parameters and truncation; no `nominal` or `name`, which
// belong to inputs) and checks that its draws stay within `range`, cutting off a negligible tail.
// Registers nothing: for a distribution a model samples many times in one run (a time to failure).
std::optional<sim::Distribution> read_distribution(DiagnosticSink& sink, const YamlNode& node,
                                                   const std::string& what, Range range,
                                                   const ValueReader& read_value);

// Reads the distribution at `node` as read_distribution() does, checks that its draws stay within `range`
// (the field's accepted values, in the same unit), registers it as an input writing through `set`, and
// returns its nominal value. `what` names the field in messages ("'restore' of repair 'chillers'"). Without a
// setter the field takes no distribution, which is reported.
std::optional<double> read_uncertain(DiagnosticSink& sink, const YamlNode& node, const std::string& what,
                                     models::InputUnit unit, Range range, const ValueReader& read_value,
                                     const models::InputSetter& set);

// A duration written plainly ("2h") or as a distribution of durations, registered as an input writing
// through `set`: its value, or the distribution's nominal one, within 0..kMaxDuration.
std::optional<sim::Time> read_uncertain_duration(DiagnosticSink& sink, const YamlNode& node,
                                                 const std::string& what, const models::InputSetter& set);

// Value readers for the common units.
ValueReader number_reader();
ValueReader duration_reader();

}  // namespace outagesim::loader
