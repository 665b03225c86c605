// The pending-event set of the engine: a flat binary min-heap of small, trivially copyable records.
// Ordering is total and machine-independent: time, then priority, then insertion sequence (as OMNeT++'s
// cEvent::shouldPrecede), so two runs of the same inputs pop events in the same order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/time.hpp"

namespace outagesim::sim {

inline constexpr std::uint32_t kNoTimerSlot = 0xffffffffu;

struct Event {
  Time time;
  // Priority in the top 8 bits (lower runs first), the queue's insertion sequence below: never equal for
  // two events of one queue, so no tie is left to the heap.
  std::uint64_t order = 0;
  std::uint32_t handler = 0;
  std::uint32_t payload = 0;
  // For cancellable timers: the slot in the engine's timer table and the generation it was issued with;
  // kNoTimerSlot for plain events.
  std::uint32_t timer_slot = kNoTimerSlot;
  std::uint32_t timer_generation = 0;

  bool precedes(const Event& other) const {
    return time != other.time ? time < other.time : order < other.order;
  }
};

static_assert(sizeof(Event) == 32, "keep the event record small: it is copied on every heap move");

class EventQueue {
 public:
  // Priorities range over [-128, 127]; events of equal time and priority run in insertion order.
  void push(Time time, int priority, std::uint32_t handler, std::uint32_t payload,
            std::uint32_t timer_slot = kNoTimerSlot, std::uint32_t timer_generation = 0);
  // REQUIRES: !empty().
  Event pop();
  // REQUIRES: !empty().
  const Event& top() const { return heap_.front(); }
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  void reserve(std::size_t n) { heap_.reserve(n); }

  // True when every parent precedes its children; for tests and debug checks.
  bool heap_is_valid() const;

 private:
  void sift_up(std::size_t i);
  void sift_down(std::size_t i);

  std::vector<Event> heap_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace outagesim::sim
