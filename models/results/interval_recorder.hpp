// Observer that turns the stream of state changes into per-vertex intervals out of the up state.
#pragma once

#include <cstdint>
#include <vector>

#include "models/core/model_context.hpp"
#include "models/results/interval_table.hpp"

namespace outagesim::models {

class IntervalRecorder final : public StateObserver {
 public:
  explicit IntervalRecorder(std::uint32_t vertex_count);

  void on_state_change(const StateChange& change) override;
  // Closes intervals still open at the horizon and hands the intervals over, vertex by vertex.
  IntervalTable finish(sim::Time horizon);

 private:
  // Intervals as they open, all vertices together; each vertex's in time order. An interval left within
  // the instant it was entered is no interval: its vertex is set to kNoComponent.
  std::vector<Interval> log_;
  std::vector<ComponentId> vertex_of_;  // per entry of log_
  std::vector<std::uint32_t> open_;     // per vertex: 1 + the log_ entry of its open interval; 0 when up
  std::vector<std::uint32_t> closed_;   // per vertex: 1 + the log_ entry of its last closed interval
  ChangeId next_change_ = 0;            // journal ids are consecutive from 0: the recorder counts along
};

}  // namespace outagesim::models
