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
  if (running_) {
    remaining_tb_ = remaining_tb(now);
    running_ = false;
  }
  if (!serving) return;
  const double lost = 1.0 - std::clamp(capacity, 0.0, 1.0);
  if (lost <= 0.0) {
    lost_share_ = 0.0;  // whole again: a later loss is a new one
  } else if (lost > lost_share_) {
    // A first loss since the storage was whole: its share of the data, or what is left from an earlier
    // loss if that is more (nodes lost again are mostly those not rebuilt yet). A deeper loss adds the
    // data of the nodes lost since.
    remaining_tb_ = lost_share_ <= 0.0
                        ? std::max(remaining_tb_, lost * whole_.amount_tb)
                        : std::min(whole_.amount_tb, remaining_tb_ + (lost - lost_share_) * whole_.amount_tb);
    lost_share_ = lost;
  }
  if (remaining_tb_ > 0) {
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
