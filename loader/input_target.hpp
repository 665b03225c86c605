// Where an uncertain number's draws go: a path from the root of a ScenarioSpec to its field, built while
// reading. The loader reads into local structs that are copied into the spec later, so a draw cannot be
// written through an address; it is written through this path into each replication's copy of the spec.
//   Locate<m::HostPoolParams> pool = component_params<m::HostPoolParams>(index);
//   p.kw_per_host = c.number("kw_per_host", true, range, into(pool, &m::HostPoolParams::kw_per_host))...
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <variant>
#include <vector>

#include "models/scenario/scenario_spec.hpp"

namespace outagesim::loader {

template <class T>
using Locate = std::function<T&(models::ScenarioSpec&)>;

// Writing a drawn value (already rounded for its unit) into a field of each supported type.
inline void assign_input(double& field, double value) {
  field = value;
}
inline void assign_input(sim::Time& field, double value) {
  field = sim::Time::ms(std::llround(value));
}
inline void assign_input(std::uint32_t& field, double value) {
  field = static_cast<std::uint32_t>(std::llround(value));
}
inline void assign_input(std::int32_t& field, double value) {
  field = static_cast<std::int32_t>(std::llround(value));
}
template <class T>
void assign_input(std::optional<T>& field, double value) {
  T inner{};
  assign_input(inner, value);
  field = inner;
}

// The setter that writes into `field` of the struct `locate` finds.
template <class T, class Field>
models::InputSetter into(Locate<T> locate, Field T::*field) {
  return [locate = std::move(locate), field](models::ScenarioSpec& spec, double value) {
    assign_input(locate(spec).*field, value);
  };
}

// Paths.
template <class T, class U>
Locate<U> member(Locate<T> outer, U T::*field) {
  return [outer = std::move(outer), field](models::ScenarioSpec& spec) -> U& { return outer(spec).*field; };
}
template <class T>
Locate<T> element(Locate<std::vector<T>> outer, std::size_t index) {
  return [outer = std::move(outer), index](models::ScenarioSpec& spec) -> T& { return outer(spec)[index]; };
}
// The value of an optional the reader has set (REQUIRES: it holds one in the spec).
template <class T>
Locate<T> held(Locate<std::optional<T>> outer) {
  return [outer = std::move(outer)](models::ScenarioSpec& spec) -> T& { return *outer(spec); };
}
template <class Alt, class... Ts>
Locate<Alt> alternative(Locate<std::variant<Ts...>> outer) {
  return
      [outer = std::move(outer)](models::ScenarioSpec& spec) -> Alt& { return std::get<Alt>(outer(spec)); };
}
// A tenant function's strategy, in its box (filled by the time draws are written).
inline Locate<models::StrategySpec> strategy_of(Locate<models::TenantFunctionSpec> function) {
  return [function = std::move(function)](models::ScenarioSpec& spec) -> models::StrategySpec& {
    return function(spec).strategy.get();
  };
}
template <class P>
Locate<P> component_params(std::size_t index) {
  return [index](models::ScenarioSpec& spec) -> P& { return std::get<P>(spec.components[index].params); };
}
template <class T>
Locate<std::vector<T>> spec_list(std::vector<T> models::ScenarioSpec::*list) {
  return [list](models::ScenarioSpec& spec) -> std::vector<T>& { return spec.*list; };
}

}  // namespace outagesim::loader
