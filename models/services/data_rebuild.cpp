// Progress accounting of a storage rebuild.
#include "models/services/data_rebuild.hpp"

#include <algorithm>
#include <cassert>

namespace outagesim::models {

double DataRebuild::remaining_tb(sim::Time now) const {
  if (!running_) return remaining_tb_;
  const double copied_tb = (now - since_).to_seconds() / 3600.0 * whole_.tb_per_hour;
  return std::max(0.0, remaining_tb_ - copied_tb);
}

sim::Time DataRebuild::run_time() const {
  assert(running_);
  return ThroughputWork{remaining_tb_, whole_.tb_per_hour}.duration();
}

void DataRebuild::update(sim::Time now, double capacity, bool serving) {
  const bool whole = serving && capacity >= 1.0;
  if (running_ && whole) return;  // nothing changed for the copy under way
  if (running_) {
    remaining_tb_ = remaining_tb(now);
    running_ = false;
  }
  if (serving && capacity > 0.0 && capacity < 1.0) {
    remaining_tb_ = std::max(remaining_tb_, (1.0 - capacity) * whole_.amount_tb);
  }
  if (whole && remaining_tb_ > 0) {
    running_ = true;
    since_ = now;
  }
}

void DataRebuild::finish() {
  assert(running_);
  running_ = false;
  remaining_tb_ = 0;
}

}  // namespace outagesim::models
