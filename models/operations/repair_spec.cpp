// Stage durations.
#include "models/operations/repair_spec.hpp"

#include <cassert>

namespace outagesim::models {

sim::Time StageSpec::elapsed_with(std::uint32_t with) const {
  if (!work) return duration;
  assert(with > 0);
  return sim::Time::ms((work->count_ms() + with - 1) / with);
}

}  // namespace outagesim::models
