// Every vertex's intervals out of the up state, as one run produced them.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "models/core/state_change.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

struct Interval {
  sim::Time start;
  sim::Time end;  // == horizon when still open at the end of the run
  State state = State::kDown;
  ChangeId began = kNoChange;  // the change that opened it
  ChangeId ended = kNoChange;  // the change that closed it; kNoChange when open at the horizon
};

// The intervals of all vertices in one array, vertex after vertex, each vertex's in time order (no
// overlap), with where each vertex's begin: a million tenants' lists are one allocation, not one each,
// and a report that walks the vertices in order reads memory in order.
class IntervalTable {
 public:
  IntervalTable() = default;
  // From one list per vertex (tests, and results built by hand).
  explicit IntervalTable(const std::vector<std::vector<Interval>>& lists);
  // REQUIRES: first.size() == vertex count + 1, first.front() == 0, non-decreasing, first.back() ==
  // items.size().
  IntervalTable(std::vector<std::uint32_t> first, std::vector<Interval> items);

  // The number of vertices.
  std::size_t size() const { return first_.empty() ? 0 : first_.size() - 1; }
  // REQUIRES: id < size().
  std::span<const Interval> operator[](ComponentId id) const {
    return {items_.data() + first_[id], items_.data() + first_[id + 1]};
  }
  // Every interval of every vertex.
  std::size_t interval_count() const { return items_.size(); }

 private:
  std::vector<std::uint32_t> first_;  // per vertex, where its intervals begin in items_; one more at the end
  std::vector<Interval> items_;
};

}  // namespace outagesim::models
