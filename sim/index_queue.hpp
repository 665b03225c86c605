// A set of small non-negative integers, popped smallest first: a bitmap per level of a 64-ary tree, so
// insert, contains and pop-min each touch one word per level (four levels hold 16 million indices).
// Where a binary heap of a million queued indices walks 20 levels of scattered memory on every pop, this
// walks the few words above one bit. Popping order is the same as a min-heap's: the smallest present.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace outagesim::sim {

class IndexQueue {
 public:
  IndexQueue() = default;
  // Holds indices in [0, capacity).
  explicit IndexQueue(std::size_t capacity);

  // Adds `index`; returns false when it was already queued. REQUIRES: index < capacity().
  bool insert(std::size_t index);
  bool contains(std::size_t index) const {
    return (levels_.front()[index / kBits] >> (index % kBits) & 1U) != 0;
  }
  bool empty() const { return count_ == 0; }
  std::size_t size() const { return count_; }
  std::size_t capacity() const { return capacity_; }
  // Removes and returns the smallest queued index. REQUIRES: !empty().
  std::size_t pop_min();
  // The smallest queued index above `index`, or npos; what a caller may prefetch for while it works on
  // `index`.
  std::size_t next_after(std::size_t index) const;

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  static constexpr std::size_t kBits = 64;

  // levels_[0] has a bit per index; each level above has a bit per word of the level below, set when
  // that word is not zero. The top level is one word.
  std::vector<std::vector<std::uint64_t>> levels_;
  std::size_t capacity_ = 0;
  std::size_t count_ = 0;
};

}  // namespace outagesim::sim
