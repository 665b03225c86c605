// The pending-event set of the engine: a flat 4-ary min-heap of small, trivially copyable records.
// Ordering is total and machine-independent: time, then priority, then insertion sequence (as OMNeT++'s
// cEvent::shouldPrecede), so two runs of the same inputs pop events in the same order.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/time.hpp"

namespace outagesim::sim {

struct Event {
  Time time;
  // Priority in the top 8 bits (lower runs first), the queue's insertion sequence below: never equal for
  // two events of one queue, so no tie is left to the heap.
  std::uint64_t order = 0;
  // Two words for the queue's owner to interpret (the engine: a handler and its payload, or a timer slot
  // and its generation).
  std::uint32_t handler = 0;
  std::uint32_t payload = 0;

  bool precedes(const Event& other) const {
    return time != other.time ? time < other.time : order < other.order;
  }
};

static_assert(sizeof(Event) == 24, "keep the event record small: it is copied on every heap move");

class EventQueue {
 public:
  // Priorities range over [-128, 127]; events of equal time and priority run in insertion order.
  // Inline: an event loop pushes once per event, and its handlers are often small.
  void push(Time time, int priority, std::uint32_t handler, std::uint32_t payload) {
    assert(priority >= -128 && priority <= 127);
    assert(next_sequence_ <= kSequenceMask);
    const auto biased = static_cast<std::uint64_t>(priority + 128);
    const std::uint64_t order = (biased << kSequenceBits) | next_sequence_++;
    if (root_vacant_) {
      root_vacant_ = false;
      fill_root(time, order, handler, payload);
    } else {
      push_back(Event{time, order, handler, payload});
    }
  }
  // REQUIRES: !empty(). Leaves the root empty until the next push, top() or pop() (see root_vacant_).
  Event pop() {
    if (root_vacant_) refill_root();
    root_vacant_ = true;
    return heap_.front();
  }
  // Undoes the pop() just made, which must be the last call on the queue: its record is still in the root.
  void unpop() {
    assert(root_vacant_);
    root_vacant_ = false;
  }
  // REQUIRES: !empty(). Not const: it may first finish the previous pop (see root_vacant_).
  const Event& top() {
    if (root_vacant_) refill_root();
    return heap_.front();
  }
  bool empty() const { return size() == 0; }
  std::size_t size() const { return heap_.size() - (root_vacant_ ? 1 : 0); }
  void reserve(std::size_t n) { heap_.reserve(n); }

  // True when every parent precedes its children; for tests and debug checks.
  bool heap_is_valid() const;

 private:
  static constexpr int kSequenceBits = 56;
  static constexpr std::uint64_t kSequenceMask = (std::uint64_t{1} << kSequenceBits) - 1;

  void push_back(const Event& event);
  void sift_up(std::size_t i, Event moving);
  // Fills the empty root with `moving`, which belongs somewhere below it.
  // The record comes as its fields, which travel in registers (a 24-byte struct is passed in memory).
  void fill_root(Time time, std::uint64_t order, std::uint32_t handler, std::uint32_t payload);
  void refill_root();

  std::vector<Event> heap_;
  // pop() leaves the root slot empty instead of refilling it at once: an event loop's next move is most
  // often a push, which then drops its record into the root and sifts it down once (a fused replace-top),
  // where an eager pop would sift the last record down and the push sift its own record up.
  bool root_vacant_ = false;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace outagesim::sim
