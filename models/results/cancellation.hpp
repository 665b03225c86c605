// A pending application of a fault or operator action that one of its `cancel_when` triggers called off.
#pragma once

#include <cstdint>

#include "sim/time.hpp"

namespace outagesim::models {

struct Cancellation {
  sim::Time at;
  std::uint32_t trigger = 0;  // index into the injection's cancel_when
  std::uint32_t applications =
      0;  // how many pending applications it called off (more than one only with `each`)
};

}  // namespace outagesim::models
