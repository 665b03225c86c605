#include "models/results/heat_damage_findings.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::models;
using outagesim::sim::Time;

namespace {

// A note (no change of state) on pool `pool` at minute `minute`.
StateChange note(ComponentId pool, int minute, Reason reason, double value) {
  StateChange c;
  c.time = Time::minutes(minute);
  c.component = pool;
  c.from = State::kDegraded;
  c.to = State::kDegraded;
  c.cause.reason = reason;
  c.cause.value = value;
  return c;
}

}  // namespace

TEST_CASE("each heat-damage finding is whole again when its pool's replacements reach every host") {
  RunResult result;
  result.journal = {note(1, 10, Reason::kHeatDamage, 3),      note(2, 12, Reason::kHeatDamage, 2),
                    note(1, 20, Reason::kHeatDamage, 1),      note(1, 30, Reason::kHostsReplaced, 0.99),
                    note(1, 40, Reason::kHostsReplaced, 1.0), note(1, 50, Reason::kHeatDamage, 4)};
  const auto findings = heat_damage_findings(result);
  REQUIRE(findings.size() == 4);
  CHECK(findings[0].pool == 1);
  CHECK(findings[0].hosts == 3);
  CHECK(findings[0].found == Time::minutes(10));
  CHECK(findings[0].whole_again == Time::minutes(40));  // not at 99 %
  CHECK(findings[1].pool == 2);
  CHECK(findings[1].whole_again.is_never());  // another pool's replacements do not count
  CHECK(findings[2].whole_again == Time::minutes(40));
  CHECK(findings[3].found == Time::minutes(50));
  CHECK(findings[3].whole_again.is_never());  // found after the pool was last whole
}

TEST_CASE("a pool damaged again after it was whole is whole again at its second replacement") {
  RunResult result;
  StateChange replaced_as_change = note(1, 55, Reason::kHostsReplaced, 1.0);
  replaced_as_change.from = State::kDegraded;
  replaced_as_change.to = State::kUp;  // a change of state, not the replacement note: ignored
  result.journal = {note(2, 5, Reason::kHostsReplaced, 1.0),  // nothing outstanding: ignored
                    note(1, 10, Reason::kHeatDamage, 3),     note(1, 40, Reason::kHostsReplaced, 1.0),
                    note(1, 50, Reason::kHeatDamage, 4),     replaced_as_change,
                    note(1, 60, Reason::kHostsReplaced, 1.0)};
  const auto findings = heat_damage_findings(result);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].whole_again == Time::minutes(40));  // closed findings stay closed
  CHECK(findings[1].whole_again == Time::minutes(60));
}

TEST_CASE("a change of state with a heat-damage cause is not a finding") {
  RunResult result;
  StateChange down = note(1, 10, Reason::kHeatDamage, 5);
  down.from = State::kUp;
  down.to = State::kDown;
  result.journal = {down};
  CHECK(heat_damage_findings(result).empty());
}
