// Tiny scenarios written inline in tests, as ninja's tests write tiny manifests: load them (failing the
// test with the diagnostics if they do not load), run them, and look things up by name.
#pragma once

#include <string>
#include <string_view>

#include "loader/scenario_loader.hpp"
#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::testing {

// A scenario header (name, start 2022-01-01T00:00:00+00:00, horizon) followed by `body`.
std::string scenario_yaml(std::string_view body, std::string_view horizon = "24h");

// REQUIRE-s that the text loads; returns the spec.
models::ScenarioSpec load_spec(std::string_view yaml);
// The diagnostics of text that must not load (REQUIRE-s that it does not), rendered.
std::string load_errors(std::string_view yaml);

struct Run {
  models::ScenarioSpec spec;
  models::RunResult result;

  models::ComponentId id(std::string_view name) const;
  // Every interval of `name` in `state`, as "HH:MM-HH:MM" pairs joined with ", " (minutes since start
  // written as clock times on a 00:00 start).
  std::string intervals(std::string_view name, models::State state = models::State::kDown) const;
  sim::Time downtime(std::string_view name) const { return result.downtime(id(name)); }
};

Run run_yaml(std::string_view yaml, std::uint64_t seed = 1);

// "HH:MM" (or "HH:MM:SS" when seconds are not zero) for a time since a 00:00 start; "+1d" past a day.
std::string clock(sim::Time t);

}  // namespace outagesim::testing
