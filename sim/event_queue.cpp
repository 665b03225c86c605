// 4-ary heap with bottom-up (Floyd) sifting and a lazily refilled root. Measured against
// std::priority_queue in bench/event_queue_bench.cpp; docs/performance.md has the figures and the
// variants that lost.
#include "sim/event_queue.hpp"

#include <cassert>

namespace outagesim::sim {

namespace {
// Four children per node: half the levels of a binary heap, and a node's children are adjacent, so each
// level costs about two cache lines however large the queue.
constexpr std::size_t kArity = 4;

// Below this many records the heap sits in the first cache levels and prefetching only costs instructions.
constexpr std::size_t kPrefetchFrom = 8192;

std::size_t parent_of(std::size_t i) {
  return (i - 1) / kArity;
}
std::size_t first_child_of(std::size_t i) {
  return kArity * i + 1;
}

// Asks for the grandchildren of node i while its children are compared: without it the walk down waits
// for memory at every level once the queue outgrows the cache (3x slower at a million events).
void prefetch_grandchildren(const std::vector<Event>& heap, std::size_t i) {
#if defined(__GNUC__)
  const std::size_t first = kArity * kArity * i + kArity + 1;
  if (first + kArity * kArity > heap.size()) return;
  const char* bytes = reinterpret_cast<const char*>(&heap[first]);
  for (std::size_t offset = 0; offset < kArity * kArity * sizeof(Event); offset += 64)
    __builtin_prefetch(bytes + offset);
#else
  (void)heap;
  (void)i;
#endif
}
}  // namespace

void EventQueue::push_back(const Event& event) {
  heap_.push_back(event);
  sift_up(heap_.size() - 1, event);
}

void EventQueue::refill_root() {
  root_vacant_ = false;
  const Event last = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) fill_root(last.time, last.order, last.handler, last.payload);
}

void EventQueue::sift_up(std::size_t i, Event moving) {
  while (i > 0) {
    const std::size_t parent = parent_of(i);
    if (!moving.precedes(heap_[parent])) break;
    heap_[i] = heap_[parent];
    i = parent;
  }
  heap_[i] = moving;
}

void EventQueue::fill_root(Time time, std::uint64_t order, std::uint32_t handler, std::uint32_t payload) {
  // Floyd's bottom-up sift: walk the hole down to a leaf along the earliest children without comparing
  // against `moving` (one comparison fewer per level), then sift `moving` up from there. A new or last
  // record usually belongs near the bottom, so the walk back up is short.
  const std::size_t n = heap_.size();
  const bool prefetch = n >= kPrefetchFrom;
  std::size_t hole = 0;
  std::size_t child = first_child_of(hole);
  while (child + kArity <= n) {
    if (prefetch) prefetch_grandchildren(heap_, hole);
    const std::size_t a = heap_[child + 1].precedes(heap_[child]) ? child + 1 : child;
    const std::size_t b = heap_[child + 3].precedes(heap_[child + 2]) ? child + 3 : child + 2;
    const std::size_t earliest = heap_[b].precedes(heap_[a]) ? b : a;
    heap_[hole] = heap_[earliest];
    hole = earliest;
    child = first_child_of(hole);
  }
  if (child < n) {  // the last parent may have fewer than kArity children
    std::size_t earliest = child;
    for (std::size_t c = child + 1; c < n; ++c) {
      if (heap_[c].precedes(heap_[earliest])) earliest = c;
    }
    heap_[hole] = heap_[earliest];
    hole = earliest;
  }
  sift_up(hole, Event{time, order, handler, payload});
}

bool EventQueue::heap_is_valid() const {
  for (std::size_t i = 1; i < heap_.size(); ++i) {
    const std::size_t parent = parent_of(i);
    if (parent == 0 && root_vacant_) continue;
    if (heap_[i].precedes(heap_[parent])) return false;
  }
  return true;
}

}  // namespace outagesim::sim
