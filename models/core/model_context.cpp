// Journal and wave propagation.
#include "models/core/model_context.hpp"

#include <array>
#include <cassert>

namespace outagesim::models {

ModelContext::ModelContext(sim::Engine& engine, Region& region, const std::vector<CrewSpec>& crews,
                           std::uint64_t seed, std::uint64_t replication)
    : engine_(&engine),
      region_(&region),
      streams_(seed, replication),
      queued_(region.size()),
      self_(engine.add_handler(*this)) {
  crews_.reserve(crews.size());
  for (const CrewSpec& crew : crews) {
    crews_.push_back(std::make_unique<sim::Resource>(engine, crew.headcount));
    crew_max_headcount_.push_back(crew.max_headcount());
  }
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

ChangeId ModelContext::note_moment(Component& component, const Cause& cause) {
  const ComponentStatus& status = region_->status()[component.id()];
  const auto id = static_cast<ChangeId>(journal_.size());
  journal_.push_back(StateChange{now(), component.id(), status.state, status.state, cause});
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
  // A wave through a million tenants visits scattered objects, each a chain of cache misses: where the
  // component is, the component, its requirement, the requirement's children, their statuses. The next
  // queued ranks are kept in a ring, and each level of that chain is requested a few ranks before it is
  // read, once the level before it has had time to arrive. (An evaluation may queue a rank in between; it
  // is then evaluated first, as always, and only the hints were early or missing.)
  constexpr std::size_t kAhead = Region::kEntryAhead;  // ranks ahead whose entry is requested
  constexpr std::size_t kObjects = Region::kObjectAhead;
  constexpr std::size_t kChildren = Region::kChildrenAhead;
  constexpr std::size_t kStatuses = Region::kStatusesAhead;
  std::array<std::size_t, kAhead> ring{};  // queued ranks after the current one, in order
  std::size_t ring_start = 0;
  std::size_t ring_size = 0;
  const auto ring_at = [&](std::size_t i) { return ring[(ring_start + i) % kAhead]; };
  while (!queued_.empty()) {
    const std::size_t rank = queued_.pop_min();
    while (ring_size > 0 && ring_at(0) <= rank) {
      ring_start = (ring_start + 1) % kAhead;
      --ring_size;
    }
    std::size_t last = ring_size > 0 ? ring_at(ring_size - 1) : rank;
    while (ring_size < kAhead) {
      last = queued_.next_after(last);
      if (last == sim::IndexQueue::npos) break;
      // Too close for the entry to arrive first (a wave's first ranks): both at once.
      if (ring_size < kObjects) {
        region_->prefetch_object(static_cast<std::uint32_t>(last));
      } else {
        region_->prefetch_entry(static_cast<std::uint32_t>(last));
      }
      ring[(ring_start + ring_size) % kAhead] = last;
      ++ring_size;
    }
    if (ring_size >= kObjects) region_->prefetch_object(static_cast<std::uint32_t>(ring_at(kObjects - 1)));
    if (ring_size >= kChildren)
      region_->prefetch_children(static_cast<std::uint32_t>(ring_at(kChildren - 1)));
    if (ring_size >= kStatuses)
      region_->prefetch_statuses(static_cast<std::uint32_t>(ring_at(kStatuses - 1)));
    ++evaluations_;
    region_->component_at_rank(static_cast<std::uint32_t>(rank)).evaluate();
  }
  settling_ = false;
}

void ModelContext::settle_after_injections() {
  if (settle_scheduled_) return;
  settle_scheduled_ = true;
  engine_->schedule_at(now(), self_, 0, kSettlePriority);
}

void ModelContext::settle_after_actions() {
  if (action_settle_scheduled_) return;
  action_settle_scheduled_ = true;
  engine_->schedule_at(now(), self_, 1, kActionSettlePriority);
}

void ModelContext::handle_event(std::uint32_t payload) {
  (payload == 0 ? settle_scheduled_ : action_settle_scheduled_) = false;
  settle();
}

}  // namespace outagesim::models
