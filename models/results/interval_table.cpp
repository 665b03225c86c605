// Building the flat table of a run's intervals.
#include "models/results/interval_table.hpp"

#include <cassert>
#include <limits>
#include <stdexcept>

namespace outagesim::models {

IntervalTable::IntervalTable(const std::vector<std::vector<Interval>>& lists) {
  first_.reserve(lists.size() + 1);
  first_.push_back(0);
  for (const std::vector<Interval>& list : lists) {
    items_.insert(items_.end(), list.begin(), list.end());
    if (items_.size() > std::numeric_limits<std::uint32_t>::max())
      throw std::length_error("more than 4,294,967,295 intervals in one run");
    first_.push_back(static_cast<std::uint32_t>(items_.size()));
  }
}

IntervalTable::IntervalTable(std::vector<std::uint32_t> first, std::vector<Interval> items)
    : first_(std::move(first)), items_(std::move(items)) {
  assert(!first_.empty() && first_.front() == 0 && first_.back() == items_.size());
}

}  // namespace outagesim::models
