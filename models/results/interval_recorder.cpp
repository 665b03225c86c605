// Interval bookkeeping from state changes.
#include "models/results/interval_recorder.hpp"

#include <cassert>
#include <limits>
#include <stdexcept>

namespace outagesim::models {

IntervalRecorder::IntervalRecorder(std::uint32_t vertex_count)
    : open_(vertex_count, 0), closed_(vertex_count, 0) {}

void IntervalRecorder::on_state_change(const StateChange& change) {
  const ChangeId id = next_change_++;
  if (!change.changes_state()) return;
  std::uint32_t& open = open_[change.component];
  if (change.from != State::kUp) {
    assert(open != 0 && log_[open - 1].ended == kNoChange && log_[open - 1].state == change.from);
    Interval& interval = log_[open - 1];
    interval.end = change.time;
    interval.ended = id;
    if (interval.end == interval.start) {
      vertex_of_[open - 1] = kNoComponent;
      // Several changes in one instant (batches of a pool whose checks end together: down, then
      // degraded, then up): the interval before this one ended by what the instant came to (the return
      // to up), not by its first step, which lasted no time.
      const std::uint32_t before = closed_[change.component];
      if (before != 0 && log_[before - 1].ended == interval.began) log_[before - 1].ended = id;
    } else {
      closed_[change.component] = open;
    }
    open = 0;
  }
  if (change.to != State::kUp) {
    if (log_.size() >= std::numeric_limits<std::uint32_t>::max())
      throw std::length_error("more than 4,294,967,294 intervals in one run");
    log_.push_back(Interval{change.time, change.time, change.to, id, kNoChange});
    vertex_of_.push_back(change.component);
    open = static_cast<std::uint32_t>(log_.size());
  }
}

IntervalTable IntervalRecorder::finish(sim::Time horizon) {
  for (const std::uint32_t open : open_) {
    if (open != 0) log_[open - 1].end = horizon;
  }
  // A counting sort by vertex; stable, so each vertex's intervals keep their time order.
  const std::size_t vertices = open_.size();
  std::vector<std::uint32_t> first(vertices + 1, 0);
  for (const ComponentId v : vertex_of_) {
    if (v != kNoComponent) ++first[v + 1];
  }
  for (std::size_t v = 0; v < vertices; ++v) first[v + 1] += first[v];
  std::vector<Interval> items(first.back());
  std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
  for (std::size_t i = 0; i < log_.size(); ++i) {
    const ComponentId v = vertex_of_[i];
    if (v != kNoComponent) items[next[v]++] = log_[i];
  }
  log_ = {};
  vertex_of_ = {};
  return IntervalTable(std::move(first), std::move(items));
}

}  // namespace outagesim::models
