// Helpers for tests that run inline scenarios.
#include "tests/support/scenario_fixture.hpp"

#include <catch2/catch.hpp>
#include <cstdio>

#include "models/scenario/simulation.hpp"

namespace outagesim::testing {

std::string scenario_yaml(std::string_view body, std::string_view horizon) {
  return "scenario: test\nstart: 2022-01-01T00:00:00+00:00\nhorizon: " + std::string(horizon) + "\n" +
         std::string(body);
}

models::ScenarioSpec load_spec(std::string_view yaml) {
  auto loaded = loader::load_scenario_text(yaml, "test.yaml");
  INFO(loaded.render());
  REQUIRE(loaded.ok());
  return std::move(*loaded.spec);
}

std::string load_errors(std::string_view yaml) {
  auto loaded = loader::load_scenario_text(yaml, "test.yaml");
  REQUIRE_FALSE(loaded.ok());
  return loaded.render();
}

std::string clock(sim::Time t) {
  const std::int64_t s = t.floor_seconds();
  const std::int64_t day = s / 86400;
  const std::int64_t rest = s % 86400;
  char buffer[32];
  if (rest % 60 != 0) {
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld", static_cast<long long>(rest / 3600),
                  static_cast<long long>(rest % 3600 / 60), static_cast<long long>(rest % 60));
  } else {
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld", static_cast<long long>(rest / 3600),
                  static_cast<long long>(rest % 3600 / 60));
  }
  std::string text = buffer;
  if (day > 0) text += "+" + std::to_string(day) + "d";
  return text;
}

models::ComponentId Run::id(std::string_view name) const {
  for (models::ComponentId i = 0; i < spec.vertex_count(); ++i) {
    if (models::vertex_name(spec, i) == name) return i;
  }
  FAIL("no vertex named " << name);
  return models::kNoComponent;
}

std::string Run::intervals(std::string_view name, models::State state) const {
  std::string text;
  for (const models::Interval& i : result.intervals[id(name)]) {
    if (i.state != state) continue;
    if (!text.empty()) text += ", ";
    text += clock(i.start) + "-" + (i.ended == models::kNoChange ? std::string("end") : clock(i.end));
  }
  return text;
}

Run run_yaml(std::string_view yaml, std::uint64_t seed) {
  Run run{load_spec(yaml), {}};
  run.result = models::simulate(run.spec, seed);
  return run;
}

}  // namespace outagesim::testing
