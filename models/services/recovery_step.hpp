// One timed step of work after a failure is over (integrity checks, reconciliation).
#pragma once

#include <string>

#include "sim/time.hpp"

namespace outagesim::models {

struct RecoveryStep {
  std::string name;
  sim::Time duration;  // >= 0
};

}  // namespace outagesim::models
