// Random fault processes as the loader hands them over: components that fail and are repaired at random
// (an alternating renewal process of time to failure and time to repair), alone or as common-cause groups
// that fail together. Plain values; random_failures.hpp runs them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/core/state_change.hpp"
#include "sim/distribution.hpp"

namespace outagesim::models {

// Components that fail and return together: one renewal process drives all of them.
struct FailureGroup {
  std::string name;                  // unique within its process; names the group's random stream
  std::vector<ComponentId> members;  // not empty; components (no tenants), each at most once
};

struct FailureProcessSpec {
  std::string name;  // unique among the processes; causes say "random failure '<name>'"
  // Independent targets each make a group of one, named for the component; a common cause makes one
  // group per zone, room, or of every target.
  std::vector<FailureGroup> groups;  // not empty
  // Milliseconds. Draws are never negative (the loader refuses distributions that can draw below 0).
  sim::Distribution time_to_failure;
  sim::Distribution time_to_repair;
  // Host pools only: the share of each target's hosts a failure takes (drawn at each failure, in (0, 1]),
  // instead of the whole pool. None: `fail` on every target.
  std::optional<sim::Distribution> share;
};

// A random failure's injection id: kRandomFailureBit (state_change.hpp) and the process's index.
constexpr InjectionId random_failure_id(std::uint32_t process) {
  return kRandomFailureBit | process;
}
constexpr std::uint32_t random_failure_process(InjectionId id) {
  return id & ~kRandomFailureBit;
}

// "failures/<process>/<group>": the group's own stream, so adding a process or a target never changes
// the draws of another.
std::string failure_stream_name(std::string_view process, std::string_view group);

}  // namespace outagesim::models
