#include <catch2/catch.hpp>
#include <vector>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using outagesim::models::State;

TEST_CASE("a tenant is down when all its functions are, degraded when some are") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: engine, kind: compute}
  - {name: wallet, kind: database, primary: [engine]}
  - {name: hsm, kind: network}
tenants:
  - name: exchange
    functions:
      - {name: trading, needs: [engine], recovery: 1h}
      - {name: withdrawals, needs: [engine, hsm]}
faults:
  - {at: "01:00", target: engine, action: fail}
  - {at: "01:00", target: hsm, action: fail}
  - {at: "02:00", target: engine, action: repair}
  - {at: "05:00", target: hsm, action: repair}
)"));
  CHECK(run.intervals("exchange/trading") == "01:00-03:00");
  CHECK(run.intervals("exchange/withdrawals") == "01:00-05:00");
  CHECK(run.intervals("exchange") == "01:00-03:00");
  CHECK(run.intervals("exchange", State::kDegraded) == "03:00-05:00");
}

TEST_CASE("a tenant whose needs never fail is never down") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
tenants:
  - {name: steady, needs: [a]}
faults:
  - {at: "01:00", target: b, action: fail}
)"));
  CHECK(run.downtime("steady") == outagesim::sim::Time());
  CHECK(run.result.intervals[run.id("steady")].empty());
}

TEST_CASE("a tenant blames the function that fell last, and on its return the one that came back") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: engine, kind: compute}
  - {name: hsm, kind: network}
tenants:
  - name: exchange
    functions:
      - {name: trading, needs: [engine]}
      - {name: withdrawals, needs: [hsm]}
faults:
  - {at: "01:00", target: engine, action: fail}
  - {at: "01:30", target: hsm, action: fail}
  - {at: "02:00", target: engine, action: repair}
  - {at: "03:00", target: hsm, action: repair}
)"));
  REQUIRE(run.intervals("exchange") == "01:30-02:00");
  REQUIRE(run.intervals("exchange", State::kDegraded) == "01:00-01:30, 02:00-03:00");
  const auto& journal = run.result.journal;
  const auto& down = run.result.intervals[run.id("exchange")];
  std::vector<outagesim::models::ComponentId> blamed;
  for (const auto& i : down) {
    blamed.push_back(journal[i.began].cause.blamed);
    if (i.ended != outagesim::models::kNoChange) blamed.push_back(journal[i.ended].cause.blamed);
  }
  // Degraded at 01:00 by trading; down at 01:30 by withdrawals; degraded at 02:00 as trading returns;
  // up at 03:00 as withdrawals returns.
  CHECK(blamed == std::vector<outagesim::models::ComponentId>{
                      run.id("exchange/trading"), run.id("exchange/withdrawals"),
                      run.id("exchange/withdrawals"), run.id("exchange/trading"), run.id("exchange/trading"),
                      run.id("exchange/withdrawals")});
}
