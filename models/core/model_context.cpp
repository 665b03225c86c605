// Journal and wave propagation.
#include "models/core/model_context.hpp"

#include <algorithm>
#include <cassert>
#include <functional>

namespace outagesim::models {

ModelContext::ModelContext(sim::Engine& engine, Region& region, const std::vector<CrewSpec>& crews,
                           std::uint64_t seed, std::uint64_t replication)
    : engine_(&engine), region_(&region), streams_(seed, replication), queued_(region.size(), false) {
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
  if (queued_[id]) return;
  queued_[id] = true;
  worklist_.push_back(region_->rank(id));
  std::push_heap(worklist_.begin(), worklist_.end(), std::greater<>());
}

void ModelContext::settle() {
  assert(!settling_);
  settling_ = true;
  while (!worklist_.empty()) {
    std::pop_heap(worklist_.begin(), worklist_.end(), std::greater<>());
    const ComponentId id = region_->at_rank(worklist_.back());
    worklist_.pop_back();
    queued_[id] = false;
    ++evaluations_;
    region_->component(id).evaluate();
  }
  settling_ = false;
}

}  // namespace outagesim::models
