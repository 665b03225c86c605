#include "sim/event_queue.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <tuple>

using outagesim::sim::EventQueue;
using outagesim::sim::Time;

TEST_CASE("events pop by time, then priority, then insertion order") {
  EventQueue q;
  q.push(Time::seconds(5), 0, 0, 1);
  q.push(Time::seconds(1), 0, 0, 2);
  q.push(Time::seconds(5), -1, 0, 3);  // same time, runs first: lower priority value
  q.push(Time::seconds(5), 0, 0, 4);   // same time and priority as 1: after it
  q.push(Time::seconds(1), 0, 0, 5);
  std::vector<std::uint32_t> order;
  while (!q.empty()) order.push_back(q.pop().payload);
  CHECK(order == std::vector<std::uint32_t>{2, 5, 3, 1, 4});
}

TEST_CASE("the queue agrees with a sorted shadow set under random pushes and pops") {
  // Reference model: a std::multiset ordered the same way (LevelDB checks its skip list against std::set).
  std::mt19937_64 rng(42);
  EventQueue q;
  std::set<std::tuple<std::int64_t, int, std::uint64_t>> shadow;
  std::uint64_t sequence = 0;
  for (int step = 0; step < 20000; ++step) {
    if (q.empty() || rng() % 3 != 0) {
      const auto t = static_cast<std::int64_t>(rng() % 1000);
      const int priority = static_cast<int>(rng() % 5) - 2;
      q.push(Time::ms(t), priority, 0, static_cast<std::uint32_t>(sequence));
      shadow.emplace(t, priority, sequence++);
    } else {
      const auto e = q.pop();
      const auto expected = *shadow.begin();
      shadow.erase(shadow.begin());
      REQUIRE(e.time.count_ms() == std::get<0>(expected));
      REQUIRE(e.payload == std::get<2>(expected));
    }
    if (step % 1000 == 0) REQUIRE(q.heap_is_valid());
  }
  REQUIRE(q.size() == shadow.size());
}

TEST_CASE("a pop leaves the root empty until the next push, and size and top account for it") {
  EventQueue q;
  q.push(Time::seconds(3), 0, 0, 3);
  q.push(Time::seconds(1), 0, 0, 1);
  q.push(Time::seconds(2), 0, 0, 2);
  CHECK(q.pop().payload == 1);
  CHECK(q.size() == 2);
  CHECK(q.heap_is_valid());
  q.push(Time::seconds(1), 0, 0, 4);  // fills the empty root: earlier than everything left
  CHECK(q.top().payload == 4);
  CHECK(q.pop().payload == 4);
  CHECK(q.pop().payload == 2);  // two pops in a row: the second refills the root first
  CHECK(q.pop().payload == 3);
  CHECK(q.empty());
  q.push(Time::seconds(9), 0, 0, 9);  // a push into an emptied queue
  CHECK(q.size() == 1);
  CHECK(q.pop().payload == 9);
  CHECK(q.empty());
}

TEST_CASE("the queue agrees with a sorted shadow set in the hold model, ties included, beyond the cache") {
  // Pop one, push one, at a size where the heap is several levels deep and prefetching is on; times on a
  // coarse grid so many records tie on time and priority and only the insertion sequence orders them.
  std::mt19937_64 rng(7);
  EventQueue q;
  std::set<std::tuple<std::int64_t, int, std::uint64_t>> shadow;
  std::uint64_t sequence = 0;
  auto push = [&](std::int64_t t) {
    const int priority = static_cast<int>(rng() % 3) - 1;
    q.push(Time::ms(t), priority, 0, static_cast<std::uint32_t>(sequence));
    shadow.emplace(t, priority, sequence++);
  };
  for (int i = 0; i < 30000; ++i) push(static_cast<std::int64_t>(rng() % 50) * 100);
  for (int step = 0; step < 60000; ++step) {
    const auto e = q.pop();
    const auto expected = *shadow.begin();
    shadow.erase(shadow.begin());
    REQUIRE(e.time.count_ms() == std::get<0>(expected));
    REQUIRE(e.payload == std::get<2>(expected));
    push(e.time.count_ms() + static_cast<std::int64_t>(rng() % 50) * 100);
    if (step % 5000 == 0) REQUIRE(q.heap_is_valid());
  }
  REQUIRE(q.size() == shadow.size());
}

TEST_CASE("unpop puts the record just popped back on top") {
  EventQueue q;
  q.push(Time::seconds(10), 0, 0, 2);
  q.push(Time::seconds(5), 0, 0, 1);
  CHECK(q.pop().payload == 1);
  CHECK(q.size() == 1);
  q.unpop();
  CHECK(q.size() == 2);
  CHECK(q.top().payload == 1);
  CHECK(q.heap_is_valid());
  CHECK(q.pop().payload == 1);
  CHECK(q.pop().payload == 2);
  CHECK(q.empty());
}
