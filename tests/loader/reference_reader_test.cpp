// Recovery steps: a duration or work over throughput, never both.
#include <catch2/catch.hpp>
#include <variant>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
namespace m = outagesim::models;
using outagesim::sim::Time;

TEST_CASE("a recovery step is a duration or work at a throughput") {
  const m::ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - name: oss
    kind: object_storage
    recovery:
      - {step: scrub, duration: 30m}
      - {step: integrity checks, work_tb: 500, tb_per_hour: 90}
)"));
  const auto& steps = std::get<m::ServiceParams>(spec.components[0].params).recovery;
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].time() == Time::minutes(30));
  CHECK_FALSE(steps[0].work);
  REQUIRE(steps[1].work);
  CHECK(steps[1].time() == Time::seconds(20000));
}

TEST_CASE("a step with both a duration and work, or half of the work, is refused") {
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - name: oss
    kind: object_storage
    recovery:
      - {step: checks, duration: 1h, work_tb: 500, tb_per_hour: 90}
      - {step: more checks, work_tb: 500}
      - {step: zero, work_tb: 5, tb_per_hour: 0}
)"));
  CHECK(errors ==
        R"(test.yaml:9:34: error: step 'checks' of 'recovery' of component 'oss' has both 'duration' and work
 9 |       - {step: checks, duration: 1h, work_tb: 500, tb_per_hour: 90}
   |                                  ^
  expected: either 'duration', or 'work_tb' with 'tb_per_hour'
test.yaml:10:9: error: step 'more checks' of 'recovery' of component 'oss' lacks the required key 'tb_per_hour'
 10 |       - {step: more checks, work_tb: 500}
    |         ^
  expected: 'tb_per_hour: ...' in this mapping
test.yaml:11:47: error: 'tb_per_hour' of step 'zero' of 'recovery' of component 'oss' is 0, out of range
 11 |       - {step: zero, work_tb: 5, tb_per_hour: 0}
    |                                               ^
  expected: a number above 0, at most 1e9
3 problems found
)");
}

TEST_CASE("an empty list of requirements is refused, not taken as always up") {
  const auto errors = [](const std::string& needs) {
    return load_errors(scenario_yaml(
        "components:\n  - {name: a, kind: power_feed}\n  - {name: b, kind: compute, needs: " + needs +
        "}\n"));
  };
  CHECK_THAT(errors("[]"), Catch::Contains("is an empty list"));
  CHECK_THAT(errors("{any_of: []}"), Catch::Contains("is an empty list"));
  CHECK_THAT(errors("{all_of: []}"), Catch::Contains("is an empty list"));
}

TEST_CASE("a member listed twice is refused: it would count twice") {
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {name: a, kind: power_feed}
  - {name: b, kind: power_feed}
  - {name: c, kind: compute, needs: {k: 2, of: [a, a, b]}}
)"));
  CHECK_THAT(errors, Catch::Contains("lists 'a' twice"));
}

TEST_CASE("a recovery written as one distribution is one drawn step") {
  // Regression (session 20): refused as "not a list", though one duration is accepted.
  m::ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: oss, kind: object_storage, recovery: {dist: uniform, min: 10m, max: 1h}}
)"));
  const auto& steps = std::get<m::ServiceParams>(spec.components[0].params).recovery;
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].name == "recovery");
  CHECK(steps[0].duration == Time::minutes(35));  // the nominal: the median
  REQUIRE(spec.inputs.size() == 1);
  CHECK(spec.inputs[0].unit == m::InputUnit::kDuration);
  spec.inputs[0].set(spec, static_cast<double>(Time::minutes(50).count_ms()));
  CHECK(std::get<m::ServiceParams>(spec.components[0].params).recovery[0].duration == Time::minutes(50));
}

TEST_CASE("pooled needs take a weight per member, each above 0") {
  const auto errors = [](const std::string& needs) {
    return load_errors(
        scenario_yaml("components:\n  - {name: a, kind: power_feed}\n  - {name: b, kind: power_feed}\n"
                      "  - {name: c, kind: compute, needs: " +
                      needs + "}\n"));
  };
  CHECK_THAT(errors("{pooled: [a, b], weights: [1]}"),
             Catch::Contains("must list one weight per member (2)"));
  CHECK_THAT(errors("{pooled: [a, b], weights: [1, 0]}"), Catch::Contains("a weight of"));
  CHECK_THAT(errors("{pooled: [a, a]}"), Catch::Contains("lists 'a' twice"));
  CHECK_THAT(errors("{pooled: [a, b], any_of: [a]}"),
             Catch::Contains("exactly one of all_of, any_of, k with of, or pooled"));
  CHECK_THAT(errors("{any_of: [a, b], weights: [1, 2]}"), Catch::Contains("unknown key 'weights'"));
  const m::ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: a, kind: power_feed}
  - {name: b, kind: power_feed}
  - {name: c, kind: compute, needs: {pooled: [a, b], weights: [300, 100]}}
)"));
  const auto& needs = std::get<m::ServiceParams>(spec.components.at(2).params).needs;
  CHECK(needs.mode == m::Requirement::Mode::kPooled);
  REQUIRE(needs.children.size() == 2);
  CHECK(needs.children[0].weight == 300);
  CHECK(needs.children[1].weight == 100);
}
