// Repairs that wait for their own ends. A repair's stages run in order; a stage may wait for another
// repair's (or stage's) end, and a repair may be started by one. When those waits close a loop through a
// stage's own end, no stage on the loop ever ends, and the repairs on it never finish: found here, before
// the run, by the strongly connected components of the graph of "cannot end before".
#pragma once

#include <cstdint>
#include <vector>

#include "models/operations/repair_spec.hpp"

namespace outagesim::models {

struct RepairWaitCycle {
  // The first stage, in file order, whose wait_for lies on the loop, and the trigger of it that does.
  std::uint32_t repair = 0;
  std::uint32_t stage = 0;
  std::uint32_t trigger = 0;
  // Every repair with a start or a stage on the loop, in file order.
  std::vector<std::uint32_t> repairs;
};

// One entry per loop that passes through a stage's wait_for. Loops made only of repairs started by one
// another's ends are not listed; a loop that also holds such a ring is (the loader, which names rings
// itself, leaves those out).
std::vector<RepairWaitCycle> find_repair_wait_cycles(const std::vector<RepairSpec>& repairs);

}  // namespace outagesim::models
