// The `failures` section: targets by name and by class, groups of common causes, distributions of
// durations, and every mistake reported at its place.
#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
namespace m = outagesim::models;
using Catch::Matchers::Contains;

namespace {
const char* const kRegion = R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 2, chiller_kw: 500}
  - {name: hall-1, kind: room, cooling: plant, design_cooling_kw: 500, thermal_mass_kj_per_c: 1e5}
  - {name: hall-2, kind: room, cooling: plant, design_cooling_kw: 500, thermal_mass_kj_per_c: 1e5}
  - {name: hosts-1a, kind: host_pool, room: hall-1, hosts: 10, kw_per_host: 1, zone: z1}
  - {name: hosts-1b, kind: host_pool, room: hall-1, hosts: 10, kw_per_host: 1, zone: z1}
  - {name: hosts-2, kind: host_pool, room: hall-2, hosts: 10, kw_per_host: 1, zone: z2}
  - {name: api, kind: compute}
)";
}  // namespace

TEST_CASE("failures load with their targets grouped as their common cause says") {
  const m::ScenarioSpec spec = load_spec(scenario_yaml(std::string(kRegion) + R"(
failures:
  - name: host faults
    targets: {kind: host_pool}
    time_to_failure: {dist: exponential, mean: 30d}
    time_to_repair: {dist: lognormal, median: 4h, sigma: 0.5}
  - name: hall power
    targets: [{room: hall-1}, hosts-2]
    common_cause: room
    time_to_failure: 90d
    time_to_repair: 2h
)"));
  REQUIRE(spec.failures.size() == 2);
  const m::FailureProcessSpec& each = spec.failures[0];
  REQUIRE(each.groups.size() == 3);
  CHECK(each.groups[1].name == "hosts-1b");
  CHECK(each.time_to_failure.kind() == outagesim::sim::DistributionKind::kExponential);
  const m::FailureProcessSpec& rooms = spec.failures[1];
  REQUIRE(rooms.groups.size() == 2);
  CHECK(rooms.groups[0].name == "hall-1");
  CHECK(rooms.groups[0].members.size() == 2);
  CHECK(rooms.groups[1].name == "hall-2");
  CHECK(rooms.time_to_repair.median() == 2 * 3600e3);
  CHECK(spec.inputs.empty());  // sampled within a run, not drawn once per replication
}

TEST_CASE("mistakes in failures are reported at their place") {
  const std::string errors = load_errors(scenario_yaml(std::string(kRegion) + R"(
failures:
  - {name: a, targets: apii, time_to_failure: 1d, time_to_repiar: 1h}
  - {name: b, targets: {zone: z9}, time_to_failure: 1d, time_to_repair: 1h}
  - {name: c, targets: api, common_cause: rooms, time_to_failure: 1d, time_to_repair: 1h}
  - {name: d, targets: [api], common_cause: zone, time_to_failure: 1d, time_to_repair: 1h}
  - {name: e, targets: api, time_to_failure: {dist: normal, mean: 1h, sd: 1h}, time_to_repair: 0s}
  - {name: e, targets: {kind: hostpool}, time_to_failure: 1d, time_to_repair: 1h}
)"));
  CHECK_THAT(errors, Contains("test.yaml:15:24: error: a target of random failure 'a' names 'apii', which is "
                              "no component; did you mean 'api'?"));
  CHECK_THAT(errors, Contains("test.yaml:15:51: error: random failure 'a' lacks the required key "
                              "'time_to_repair'; is 'time_to_repiar' meant to be it?"));
  CHECK_THAT(errors, !Contains("unknown key 'time_to_repiar'"));
  CHECK_THAT(errors, Contains("test.yaml:16:24: error: a class of targets of random failure 'b' matches no "
                              "component"));
  CHECK_THAT(errors, Contains("'common_cause' of random failure 'c' is 'rooms'; did you mean 'room'?"));
  CHECK_THAT(errors, Contains("random failure 'd' fails by zone, but its target 'api' has no zone"));
  CHECK_THAT(errors, Contains("'time_to_failure' of random failure 'e': normal"));
  CHECK_THAT(errors, Contains("out of range with probability"));
  CHECK_THAT(errors, Contains("'time_to_repair' of random failure 'e' is not above 0"));
  CHECK_THAT(errors, Contains("duplicate random failure name 'e'"));
  CHECK_THAT(errors, Contains("is 'hostpool', no kind; did you mean 'host_pool'?"));
}

TEST_CASE("a share of a failure applies to host pools only, above 0 and at most 1") {
  const std::string errors = load_errors(scenario_yaml(std::string(kRegion) + R"(
failures:
  - {name: a, targets: [hosts-2, api], share: 0.5, time_to_failure: 1d, time_to_repair: 1h}
  - {name: b, targets: hosts-2, share: 0, time_to_failure: 1d, time_to_repair: 1h}
  - {name: c, targets: hosts-2, share: {dist: normal, mean: 0.5, sd: 0.5}, time_to_failure: 1d, time_to_repair: 1h}
)"));
  CHECK_THAT(
      errors,
      Contains("random failure 'a' takes a share, but its target 'api' is a compute, not a host pool"));
  CHECK_THAT(errors, Contains("'share' of random failure 'b' is 0, out of range"));
  CHECK_THAT(errors, Contains("'share' of random failure 'c': normal"));
  const m::ScenarioSpec spec = load_spec(scenario_yaml(std::string(kRegion) + R"(
failures:
  - {name: racks, targets: {kind: host_pool}, share: {dist: uniform, min: 0.1, max: 0.4}, time_to_failure: 1d, time_to_repair: 1h}
)"));
  REQUIRE(spec.failures[0].share);
  CHECK(spec.failures[0].share->highest() == 0.4);
}

TEST_CASE("a process that would fail millions of times within the horizon is refused, with the count") {
  const std::string errors = load_errors(scenario_yaml(std::string(kRegion) + R"(
failures:
  - {name: slip, targets: api, time_to_failure: 1ms, time_to_repair: 1ms}
  - {name: busy but fine, targets: api, time_to_failure: 1m, time_to_repair: 1m}
)"));
  CHECK_THAT(errors, Contains("test.yaml:15:49: error: random failure 'slip' would fail about 4.32e+07 times "
                              "within the horizon"));
  CHECK_THAT(errors, Contains("at most a million"));
  CHECK_THAT(errors, !Contains("busy but fine"));
}
