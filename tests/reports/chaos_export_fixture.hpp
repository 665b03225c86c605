// The small region the chaos export tests share: a zone-a VM failed 01:00-02:00, a bucket failed from
// 00:30 to the end, and a middleware fault nothing real can inject.
#pragma once

#include "tests/support/scenario_fixture.hpp"

namespace outagesim::testing {

inline Run chaos_region() {
  return run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed, zone: a}
  - {name: vm, kind: compute, zone: a, needs: feed}
  - {name: bucket, kind: object_storage, zone: a}
  - {name: mq, kind: middleware}
tenants:
  - name: shop
    functions:
      - {name: checkout, needs: [vm, bucket]}
      - {name: queue, needs: [mq]}
faults:
  - {at: "01:00", target: vm, action: fail}
  - {at: "02:00", target: vm, action: repair}
  - {at: "00:30", target: bucket, action: fail}
  - {at: "03:00", target: mq, action: fail}
)",
                                "6h"));
}

}  // namespace outagesim::testing
