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
    const Event event = queue_.pop();  // never empty: the horizon's mark stays until the end
    if ((event.handler & kTimerBit) != 0) return step_marked(event);
    dispatch(event.time, event.handler, event.payload);
    return true;
  }
  // Runs until no event is left before the horizon, then advances the clock to the horizon.
  void run();

  Time now() const { return now_; }
  Time horizon() const { return horizon_; }
  std::uint64_t events_dispatched() const { return dispatched_; }
  // Pending records, cancelled timers that have not reached the top yet included.
  std::size_t queued() const { return queue_.size() - 1; }

 private:
  void release_slot(std::uint32_t slot);
  // step() for a record with kTimerBit set: a timer's, dispatched if it is still pending (else the loop
  // steps on to the next event), or the horizon's mark, which ends the run.
  bool step_marked(Event event);
  void dispatch(Time at, HandlerId handler, std::uint32_t payload) {
    assert(at >= now_);
    now_ = at;
    ++dispatched_;
    handlers_[handler]->handle_event(payload);
  }

  // A pending timer's record in the queue carries kTimerBit | slot and the slot's generation, not its
  // handler and payload, which wait here: that keeps every queue record at 24 bytes.
  static constexpr std::uint32_t kTimerBit = 0x80000000u;
  // The horizon is a record in the queue, not a test in every step: it is pushed first, at the horizon
  // and at the lowest priority, so it precedes every event at or after the horizon and follows every event
  // before it. Its handler word has kTimerBit set and names no timer slot (timers_ stays below it), so
  // step()'s one test for a timer also catches it, and the common path tests neither emptiness nor time.
  static constexpr std::uint32_t kHorizonMark = 0xffffffffu;
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
