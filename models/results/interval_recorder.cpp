// Interval bookkeeping from state changes.
#include "models/results/interval_recorder.hpp"

#include <cassert>

namespace outagesim::models {

IntervalRecorder::IntervalRecorder(std::uint32_t vertex_count) : intervals_(vertex_count) {}

void IntervalRecorder::on_state_change(const StateChange& change) {
  const ChangeId id = next_change_++;
  if (!change.changes_state()) return;
  auto& list = intervals_[change.component];
  if (change.from != State::kUp) {
    assert(!list.empty() && list.back().ended == kNoChange && list.back().state == change.from);
    Interval& open = list.back();
    open.end = change.time;
    open.ended = id;
    if (open.end == open.start) list.pop_back();  // left within the instant it was entered: no interval
  }
  if (change.to != State::kUp) list.push_back(Interval{change.time, change.time, change.to, id, kNoChange});
}

std::vector<std::vector<Interval>> IntervalRecorder::finish(sim::Time horizon) {
  for (auto& list : intervals_) {
    if (!list.empty() && list.back().ended == kNoChange) list.back().end = horizon;
  }
  return std::move(intervals_);
}

}  // namespace outagesim::models
