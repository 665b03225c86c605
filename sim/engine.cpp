// Run loop and timer bookkeeping of the kernel.
#include "sim/engine.hpp"

#include <cassert>

namespace outagesim::sim {

Engine::Engine(Time horizon) : horizon_(horizon) {
  assert(horizon >= Time());
}

HandlerId Engine::add_handler(EventHandler& handler) {
  handlers_.push_back(&handler);
  return static_cast<HandlerId>(handlers_.size() - 1);
}

void Engine::schedule_at(Time at, HandlerId handler, std::uint32_t payload, int priority) {
  assert(at >= now_ && handler < handlers_.size());
  queue_.push(at, priority, handler, payload);
}

TimerId Engine::start_timer_at(Time at, HandlerId handler, std::uint32_t payload, int priority) {
  assert(at >= now_ && handler < handlers_.size());
  std::uint32_t slot;
  if (free_slots_.empty()) {
    slot = static_cast<std::uint32_t>(slot_generation_.size());
    slot_generation_.push_back(0);
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
  }
  const std::uint32_t generation = slot_generation_[slot];
  queue_.push(at, priority, handler, payload, slot, generation);
  return TimerId{slot, generation};
}

bool Engine::is_pending(TimerId id) const {
  return id.is_set() && id.slot < slot_generation_.size() && slot_generation_[id.slot] == id.generation;
}

bool Engine::cancel(TimerId& id) {
  const bool pending = is_pending(id);
  if (pending) release_slot(id.slot);
  id = TimerId{};
  return pending;
}

void Engine::release_slot(std::uint32_t slot) {
  ++slot_generation_[slot];
  free_slots_.push_back(slot);
}

bool Engine::step() {
  while (!queue_.empty() && queue_.top().time < horizon_) {
    const Event event = queue_.pop();
    if (event.timer_slot != kNoTimerSlot) {
      if (slot_generation_[event.timer_slot] != event.timer_generation) continue;  // cancelled
      release_slot(event.timer_slot);
    }
    assert(event.time >= now_);
    now_ = event.time;
    ++dispatched_;
    handlers_[event.handler]->handle_event(event.payload);
    return true;
  }
  return false;
}

void Engine::run() {
  while (step()) {
  }
  now_ = horizon_;
}

}  // namespace outagesim::sim
