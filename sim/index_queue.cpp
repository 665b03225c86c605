// Hierarchical bitmap: set bits upward on insert, follow the lowest set bit downward on pop.
#include "sim/index_queue.hpp"

#include <bit>
#include <cassert>

namespace outagesim::sim {

IndexQueue::IndexQueue(std::size_t capacity) : capacity_(capacity) {
  std::size_t words = (capacity + kBits - 1) / kBits;
  if (words == 0) words = 1;
  for (;;) {
    levels_.emplace_back(words, 0);
    if (words == 1) break;
    words = (words + kBits - 1) / kBits;
  }
}

bool IndexQueue::insert(std::size_t index) {
  assert(index < capacity_);
  for (std::vector<std::uint64_t>& level : levels_) {
    std::uint64_t& word = level[index / kBits];
    const std::uint64_t bit = std::uint64_t{1} << (index % kBits);
    const bool word_was_empty = word == 0;
    if (&level == &levels_.front()) {
      if ((word & bit) != 0) return false;
      ++count_;
    }
    word |= bit;
    if (!word_was_empty) break;  // the levels above already mark this word
    index /= kBits;
  }
  return true;
}

std::size_t IndexQueue::pop_min() {
  assert(count_ > 0);
  std::size_t index = 0;
  for (std::size_t l = levels_.size(); l-- > 0;) {
    const std::uint64_t word = levels_[l][index];
    assert(word != 0);
    index = index * kBits + static_cast<std::size_t>(std::countr_zero(word));
  }
  const std::size_t popped = index;
  for (std::vector<std::uint64_t>& level : levels_) {
    std::uint64_t& word = level[index / kBits];
    word &= ~(std::uint64_t{1} << (index % kBits));
    if (word != 0) break;  // the word still holds others: the levels above stay marked
    index /= kBits;
  }
  --count_;
  return popped;
}

std::size_t IndexQueue::next_after(std::size_t index) const {
  // Climb while the word holding `index` has nothing above it, then descend along the lowest bits.
  std::size_t l = 0;
  std::size_t at = index;
  for (;; ++l) {
    if (l == levels_.size()) return npos;
    const std::size_t bit = at % kBits;
    const std::uint64_t above = bit + 1 == kBits ? 0 : levels_[l][at / kBits] >> (bit + 1) << (bit + 1);
    if (above != 0) {
      at = at / kBits * kBits + static_cast<std::size_t>(std::countr_zero(above));
      break;
    }
    at /= kBits;
  }
  while (l-- > 0) at = at * kBits + static_cast<std::size_t>(std::countr_zero(levels_[l][at]));
  return at;
}

}  // namespace outagesim::sim
