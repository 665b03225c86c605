// `outagesim explain` as a user meets it: the story of OKX's outage in the HK 2022 replay, and the usage
// errors for an unknown tenant or function.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <string>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;

TEST_CASE("explain tells OKX's trading outage from the cooling plant to its own reconcile") {
  const auto r = run_cli("explain scenarios/hk-2022-zone-c.yaml --tenant OKX --function trading");
  INFO(r.err);
  REQUIRE(r.status == 0);
  INFO(r.out);
  CHECK(r.out.find("OKX/trading was down from ") != std::string::npos);
  // The hosts' segment leads back to the cooling plant, the last ones are OKX's own steps.
  CHECK(r.out.find("Behind it (from plant-c, the cooling plant): c5-dedicated") != std::string::npos);
  CHECK(r.out.find("it waited for oss-c, which was running its recovery step 'data integrity checks'") !=
        std::string::npos);
  CHECK(r.out.find("OKX ran its own recovery step 'reconcile ledgers and order books' (OKX's own time)") !=
        std::string::npos);
  CHECK(r.out.find("the provider's time, ") != std::string::npos);
  CHECK(r.out.find("In all, OKX/trading was down or degraded for ") != std::string::npos);
}

TEST_CASE("explain names an unknown tenant or function, with the nearest one, and exits 2") {
  const auto tenant = run_cli("explain scenarios/hk-2022-zone-c.yaml --tenant OKY");
  CHECK(tenant.status == 2);
  CHECK(tenant.err.find("no tenant named 'OKY'; did you mean 'OKX'?") != std::string::npos);
  const auto function = run_cli("explain scenarios/hk-2022-zone-c.yaml --tenant OKX --function tradin");
  CHECK(function.status == 2);
  CHECK(function.err.find("no function named 'tradin'; did you mean 'trading'?") != std::string::npos);
}

TEST_CASE("explain follows a failover through the standby's own waits") {
  // Regression (session 20, then 21): a standby's failover was told as the primary's outage, the
  // provider's time throughout; then it was only noted that the segments followed the primary.
  const std::string path = outagesim::testing::unique_temp_path("explain-standby.yaml");
  std::ofstream(path) << R"(scenario: explain-standby
start: 2024-01-01T09:00:00+00:00
horizon: 6h
components:
  - {name: x, kind: middleware}
  - {name: z, kind: middleware}
tenants:
  - name: app
    needs: [x]
    recovery: [{step: reconcile, duration: 30m}]
    strategy: {kind: standby, needs: [z], detection: 10m, decision: 10m, switchover: 20m, dns_ttl: 5m}
faults:
  - {at: "10:00", target: x, action: fail}
  - {at: "13:00", target: x, action: repair}
  - {at: "10:00", target: z, action: fail}
  - {at: "10:30", target: z, action: repair}
)";
  const auto r = run_cli("explain " + path + " --tenant app");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("app/service was down from 10:00 to 11:25") != std::string::npos);
  CHECK(
      r.out.find(
          "From 10:00 to 10:20 (20m) its standby strategy waited for detection and decision (app's failover "
          "while the provider was down).") != std::string::npos);
  // The standby's own needs were down when the procedure began: the provider's time, through z.
  CHECK(
      r.out.find("From 10:20 to 10:30 (10m) its standby strategy waited for z (the standby's needs), itself "
                 "down (the provider's time).") != std::string::npos);
  // The procedure works around the primary's outage (x down) at the tenant's pace: neither the provider's
  // time alone nor the tenant's own. Its own recovery step on the new site is its own.
  CHECK(r.out.find("From 10:30 to 10:55 (25m) its standby strategy waited for switchover and DNS (app's "
                   "failover while the provider was down).") != std::string::npos);
  CHECK(
      r.out.find("From 10:55 to 11:25 (30m) its standby strategy waited for the recovery step 'reconcile' on "
                 "the new site (app's own time).") != std::string::npos);
  CHECK(r.out.find(
            "it came back through it at least once: where a failover ended an outage, the segments above "
            "follow the strategy's waits, elsewhere its primary deployment") != std::string::npos);
  CHECK(r.out.find("In all, app's functions were down or degraded for 1h 25m: 10m of it the provider's time, "
                   "45m its failover while the provider was down, 30m app's own.") != std::string::npos);
}

TEST_CASE("explain follows the primary when it came back before the failover did") {
  const std::string path = outagesim::testing::unique_temp_path("explain-standby-late.yaml");
  std::ofstream(path) << R"(scenario: explain-standby-late
start: 2024-01-01T09:00:00+00:00
horizon: 6h
components:
  - {name: x, kind: middleware}
  - {name: z, kind: middleware}
tenants:
  - name: app
    needs: [x]
    strategy: {kind: standby, needs: [z], detection: 10m, decision: 10m, switchover: 20m}
faults:
  - {at: "10:00", target: x, action: fail}
  - {at: "10:30", target: x, action: repair}
)";
  const auto r = run_cli("explain " + path + " --tenant app");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  CHECK(
      r.out.find("From 10:00 to 10:20 (20m) it waited for x, itself down (the provider's time). Its standby "
                 "strategy meanwhile waited for detection and decision.") != std::string::npos);
  CHECK(
      r.out.find("From 10:20 to 10:30 (10m) it waited for x, itself down (the provider's time). Its standby "
                 "strategy meanwhile waited for switchover and DNS.") != std::string::npos);
  CHECK(r.out.find("the primary deployment came back first, and the segments above follow it") !=
        std::string::npos);
}

TEST_CASE("explain does not say the primary came back first when neither came back") {
  // Blind trial I: Kakao's standby could not switch (its tools were in the burning site), the primary never
  // returned, and explain said "the primary deployment came back first".
  const std::string path = outagesim::testing::unique_temp_path("explain-standby-never.yaml");
  std::ofstream(path) << R"(scenario: explain-standby-never
start: 2024-01-01T00:00:00+00:00
horizon: 12h
components:
  - {name: primary, kind: compute}
  - {name: tools, kind: middleware}
  - {name: dr, kind: compute}
tenants:
  - name: t
    needs: primary
    strategy: {kind: standby, needs: dr, failover_needs: tools, detection: 10m, decision: 20m, switchover: 1h}
faults:
  - {at: "01:00", target: primary, action: fail}
  - {at: "01:00", target: tools, action: fail}
)";
  const auto r = run_cli("explain " + path + " --tenant t");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("came back first") == std::string::npos);
  CHECK(r.out.find("neither it nor the primary deployment brought the function back before the end of the "
                   "run") != std::string::npos);
}

TEST_CASE("explain holds an active-active outage on the site whose return ends it") {
  // Regression (session 21): an active-active function was segmented through its unused own needs.
  const std::string path = outagesim::testing::unique_temp_path("explain-active-active.yaml");
  std::ofstream(path) << R"(scenario: explain-active-active
start: 2024-01-01T09:00:00+00:00
horizon: 6h
components:
  - {name: a, kind: middleware}
  - {name: b, kind: middleware}
  - {name: shared, kind: middleware}
tenants:
  - name: shop
    needs: [a]
    recovery: [{step: warm caches, duration: 5m}]
    strategy:
      kind: active_active
      sites:
        - {needs: [a, shared], capacity: 0.6}
        - {needs: [b, shared], capacity: 0.6}
      detection: 1m
faults:
  - {at: "10:00", target: a, action: fail}
  - {at: "10:00", target: shared, action: fail}
  - {at: "10:10", target: shared, action: repair}
  - {at: "12:00", target: a, action: repair}
)";
  const auto r = run_cli("explain " + path + " --tenant shop");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  // Both sites were down; site 2 returned first, so the shared dependency held the outage, not a.
  CHECK(r.out.find("From 10:00 to 10:10 (10m) its active_active strategy waited for shared (a site's needs), "
                   "itself down (the provider's time).") != std::string::npos);
  CHECK(r.out.find("From 10:10 to 10:15 (5m) its active_active strategy waited for the recovery step 'warm "
                   "caches' on its site 2 (shop's own time).") != std::string::npos);
  // Then short of capacity until site 1 is back.
  CHECK(r.out.find("From 10:15 to 12:00 (1h 45m) its active_active strategy waited for a (a site's needs), "
                   "itself down (the provider's time).") != std::string::npos);
  CHECK(r.out.find("From 12:00 to 12:05 (5m) its active_active strategy waited for the recovery step 'warm "
                   "caches' on its site 1 (shop's own time).") != std::string::npos);
}

TEST_CASE("explain and rank put a stock-out on the zone that ran out, with no failure behind it") {
  // Regression (session 21's review): the wait had no chain, so explain said nothing behind it and rank
  // counted it at no root (held 10m 30s, at the root 0s); then (session 22's review) a zone back from an
  // earlier blip of its network was rooted at that network.
  const std::string path = outagesim::testing::unique_temp_path("explain-stock-out.yaml");
  std::ofstream(path) << R"(scenario: explain-stock-out
start: 2024-01-01T00:00:00+00:00
horizon: 12h
components:
  - {name: a, kind: compute}
  - {name: a2, kind: compute}
  - {name: n, kind: network}
  - {name: b, kind: compute, spare_instances: 10, needs: n}
  - {name: cp, kind: control_plane, nodes: [{rps: 1000}]}
tenants:
  - name: T
    functions:
      - name: g
        needs: [a2]
        strategy: {kind: launch_new, target: b, control_plane: cp, instances: 8, boot: 30m, detection: 1m}
      - name: f
        needs: [a]
        strategy: {kind: launch_new, target: b, control_plane: cp, instances: 5, boot: 10m, detection: 1m}
faults:
  - {at: "+10m", target: n, action: fail}
  - {at: "+20m", target: n, action: repair}
  - {at: "+1h", target: a, action: fail}
  - {at: "+8h", target: a, action: repair}
  - {at: "+50m", target: a2, action: fail}
  - {at: "+1h 10m", target: a2, action: repair}
)";
  const auto r = run_cli("explain " + path + " --tenant T");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("waited for b (no spare capacity left in the target zone (stock-out))") !=
        std::string::npos);
  CHECK(r.out.find("Behind it: no failure; b was up, and its own limit held it.") != std::string::npos);
  const auto rank = run_cli("rank " + path + " --format csv");
  INFO(rank.out);
  REQUIRE(rank.status == 0);
  CHECK(rank.out.find("\nb,compute,630,630,") != std::string::npos);
}

TEST_CASE("explain tells a pool held by the operators' power_off once its room could take it back") {
  // Blind trial J: the hours the operators kept a cool hall dark were told as the chiller fault's.
  const std::string path = outagesim::testing::unique_temp_path("explain-held-off.yaml");
  std::ofstream(path) << R"(scenario: explain-held-off
start: 2024-01-01T00:00:00+00:00
horizon: 12h
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000, alarm_c: 30}
  - {name: hosts, kind: host_pool, room: hall, hosts: 100, kw_per_host: 9, power_on: 20m}
  - {name: vm, kind: compute, needs: hosts}
tenants:
  - {name: shop, needs: [vm]}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 2}
operator_actions:
  - {when: {component: hall, event: above_c, c: 28}, target: hosts, action: power_off, note: keep dark}
  - {at: "02:00", target: plant, action: restore_chillers, count: 2}
  - {at: "06:00", target: hosts, action: power_on}
)";
  const auto r = run_cli("explain " + path + " --tenant shop");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("From 02:00 to 06:00 (4h 00m) it waited for vm, held by hosts (the provider's time). The "
                   "operators kept it off until they powered it on at 06:00.") != std::string::npos);
  CHECK(r.out.find(
            "hosts still down at 02:00: its room could take its hosts back, but operator action power_off "
            "on hosts at 01:04 (keep dark) holds them off.") != std::string::npos);
  CHECK(r.out.find("From 06:00 to 06:20 (20m) it waited for vm, held by hosts (the provider's time). The "
                   "operators powered it on at 06:00; from then the pool waited for its restart") !=
        std::string::npos);
  const auto rank = run_cli("rank " + path + " --format csv");
  INFO(rank.out);
  REQUIRE(rank.status == 0);
  // Held all along by the pool; at the root of the 4 h the operators chose, the plant of the rest (the
  // hour before and the restart after).
  CHECK(rank.out.find("\nhosts,host_pool,18934,14400,,") != std::string::npos);
  CHECK(rank.out.find("\nplant,cooling_plant,0,4534,") != std::string::npos);
}

TEST_CASE("explain tells a pool held by its room from one waiting for its restart") {
  // Regression (session 25's blind trial): a pool's segment named only the shutdown behind it, long after
  // its room could take its hosts back, so "physics or people?" had no answer.
  const auto r = run_cli("explain scenarios/hk-2022-zone-c.yaml --tenant personal-web");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find(
            "From 18:42 to 20:13 (1h 30m) it waited for ecs-c3, held by c3-compute (the provider's time). "
            "Its room room-c3 held it until 18:56, when it could take its hosts back (powered, below its "
            "alarm, cooled enough); from then the pool waited for its restart (its crew, power-on and "
            "checks).") != std::string::npos);
  CHECK(r.out.find("From 20:13 to 20:30 (17m 09s) it waited for ecs-c3, held by c3-compute (the provider's "
                   "time). The pool was part way through its restart") != std::string::npos);
}

TEST_CASE("explain tells a pool short of its heat-damaged hosts from one still restarting") {
  // Regression (session 26's blind trial): two days waiting for parts read "part way through its restart".
  const std::string path = outagesim::testing::unique_temp_path("explain-damage.yaml");
  std::ofstream(path) << R"(scenario: explain-damage
start: 2024-01-01T00:00:00+00:00
horizon: 3d
crews: [{name: ops, headcount: 3}]
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 95000,
     heat_loss_kw_per_c: 10}
  - {name: pool, kind: host_pool, room: hall, hosts: 400, kw_per_host: 2, shutdown_c: 45, rated_c: 35, crew: ops,
     power_on: 30m}
  - {name: vm, kind: compute, needs: pool}
tenants:
  - {name: t, needs: vm}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 2}
operator_actions:
  - {at: "03:00", target: plant, action: restore_chillers, count: 2}
)";
  const auto r = run_cli("explain " + path + " --tenant t");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find(
            "The pool had restarted but for 5 hosts damaged by heat (found at 03:05), out until replaced "
            "(parts, then its crew), at 08:05+2d.") != std::string::npos);
  CHECK(r.out.find("part way through its restart") == std::string::npos);
}

TEST_CASE("explain tells a pool restarting in batches, then short of its heat-damaged hosts") {
  // Regression (session 26's review): a day and more waiting for parts after a restart in batches read
  // "part way through its restart".
  const std::string path = outagesim::testing::unique_temp_path("explain-damage-batches.yaml");
  std::ofstream(path) << R"(scenario: explain-damage-batches
start: 2024-01-01T00:00:00+00:00
horizon: 3d
crews: [{name: ops}]
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 900, thermal_mass_kj_per_c: 80000, alarm_c: 32}
  - {name: hosts, kind: host_pool, room: hall, hosts: 100, kw_per_host: 4, shutdown_c: 40, rated_c: 30, crew: ops,
     restart: {team: 1, hosts_per_person_hour: 100, batch_hosts: 25, parallel_batches: 1},
     damage: {pct_per_c_hour: 0.1, hot_shutdown_pct_per_c: 2}, replace: {spares: 0, parts_lead_time: 10h}}
  - {name: vm, kind: compute, needs: hosts, down_below: 0.9}
tenants:
  - {name: T, needs: [vm]}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 2}
operator_actions:
  - {at: "03:00", target: plant, action: restore_chillers, count: 2}
)";
  const auto r = run_cli("explain " + path + " --tenant T");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  // Session 30: the restart and the wait for parts are two spells, the second held by the damage, whose
  // chain goes back to the heat (not to the room cooling down, nor to the restart).
  CHECK(
      r.out.find("From 03:26 to 03:59 (33m) it waited for vm, held by hosts (the provider's time). The pool "
                 "was part way through its restart") != std::string::npos);
  CHECK(
      r.out.find("From 03:59 to 09:11+1d (1d 5h 12m) it waited for vm, held by hosts (the provider's time). "
                 "The pool had restarted but for 20 hosts damaged by heat (found at 03:11), out until "
                 "replaced (parts, then its crew), at 09:11+1d.") != std::string::npos);
  CHECK(r.out.find(
            "20 hosts damaged by heat <- hall degraded at 01:26: overheating at 32.0 °C <- plant down at "
            "01:00") != std::string::npos);
}

TEST_CASE(
    "explain tells hosts destroyed by an action as destroyed by it, and roots the wait for parts there") {
  // Blind trial K: ten hosts destroyed by a surge as the power went read "damaged by heat" in a hall at
  // 24 °C, and the two days waiting for parts went back to the power's return.
  const std::string path = outagesim::testing::unique_temp_path("explain-destroyed.yaml");
  std::ofstream(path) << R"(scenario: explain-destroyed
start: 2024-01-01T10:00:00+00:00
horizon: 3d
crews: [{name: ops, headcount: 2}]
components:
  - {name: utility, kind: power_feed}
  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 1000}
  - {name: hall, kind: room, cooling: plant, power: utility, design_cooling_kw: 1000, thermal_mass_kj_per_c: 100000}
  - {name: storage, kind: host_pool, room: hall, hosts: 100, kw_per_host: 2, power_on: 10m, crew: ops}
  - {name: disks, kind: block_storage, needs: storage}
tenants:
  - {name: app, needs: disks}
faults:
  - {at: "10:00", target: utility, action: fail}
  - {at: "10:00", target: storage, action: damage_hosts, share: 0.1, note: surge}
  - {at: "11:00", target: utility, action: repair}
)";
  const auto r = run_cli("explain " + path + " --tenant app");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find(
            "The pool had restarted but for 10 hosts destroyed by fault damage_hosts on storage at 10:00 "
            "(surge), out until replaced") != std::string::npos);
  CHECK(r.out.find("damaged by heat") == std::string::npos);
  CHECK(r.out.find("Behind it (from storage, the host pool)") != std::string::npos);
  const auto rank = run_cli("rank " + path + " --degraded --format csv");
  INFO(rank.out);
  // Review 9: hosts destroyed in a hall that never went dark leave nothing to restart.
  const std::string running = outagesim::testing::unique_temp_path("explain-destroyed-running.yaml");
  std::ofstream(running) << R"(scenario: explain-destroyed-running
start: 2024-01-01T10:00:00+00:00
horizon: 3d
crews: [{name: ops, headcount: 2}]
components:
  - {name: plant, kind: cooling_plant, chillers: 1, chiller_kw: 1000}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 100000}
  - {name: storage, kind: host_pool, room: hall, hosts: 100, kw_per_host: 2, power_on: 10m, crew: ops}
  - {name: disks, kind: block_storage, needs: storage}
tenants:
  - {name: app, needs: disks}
faults:
  - {at: "11:00", target: storage, action: damage_hosts, share: 0.1, note: forklift}
)";
  const auto kept = run_cli("explain " + running + " --tenant app");
  INFO(kept.out);
  CHECK(kept.out.find("The pool was short of 10 hosts destroyed by fault damage_hosts on storage at 11:00 "
                      "(forklift), out until replaced") != std::string::npos);
  CHECK(kept.out.find("restarted") == std::string::npos);
  // The two days waiting for parts are at the root of the pool (its damage_hosts), not of the utility.
  CHECK(rank.out.find("storage,host_pool,205200,204660,") != std::string::npos);
  CHECK(rank.out.find("utility,power_feed,3600,4140,") != std::string::npos);
}

TEST_CASE("explain tells a strategy variant's outage with --variant, and names an unknown one") {
  // Blind trial (session 26): why the launch variant took its time could not be asked.
  const auto r = run_cli(
      "explain scenarios/hk-2022-zone-c.yaml --tenant OKX --function trading --variant \"warm standby in "
      "Zone B\"");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.rfind("With the variant 'warm standby in Zone B' in place.\n", 0) == 0);
  CHECK(r.out.find("OKX/trading was down from 10:09 to 13:04 (2h 55m).") != std::string::npos);
  const auto unknown =
      run_cli("explain scenarios/hk-2022-zone-c.yaml --tenant OKX --variant \"warm standby in Zone X\"");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("did you mean 'warm standby in Zone B'?") != std::string::npos);
}

TEST_CASE("explain says the hosts a derated hall could not carry waited for cooler air, not for the crew") {
  // Regression (session 27's review): the spell read "part way through its restart", and the last hosts'
  // return blamed the chillers' restore at 03:00, not the air cooling at 06:00.
  const std::string path = outagesim::testing::unique_temp_path("explain-derated.yaml");
  std::ofstream(path) << R"(scenario: derated hall, air cools later
start: 2022-01-01T00:00:00+00:00
horizon: 12h
weather:
  outside_c: [{at: "00:00", c: 20}, {at: "02:00", c: 45}, {at: "06:00", c: 20}]
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 250, rated_outside_c: 35, derate_pct_per_c: 2}
  - {name: room, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000, alarm_c: 30}
  - {name: hosts, kind: host_pool, room: room, hosts: 80, kw_per_host: 12, shutdown_c: 40, power_on: 10m}
tenants:
  - {name: shop, needs: [hosts]}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 4}
operator_actions:
  - {at: "03:00", target: plant, action: restore_chillers, count: 4}
)";
  const auto r = run_cli("explain " + path + " --tenant shop");
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find(
            "From 03:20 to 06:01 (2h 41m) it waited for hosts, itself degraded (the provider's time). The "
            "pool ran the hosts its room could carry; the rest waited for cooler air, its plant derated "
            "in 45.0 °C outside.") != std::string::npos);
  const auto run = run_cli("run " + path);
  CHECK(
      run.out.find("ended:     hosts up at 06:01: restarted <- plant up at 06:00: outside air at 20.0 °C") !=
      std::string::npos);
}

TEST_CASE("explain prints the scenario's warnings above its story, as the run report does") {
  // Review 10: they went to stderr only, unlike the other reports.
  const std::string path = outagesim::testing::unique_temp_path("explain-warning.yaml");
  std::ofstream(path) << R"(scenario: explain-warning
start: 2024-01-01T00:00:00+00:00
horizon: 6h
components:
  - {name: utility, kind: power_feed}
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500, power: utility}
  - {name: vm, kind: compute}
tenants:
  - {name: shop, needs: [vm]}
)";
  const auto r = run_cli("explain " + path + " --tenant shop");
  REQUIRE(r.status == 0);
  INFO(r.out);
  CHECK(r.out.rfind("warning: " + path + ":6:5: plant 'plant' takes power", 0) == 0);
  std::remove(path.c_str());
}
