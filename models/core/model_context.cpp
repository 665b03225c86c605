// Journal and wave propagation.
#include "models/core/model_context.hpp"

#include <cassert>

namespace outagesim::models {

ModelContext::ModelContext(sim::Engine& engine, Region& region, const std::vector<CrewSpec>& crews,
                           std::uint64_t seed, std::uint64_t replication)
    : engine_(&engine), region_(&region), streams_(seed, replication), queued_(region.size()) {
  crews_.reserve(crews.size());
  for (const CrewSpec& crew : crews)
    crews_.push_back(std::make_unique<sim::Resource>(engine, crew.headcount));
}

ChangeId ModelContext::change_state(Component& component, State to, const Cause& cause) {
  ComponentStatus& status = region_->mutable_status(component.id());
  assert(status.state != to);
  const auto id = static_cast<ChangeId>(journal_.size());
  journal_.push_back(StateChange{now(), component.id(), status.state, to, cause});
  status.state = to;
  status.last_change = id;
  status.last_change_time = now();
  for (StateObserver* observer : observers_) observer->on_state_change(journal_.back());
  touch_dependents(component.id());
  return id;
}

ChangeId ModelContext::note_change(Component& component, const Cause& cause) {
  ComponentStatus& status = region_->mutable_status(component.id());
  const auto id = static_cast<ChangeId>(journal_.size());
  journal_.push_back(StateChange{now(), component.id(), status.state, status.state, cause});
  status.last_change = id;
  status.last_change_time = now();
  for (StateObserver* observer : observers_) observer->on_state_change(journal_.back());
  return id;
}

void ModelContext::set_capacity(Component& component, double capacity, const Cause& cause) {
  assert(capacity >= 0.0 && capacity <= 1.0);
  ComponentStatus& status = region_->mutable_status(component.id());
  if (status.capacity == capacity) return;
  status.capacity = capacity;
  note_change(component, cause);
  touch_dependents(component.id());
}

void ModelContext::touch_dependents(ComponentId id) {
  for (const ComponentId dependent : region_->dependents(id)) schedule_evaluation(dependent);
}

void ModelContext::schedule_evaluation(ComponentId id) {
  queued_.insert(region_->rank(id));
}

void ModelContext::settle() {
  assert(!settling_);
  settling_ = true;
  // A wave through a million tenants visits scattered objects, each a cache miss: the components
  // queued a few ranks ahead are prefetched while the current one is evaluated. (An evaluation may
  // queue a rank in between; it is then evaluated first, as always, and only the hint was early.)
  constexpr int kLookahead = 4;
  std::size_t ahead = sim::IndexQueue::npos;
  const auto prefetch_next = [&] {
    ahead = queued_.next_after(ahead);
    if (ahead != sim::IndexQueue::npos)
      region_->prefetch(region_->at_rank(static_cast<std::uint32_t>(ahead)));
  };
  while (!queued_.empty()) {
    const std::size_t rank = queued_.pop_min();
    if (ahead == sim::IndexQueue::npos || ahead <= rank) {
      ahead = rank;
      for (int i = 0; i < kLookahead && (i == 0 || ahead != sim::IndexQueue::npos); ++i) prefetch_next();
    } else {
      prefetch_next();
    }
    const ComponentId id = region_->at_rank(static_cast<std::uint32_t>(rank));
    ++evaluations_;
    region_->component(id).evaluate();
  }
  settling_ = false;
}

}  // namespace outagesim::models
