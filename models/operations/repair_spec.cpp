// Stage durations.
#include "models/operations/repair_spec.hpp"

#include <cassert>

namespace outagesim::models {

sim::Time StageSpec::elapsed() const {
  if (!work) return duration;
  assert(people > 0);
  return sim::Time::ms((work->count_ms() + people - 1) / people);
}

}  // namespace outagesim::models
