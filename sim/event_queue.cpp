// Binary heap with hole-based sifting: each level moves one record instead of swapping two.
#include "sim/event_queue.hpp"

#include <cassert>
#include <utility>

namespace outagesim::sim {

namespace {
constexpr int kSequenceBits = 56;
constexpr std::uint64_t kSequenceMask = (std::uint64_t{1} << kSequenceBits) - 1;
}  // namespace

void EventQueue::push(Time time, int priority, std::uint32_t handler, std::uint32_t payload,
                      std::uint32_t timer_slot, std::uint32_t timer_generation) {
  assert(priority >= -128 && priority <= 127);
  assert(next_sequence_ <= kSequenceMask);
  const auto biased = static_cast<std::uint64_t>(priority + 128);
  heap_.push_back(Event{time, (biased << kSequenceBits) | next_sequence_++, handler, payload, timer_slot,
                        timer_generation});
  sift_up(heap_.size() - 1);
}

Event EventQueue::pop() {
  assert(!heap_.empty());
  Event first = heap_.front();
  Event last = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) {
    heap_.front() = last;
    sift_down(0);
  }
  return first;
}

void EventQueue::sift_up(std::size_t i) {
  Event moving = heap_[i];
  while (i > 0) {
    const std::size_t parent = (i - 1) / 2;
    if (!moving.precedes(heap_[parent])) break;
    heap_[i] = heap_[parent];
    i = parent;
  }
  heap_[i] = moving;
}

void EventQueue::sift_down(std::size_t i) {
  const std::size_t n = heap_.size();
  Event moving = heap_[i];
  for (;;) {
    std::size_t child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && heap_[child + 1].precedes(heap_[child])) ++child;
    if (!heap_[child].precedes(moving)) break;
    heap_[i] = heap_[child];
    i = child;
  }
  heap_[i] = moving;
}

bool EventQueue::heap_is_valid() const {
  for (std::size_t i = 1; i < heap_.size(); ++i) {
    if (heap_[i].precedes(heap_[(i - 1) / 2])) return false;
  }
  return true;
}

}  // namespace outagesim::sim
