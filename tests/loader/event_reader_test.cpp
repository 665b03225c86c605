// Faults and operator actions: the share a set_capacity action takes.
#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
namespace m = outagesim::models;

TEST_CASE("set_capacity takes a share of the target's own nodes") {
  const m::ScenarioSpec spec = load_spec(scenario_yaml(R"(
components:
  - {name: ebs, kind: block_storage}
faults:
  - {at: "01:00", target: ebs, action: set_capacity, share: 0.7}
)"));
  REQUIRE(spec.injections.size() == 1);
  CHECK(spec.injections[0].action == m::Action::kSetCapacity);
  CHECK(spec.injections[0].amount == 0.7);
}

TEST_CASE("set_capacity needs a share from 0 to 1 and a generic service") {
  const std::string errors = load_errors(scenario_yaml(R"(
components:
  - {name: ebs, kind: block_storage}
  - {name: db, kind: database, primary: ebs}
faults:
  - {at: "01:00", target: ebs, action: set_capacity}
  - {at: "02:00", target: ebs, action: set_capacity, share: 2}
  - {at: "03:00", target: db, action: set_capacity, share: 0.5}
  - {at: "04:00", target: ebs, action: fail, share: 0.5}
)"));
  CHECK(errors == R"(test.yaml:9:5: error: a fault lacks the required key 'share'
 9 |   - {at: "01:00", target: ebs, action: set_capacity}
   |     ^
test.yaml:10:61: error: 'share' of a fault is 2, out of range
 10 |   - {at: "02:00", target: ebs, action: set_capacity, share: 2}
    |                                                             ^
  expected: a number from 0 to 1
test.yaml:11:39: error: action 'set_capacity' does not apply to database 'db'
 11 |   - {at: "03:00", target: db, action: set_capacity, share: 0.5}
    |                                       ^
  expected: one of fail, repair, voltage_sag, switch_over
test.yaml:12:53: error: action 'fail' takes no 'share'
 12 |   - {at: "04:00", target: ebs, action: fail, share: 0.5}
    |                                                     ^
  expected: no argument
4 problems found
)");
}
