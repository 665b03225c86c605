// A power loss behind a repair that waits for a host pool: a feed fails and takes a room's power, and the
// pool in it, with it; a network fails at the same time, and is repaired half an hour after the pool is
// back. Shared by the held-up and ranking tests, which hold up the room, the plant or the pool.
#pragma once

namespace outagesim::testing {

inline constexpr const char* kPoolBehindFeed = R"(
components:
  - {name: feed, kind: power_feed}
  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 1000}
  - {name: room, kind: room, cooling: plant, power: feed, design_cooling_kw: 500, thermal_mass_kj_per_c: 100000}
  - {name: pool, kind: host_pool, room: room, hosts: 10, kw_per_host: 1}
  - {name: w, kind: network}
tenants:
  - {name: t, needs: [w]}
faults:
  - {at: "10:00", target: feed, action: fail}
  - {at: "10:00", target: w, action: fail}
  - {at: "12:00", target: feed, action: repair}
repairs:
  - name: fix w once the pool is back
    when: {component: feed, event: enters_down}
    stages:
      - {name: check pool, duration: 30m, wait_for: {component: pool, event: returns_up},
         then: [{target: w, action: repair}]}
)";

}  // namespace outagesim::testing
