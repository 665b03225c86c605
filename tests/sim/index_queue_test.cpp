// sim/index_queue: a hierarchical bitmap popped smallest first, held against std::set.
#include "sim/index_queue.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <set>

namespace outagesim::sim {
namespace {

TEST_CASE("IndexQueue pops its indices smallest first and each once", "[index_queue]") {
  IndexQueue queue(200);
  CHECK(queue.empty());
  CHECK(queue.insert(130));
  CHECK(queue.insert(7));
  CHECK(queue.insert(199));
  CHECK_FALSE(queue.insert(7));  // already queued
  CHECK(queue.size() == 3);
  CHECK(queue.contains(130));
  CHECK_FALSE(queue.contains(131));
  CHECK(queue.pop_min() == 7);
  CHECK_FALSE(queue.contains(7));
  CHECK(queue.insert(0));
  CHECK(queue.pop_min() == 0);
  CHECK(queue.pop_min() == 130);
  CHECK(queue.pop_min() == 199);
  CHECK(queue.empty());
}

TEST_CASE("IndexQueue agrees with an ordered set over random inserts and pops", "[index_queue]") {
  // 300,000 indices need four levels (4,688 words, 74, 2, 1), so every level's carry is exercised.
  const std::size_t capacity = GENERATE(1, 63, 64, 65, 4096, 4097, 300000);
  IndexQueue queue(capacity);
  std::set<std::size_t> model;
  std::mt19937_64 random(capacity);
  std::uniform_int_distribution<std::size_t> pick(0, capacity - 1);
  for (int step = 0; step < 20000; ++step) {
    if (random() % 3 != 0 || model.empty()) {
      const std::size_t index = pick(random);
      REQUIRE(queue.insert(index) == model.insert(index).second);
    } else {
      REQUIRE(queue.pop_min() == *model.begin());
      model.erase(model.begin());
    }
    REQUIRE(queue.size() == model.size());
    const std::size_t probe = pick(random);
    const auto above = model.upper_bound(probe);
    REQUIRE(queue.next_after(probe) == (above == model.end() ? IndexQueue::npos : *above));
  }
  while (!model.empty()) {
    REQUIRE(queue.pop_min() == *model.begin());
    model.erase(model.begin());
  }
  CHECK(queue.empty());
}

TEST_CASE("IndexQueue takes the largest index of its capacity", "[index_queue]") {
  IndexQueue queue(4097);
  CHECK(queue.insert(4096));
  CHECK(queue.insert(4095));
  CHECK(queue.next_after(4095) == 4096);
  CHECK(queue.next_after(4096) == IndexQueue::npos);
  CHECK(queue.pop_min() == 4095);
  CHECK(queue.pop_min() == 4096);
  CHECK(queue.empty());
}

}  // namespace
}  // namespace outagesim::sim
