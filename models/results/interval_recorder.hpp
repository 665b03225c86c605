// Observer that turns the stream of state changes into per-vertex intervals out of the up state.
#pragma once

#include <vector>

#include "models/core/model_context.hpp"
#include "models/results/run_result.hpp"

namespace outagesim::models {

class IntervalRecorder final : public StateObserver {
 public:
  explicit IntervalRecorder(std::uint32_t vertex_count);

  void on_state_change(const StateChange& change) override;
  // Closes intervals still open at the horizon and hands the intervals over.
  std::vector<std::vector<Interval>> finish(sim::Time horizon);

 private:
  std::vector<std::vector<Interval>> intervals_;
  ChangeId next_change_ = 0;  // journal ids are consecutive from 0: the recorder counts along
};

}  // namespace outagesim::models
