// Work whose time follows from how much there is: data through a throughput (integrity checks, storage
// rebuilds) and items through a pipeline of a given width (database switchovers). A bigger incident means
// more work, and so a longer time, without retyping a duration.
#pragma once

#include <cstdint>

#include "sim/time.hpp"

namespace outagesim::models {

// `amount_tb` of data at `tb_per_hour`: amount / throughput, rounded up to the millisecond.
struct ThroughputWork {
  double amount_tb = 0;    // >= 0
  double tb_per_hour = 1;  // > 0

  sim::Time duration() const;
  // The time for `share` (in [0, 1]) of the amount.
  sim::Time duration_of(double share) const;
};

// `items` processed `width` at a time, each batch taking `per_item`: ceil(items / width) × per_item.
struct PipelineWork {
  std::uint32_t items = 0;  // >= 0
  std::uint32_t width = 1;  // > 0
  sim::Time per_item;

  sim::Time duration() const;
};

}  // namespace outagesim::models
