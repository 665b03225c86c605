#include "models/results/cause_chain.hpp"

#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using namespace outagesim::models;

TEST_CASE("a tenant's outage traces back through its dependencies to the injected fault") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: disks, kind: block_storage, needs: feed}
  - {name: vm, kind: compute, needs: disks}
tenants:
  - {name: shop, needs: [vm]}
faults:
  - {at: "01:00", target: feed, action: fail}
)"));
  const Interval& down = run.result.intervals[run.id("shop")][0];
  std::vector<std::string> names;
  for (const ChangeId id : cause_chain(run.result, down.began)) {
    names.push_back(vertex_name(run.spec, run.result.journal[id].component));
  }
  CHECK(names == std::vector<std::string>{"shop", "shop/service", "vm", "disks", "feed"});
  CHECK(root_injection(run.result, down.began) == 0);
}
