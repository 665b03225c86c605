// Durations of work over throughput and through pipelines.
#include "models/services/work.hpp"

#include <cassert>

namespace outagesim::models {

sim::Time ThroughputWork::duration() const {
  return duration_of(1.0);
}

sim::Time ThroughputWork::duration_of(double share) const {
  assert(tb_per_hour > 0 && share >= 0);
  return sim::ceil_seconds(amount_tb * share / tb_per_hour * 3600.0);
}

sim::Time PipelineWork::duration() const {
  assert(width > 0);
  const std::int64_t batches = (static_cast<std::int64_t>(items) + width - 1) / width;
  return per_item * batches;
}

}  // namespace outagesim::models
