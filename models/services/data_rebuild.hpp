// Storage that lost part of its nodes while it kept serving must copy their data again before it is whole:
// writes went on while the lost share's copies were missing. The rebuild re-replicates from the copies
// left, onto the nodes still serving, at the storage's throughput: it runs while the storage serves,
// from the loss on, whether or not the lost nodes come back (heat-damaged ones may wait days for parts),
// pauses while the storage is down, and keeps the service degraded until it ends. Nodes that return
// before it ends do not shorten it (an upper bound: their data is stale). A loss where the storage stopped as
// a whole (its needs down), or a share still restarting while it serves nothing, stopped the writes too: its
// nodes return with their data, and recovery steps cover it (the owner decides what counts: Service::decide).
// Not a component: a Service owns one and keeps the timer for it.
#pragma once

#include "models/services/work.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

class DataRebuild {
 public:
  // `whole`: all of the storage's data at the throughput a rebuild copies it with.
  explicit DataRebuild(ThroughputWork whole) : whole_(whole) {}

  // The storage now serves `capacity` (in [0, 1]) of its nodes, `serving` whether it runs at all. A share
  // lost while serving adds to the data to copy: a first loss since the storage was whole, its share of
  // the data or what is still left from an earlier loss if that is more (nodes lost again are mostly
  // those not rebuilt yet); a deeper loss, the data of the nodes lost since. Starts, keeps or pauses the
  // rebuild.
  void update(sim::Time now, double capacity, bool serving);
  // The running rebuild ended (its owner's timer fired). REQUIRES: running().
  void finish();

  // Lost data not yet copied: the storage is degraded.
  bool pending() const { return remaining_tb_ > 0; }
  bool running() const { return running_; }
  // Data still to copy at `now`.
  double remaining_tb(sim::Time now) const;
  // How long the running rebuild still takes from when it (re)started. REQUIRES: running().
  sim::Time run_time() const;

 private:
  ThroughputWork whole_;
  double remaining_tb_ = 0;  // as of `since_` when running, else now
  double lost_share_ = 0;    // the largest share lost since the storage was last whole
  bool running_ = false;
  sim::Time since_;
};

}  // namespace outagesim::models
