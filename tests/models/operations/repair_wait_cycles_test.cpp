#include "models/operations/repair_wait_cycles.hpp"

#include <catch2/catch.hpp>

using outagesim::models::find_repair_wait_cycles;
using outagesim::models::RepairSpec;
using outagesim::models::StageSpec;
using outagesim::models::TriggerEvent;
using outagesim::models::TriggerSpec;

namespace {
TriggerSpec end_of(std::uint32_t repair) {
  return TriggerSpec{TriggerSpec::Source::kRepair, outagesim::models::kNoComponent, TriggerEvent::kDone,
                     repair, 0};
}
TriggerSpec end_of_stage(std::uint32_t repair, std::uint32_t stage) {
  return TriggerSpec{TriggerSpec::Source::kStage, outagesim::models::kNoComponent, TriggerEvent::kDone,
                     repair, stage};
}
RepairSpec repair(std::vector<std::vector<TriggerSpec>> stage_waits) {
  RepairSpec r;
  for (auto& waits : stage_waits) {
    StageSpec s;
    s.wait_for = std::move(waits);
    r.stages.push_back(std::move(s));
  }
  return r;
}
}  // namespace

TEST_CASE("a stage waiting for its own repair's end is a loop of one") {
  const auto cycles = find_repair_wait_cycles({repair({{}, {end_of(0)}})});
  REQUIRE(cycles.size() == 1);
  CHECK(cycles[0].repair == 0);
  CHECK(cycles[0].stage == 1);
  CHECK(cycles[0].repairs == std::vector<std::uint32_t>{0});
}

TEST_CASE("waiting for an earlier stage of its own repair or for an unrelated repair is no loop") {
  CHECK(find_repair_wait_cycles({repair({{}, {end_of_stage(0, 0)}}), repair({{end_of(0)}})}).empty());
}

TEST_CASE("two repairs waiting for each other are one loop reported at the first wait in file order") {
  // Repair 0's second stage waits for repair 1; repair 1's only stage waits for repair 0's first stage,
  // which is fine, and its second for repair 0's second stage: a loop.
  const auto cycles = find_repair_wait_cycles(
      {repair({{}, {end_of(1)}}), repair({{end_of_stage(0, 0)}, {end_of_stage(0, 1)}})});
  REQUIRE(cycles.size() == 1);
  CHECK(cycles[0].repair == 0);
  CHECK(cycles[0].stage == 1);
  CHECK(cycles[0].repairs == std::vector<std::uint32_t>{0, 1});
}

TEST_CASE("a loop through a repair started by another's end is found and names every repair on it") {
  RepairSpec started = repair({{}});
  started.when = {end_of(2)};  // repair 1 starts when repair 2 ends
  const auto cycles =
      find_repair_wait_cycles({repair({{end_of(1)}}), started, repair({{end_of_stage(0, 0)}}), repair({{}})});
  REQUIRE(cycles.size() == 1);
  CHECK(cycles[0].repairs == std::vector<std::uint32_t>{0, 1, 2});
}

TEST_CASE("repairs started by one another in a ring without a wait are left to the loader's own check") {
  RepairSpec a = repair({{}});
  RepairSpec b = repair({{}});
  a.when = {end_of(1)};
  b.when = {end_of(0)};
  CHECK(find_repair_wait_cycles({a, b}).empty());
}

TEST_CASE("a long chain of repeated stages is walked without deep recursion") {
  RepairSpec r;
  r.stages.resize(200'000);
  r.stages.back().wait_for.push_back(end_of_stage(0, 199'999));
  const auto cycles = find_repair_wait_cycles({r});
  REQUIRE(cycles.size() == 1);
  CHECK(cycles[0].stage == 199'999);
}
