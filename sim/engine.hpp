// The discrete-event kernel: a clock, the pending-event set, cancellable timers and the run loop.
// It knows nothing of what the events mean: a handler is an index into a table of EventHandler
// pointers, and each event carries one 32-bit payload for the handler to interpret.
#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

#include "sim/event_queue.hpp"
#include "sim/time.hpp"

namespace outagesim::sim {

using HandlerId = std::uint32_t;

inline constexpr std::uint32_t kNoTimerSlot = 0xffffffffu;

class EventHandler {
 public:
  virtual void handle_event(std::uint32_t payload) = 0;

 protected:
  ~EventHandler() = default;
};

// Names one scheduled timer. A default-constructed id names none; cancel() resets the id it is given.
struct TimerId {
  std::uint32_t slot = kNoTimerSlot;
  std::uint32_t generation = 0;
  bool is_set() const { return slot != kNoTimerSlot; }
};

class Engine {
 public:
  // Events strictly before `horizon` run; the run ends with now() == horizon.
  explicit Engine(Time horizon);

  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // The handler is not owned and must outlive the engine's run.
  HandlerId add_handler(EventHandler& handler);

  // REQUIRES: at >= now().
  void schedule_at(Time at, HandlerId handler, std::uint32_t payload, int priority = 0) {
    assert(at >= now_ && handler < handlers_.size());
    queue_.push(at, priority, handler, payload);
  }
  // A timer is an event that can be cancelled before it fires.
  // REQUIRES: at >= now().
  TimerId start_timer_at(Time at, HandlerId handler, std::uint32_t payload, int priority = 0);
  // Cancels the timer if it is still pending; always leaves `id` unset. Returns whether it was pending.
  bool cancel(TimerId& id);
  bool is_pending(TimerId id) const;

  // Pops and dispatches one event. Returns false, doing nothing, when no event is left before the horizon.
  // Inline: in a loop of small handlers the call itself is a measurable share of an event's cost.
  bool step() {
    Event event;
    if (!queue_.pop_before(horizon_, event)) return false;
    if ((event.handler & kTimerBit) != 0) return step_timer(event);
    dispatch(event.time, event.handler, event.payload);
    return true;
  }
  // Runs until no event is left before the horizon, then advances the clock to the horizon.
  void run();

  Time now() const { return now_; }
  Time horizon() const { return horizon_; }
  std::uint64_t events_dispatched() const { return dispatched_; }
  // Pending records, cancelled timers that have not reached the top yet included.
  std::size_t queued() const { return queue_.size(); }

 private:
  void release_slot(std::uint32_t slot);
  // step() for a timer's record: dispatches it if it is still pending, else steps on to the next event.
  bool step_timer(Event event);
  void dispatch(Time at, HandlerId handler, std::uint32_t payload) {
    assert(at >= now_);
    now_ = at;
    ++dispatched_;
    handlers_[handler]->handle_event(payload);
  }

  // A pending timer's record in the queue carries kTimerBit | slot and the slot's generation, not its
  // handler and payload, which wait here: that keeps every queue record at 24 bytes.
  static constexpr std::uint32_t kTimerBit = 0x80000000u;
  struct TimerSlot {
    // The record is live while its generation equals this; cancelling or firing bumps it.
    std::uint32_t generation = 0;
    HandlerId handler = 0;
    std::uint32_t payload = 0;
  };

  Time now_;
  Time horizon_;
  EventQueue queue_;
  std::vector<EventHandler*> handlers_;
  std::vector<TimerSlot> timers_;
  std::vector<std::uint32_t> free_slots_;
  std::uint64_t dispatched_ = 0;
};

}  // namespace outagesim::sim
