// Run loop and timer bookkeeping of the kernel.
#include "sim/engine.hpp"

#include <cassert>

namespace outagesim::sim {

Engine::Engine(Time horizon) : horizon_(horizon) {
  assert(horizon >= Time());
  queue_.push(horizon, -128, kHorizonMark, 0);
}

HandlerId Engine::add_handler(EventHandler& handler) {
  assert(handlers_.size() < kTimerBit);
  handlers_.push_back(&handler);
  return static_cast<HandlerId>(handlers_.size() - 1);
}

TimerId Engine::start_timer_at(Time at, HandlerId handler, std::uint32_t payload, int priority) {
  assert(at >= now_ && handler < handlers_.size());
  std::uint32_t slot;
  if (free_slots_.empty()) {
    assert(timers_.size() < (kHorizonMark & ~kTimerBit));
    slot = static_cast<std::uint32_t>(timers_.size());
    timers_.emplace_back();
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
  }
  TimerSlot& timer = timers_[slot];
  timer.handler = handler;
  timer.payload = payload;
  queue_.push(at, priority, kTimerBit | slot, timer.generation);
  return TimerId{slot, timer.generation};
}

bool Engine::is_pending(TimerId id) const {
  return id.is_set() && id.slot < timers_.size() && timers_[id.slot].generation == id.generation;
}

bool Engine::cancel(TimerId& id) {
  const bool pending = is_pending(id);
  if (pending) release_slot(id.slot);
  id = TimerId{};
  return pending;
}

void Engine::release_slot(std::uint32_t slot) {
  ++timers_[slot].generation;
  free_slots_.push_back(slot);
}

bool Engine::step_marked(Event event) {
  // A loop, not a call back into step(): a long run of cancelled timers must not deepen the stack.
  for (;;) {
    if (event.handler == kHorizonMark) {
      queue_.unpop();  // the mark stays: later steps end here too
      return false;
    }
    const std::uint32_t slot = event.handler & ~kTimerBit;
    const TimerSlot& timer = timers_[slot];
    if (timer.generation == event.payload) {
      const HandlerId handler = timer.handler;
      const std::uint32_t payload = timer.payload;
      release_slot(slot);
      dispatch(event.time, handler, payload);
      return true;
    }
    // Cancelled: on to the next event.
    event = queue_.pop();
    if ((event.handler & kTimerBit) == 0) {
      dispatch(event.time, event.handler, event.payload);
      return true;
    }
  }
}

void Engine::run() {
  while (step()) {
  }
  now_ = horizon_;
}

}  // namespace outagesim::sim
