#include "sim/resource.hpp"

#include <catch2/catch.hpp>
#include <tuple>
#include <vector>

using outagesim::sim::Engine;
using outagesim::sim::Resource;
using outagesim::sim::Time;

namespace {
// A worker that holds the resource for `hold` then releases it; records when each grant arrived.
struct Worker final : outagesim::sim::EventHandler {
  Engine* engine = nullptr;
  Resource* resource = nullptr;
  std::vector<std::pair<std::uint32_t, std::int64_t>>* log = nullptr;
  outagesim::sim::HandlerId self = 0;
  void handle_event(std::uint32_t payload) override {
    if (payload >= 1000) {  // release after holding
      resource->release();
      return;
    }
    log->emplace_back(payload, engine->now().floor_seconds());
    engine->schedule_at(engine->now() + Time::seconds(10), self, 1000 + payload);
  }
};

// An engine, a crew of `capacity` and one worker that logs its grants: the scaffolding of every test here.
struct Crew {
  explicit Crew(std::uint32_t capacity) : engine(Time::hours(1)), crew(engine, capacity) {
    w.engine = &engine;
    w.resource = &crew;
    w.log = &log;
    w.self = engine.add_handler(w);
  }
  Engine engine;
  Resource crew;
  std::vector<std::pair<std::uint32_t, std::int64_t>> log;
  Worker w;
};
}  // namespace

TEST_CASE("requests made in one instant are granted by priority, then arrival, one unit at a time") {
  Crew c(1);
  Engine& engine = c.engine;
  Resource& crew = c.crew;
  auto& log = c.log;
  Worker& w = c.w;
  crew.request(w.self, 1, 5);
  crew.request(w.self, 2, 0);  // more urgent, asked later in the same instant
  crew.request(w.self, 3, 5);
  engine.run();
  CHECK(log == std::vector<std::pair<std::uint32_t, std::int64_t>>{{2, 0}, {1, 10}, {3, 20}});
}

TEST_CASE("a withdrawn request is never granted") {
  Crew c(2);
  Engine& engine = c.engine;
  Resource& crew = c.crew;
  auto& log = c.log;
  Worker& w = c.w;
  crew.request(w.self, 1);
  crew.request(w.self, 2);
  crew.request(w.self, 3);
  CHECK(crew.withdraw(w.self, 3));
  CHECK_FALSE(crew.withdraw(w.self, 3));
  engine.run();
  CHECK(log.size() == 2);
  CHECK(crew.in_use() == 0);
}

TEST_CASE("a team request is granted whole, and smaller later requests that fit go first") {
  Crew c(3);
  Engine& engine = c.engine;
  Resource& crew = c.crew;
  Worker& w = c.w;
  crew.request(w.self, 1, 0, 2);
  crew.request(w.self, 2, 0, 2);  // does not fit beside request 1
  crew.request(w.self, 3, 0, 1);  // fits beside request 1: backfilled
  engine.step();                  // the grant event
  CHECK(crew.in_use() == 3);
  CHECK(crew.waiting() == 1);
  crew.withdraw(w.self, 2);
  CHECK(crew.waiting() == 0);
}

TEST_CASE("a raised capacity grants waiting requests, a lowered one lets holders finish") {
  Crew c(0);
  Engine& engine = c.engine;
  Resource& crew = c.crew;
  auto& log = c.log;
  Worker& w = c.w;
  crew.request(w.self, 1);
  crew.request(w.self, 2);
  CHECK_FALSE(engine.step());  // nobody to grant
  crew.set_capacity(1);
  engine.step();  // the grant
  engine.step();  // worker 1 starts, holds for 10 s
  CHECK(log.size() == 1);
  crew.set_capacity(0);  // the shift ends; worker 1 finishes its work
  engine.run();
  CHECK(log.size() == 1);
  CHECK(crew.in_use() == 0);
  CHECK(crew.waiting() == 1);
}

TEST_CASE("a resized request keeps its place in the queue and is granted as its new size") {
  Crew c(0);
  Engine& engine = c.engine;
  Resource& crew = c.crew;
  auto& log = c.log;
  Worker& w = c.w;
  crew.request(w.self, 2, 0, 3);
  crew.request(w.self, 3, 0, 2);
  crew.set_capacity(2);  // the shift on duty is smaller than request 2
  CHECK(crew.resize(w.self, 2, 20, 2));
  CHECK_FALSE(crew.resize(w.self, 4, 40, 1));  // not queued
  engine.step();                               // the grant: request 2, first in the queue, now fits
  CHECK(crew.in_use() == 2);
  CHECK(crew.waiting() == 1);
  engine.step();  // its grant arrives with the new payload
  CHECK(log == std::vector<std::pair<std::uint32_t, std::int64_t>>{{20, 0}});
  CHECK(crew.withdraw(w.self, 3));
}

TEST_CASE("a resource counts the most units in use and how long work queued for them") {
  // Three jobs of 10 s for one unit, asked at once: the queue is non-empty until the third is granted
  // at 20 s. With two units the third waits 10 s; with three none waits.
  for (const auto& [units, queued_s, peak] : {std::tuple{1u, 20, 1u}, {2u, 10, 2u}, {3u, 0, 3u}}) {
    INFO(units);
    Crew c(units);
    for (std::uint32_t job = 1; job <= 3; ++job) c.crew.request(c.w.self, job);
    c.engine.run();
    CHECK(c.crew.queued_time() == Time::seconds(queued_s));
    CHECK(c.crew.peak_in_use() == peak);
  }
}
