#include "sim/engine.hpp"

#include <catch2/catch.hpp>
#include <vector>

using outagesim::sim::Engine;
using outagesim::sim::Time;
using outagesim::sim::TimerId;

namespace {
// Records (time, payload) of every event it receives.
struct Recorder final : outagesim::sim::EventHandler {
  Engine* engine = nullptr;
  std::vector<std::pair<std::int64_t, std::uint32_t>> seen;
  void handle_event(std::uint32_t payload) override {
    seen.emplace_back(engine->now().floor_seconds(), payload);
  }
};
}  // namespace

TEST_CASE("the engine dispatches in time order and stops before the horizon") {
  Engine engine(Time::seconds(100));
  Recorder r;
  r.engine = &engine;
  const auto h = engine.add_handler(r);
  engine.schedule_at(Time::seconds(50), h, 2);
  engine.schedule_at(Time::seconds(10), h, 1);
  engine.schedule_at(Time::seconds(100), h, 3);  // at the horizon: not run
  engine.run();
  CHECK(r.seen == std::vector<std::pair<std::int64_t, std::uint32_t>>{{10, 1}, {50, 2}});
  CHECK(engine.now() == Time::seconds(100));
  CHECK(engine.events_dispatched() == 2);
}

TEST_CASE("a cancelled timer never fires, and its slot is reused safely") {
  Engine engine(Time::hours(1));
  Recorder r;
  r.engine = &engine;
  const auto h = engine.add_handler(r);
  TimerId a = engine.start_timer_at(Time::seconds(5), h, 1);
  CHECK(engine.is_pending(a));
  CHECK(engine.cancel(a));
  CHECK_FALSE(a.is_set());
  CHECK_FALSE(engine.cancel(a));  // cancelling twice is harmless
  // The freed slot is reused with a new generation; the stale record of `a` must still be skipped.
  TimerId b = engine.start_timer_at(Time::seconds(5), h, 2);
  engine.run();
  CHECK(r.seen == std::vector<std::pair<std::int64_t, std::uint32_t>>{{5, 2}});
  CHECK_FALSE(engine.is_pending(b));  // fired timers are no longer pending
}

TEST_CASE("a timer cancelled from inside an event at the same time does not fire") {
  Engine engine(Time::hours(1));
  struct Canceller final : outagesim::sim::EventHandler {
    Engine* engine;
    TimerId victim;
    int fired = 0;
    void handle_event(std::uint32_t payload) override {
      if (payload == 0)
        engine->cancel(victim);
      else
        ++fired;
    }
  } c;
  c.engine = &engine;
  const auto h = engine.add_handler(c);
  engine.schedule_at(Time::seconds(1), h, 0);
  c.victim = engine.start_timer_at(Time::seconds(1), h, 1);  // same time, inserted later
  engine.run();
  CHECK(c.fired == 0);
}

TEST_CASE("step runs one event at a time") {
  Engine engine(Time::hours(1));
  Recorder r;
  r.engine = &engine;
  const auto h = engine.add_handler(r);
  engine.schedule_at(Time::seconds(1), h, 1);
  engine.schedule_at(Time::seconds(2), h, 2);
  CHECK(engine.step());
  CHECK(r.seen.size() == 1);
  CHECK(engine.now() == Time::seconds(1));
  CHECK(engine.step());
  CHECK_FALSE(engine.step());
}

TEST_CASE("timers deliver their own handler and payload, around cancelled ones and plain events") {
  // A timer's record in the queue names its slot, not its handler: the engine must look both up again.
  Engine engine(Time::hours(1));
  Recorder first;
  Recorder second;
  first.engine = &engine;
  second.engine = &engine;
  const auto h1 = engine.add_handler(first);
  const auto h2 = engine.add_handler(second);
  TimerId a = engine.start_timer_at(Time::seconds(3), h1, 30);
  TimerId b = engine.start_timer_at(Time::seconds(2), h2, 20);
  engine.schedule_at(Time::seconds(2), h1, 21);
  TimerId c = engine.start_timer_at(Time::seconds(1), h2, 10);
  CHECK(engine.cancel(b));
  TimerId d = engine.start_timer_at(Time::seconds(4), h2, 40);  // reuses b's slot
  engine.run();
  CHECK(first.seen == std::vector<std::pair<std::int64_t, std::uint32_t>>{{2, 21}, {3, 30}});
  CHECK(second.seen == std::vector<std::pair<std::int64_t, std::uint32_t>>{{1, 10}, {4, 40}});
  CHECK_FALSE(engine.is_pending(a));
  CHECK_FALSE(engine.is_pending(c));
  CHECK_FALSE(engine.is_pending(d));
}

TEST_CASE("one step skips a long run of cancelled timers and dispatches the next live event") {
  Engine engine(Time::hours(1));
  Recorder r;
  r.engine = &engine;
  const auto h = engine.add_handler(r);
  constexpr int kCancelled = 200'000;  // deep enough to overflow the stack if each skip were a call
  for (int i = 0; i < kCancelled; ++i) {
    TimerId t = engine.start_timer_at(Time::seconds(1), h, 1);
    engine.cancel(t);
  }
  engine.schedule_at(Time::seconds(2), h, 2);
  const TimerId live = engine.start_timer_at(Time::seconds(3), h, 3);
  TimerId last = engine.start_timer_at(Time::seconds(4), h, 4);
  engine.cancel(last);
  CHECK(engine.step());
  CHECK(r.seen == std::vector<std::pair<std::int64_t, std::uint32_t>>{{2, 2}});
  CHECK(engine.step());
  CHECK_FALSE(engine.is_pending(live));
  CHECK_FALSE(engine.step());  // only a cancelled timer is left
  CHECK(r.seen.size() == 2);
  CHECK(engine.events_dispatched() == 2);
}

TEST_CASE("the horizon ends the run before any event at it whatever its priority and stays") {
  // The horizon is a record in the queue, pushed first at the lowest priority: an event at the horizon
  // with the lowest priority, scheduled later, must still not run, and steps after the end stay ended.
  Engine engine(Time::seconds(10));
  Recorder r;
  r.engine = &engine;
  const auto h = engine.add_handler(r);
  CHECK(engine.queued() == 0);
  engine.schedule_at(Time::seconds(10), h, 2, -128);
  engine.schedule_at(Time::seconds(9), h, 1, 127);
  engine.schedule_at(Time::seconds(11), h, 3, -128);
  TimerId late = engine.start_timer_at(Time::seconds(10), h, 4, -128);
  CHECK(engine.queued() == 4);
  CHECK(engine.step());
  CHECK_FALSE(engine.step());
  CHECK_FALSE(engine.step());
  CHECK(r.seen == std::vector<std::pair<std::int64_t, std::uint32_t>>{{9, 1}});
  CHECK(engine.is_pending(late));
  CHECK(engine.queued() == 3);
  engine.run();
  CHECK(r.seen.size() == 1);
  CHECK(engine.now() == Time::seconds(10));
}

TEST_CASE("an engine whose horizon is zero runs nothing") {
  Engine engine{Time()};
  Recorder r;
  r.engine = &engine;
  const auto h = engine.add_handler(r);
  engine.schedule_at(Time(), h, 1, -128);
  engine.run();
  CHECK(r.seen.empty());
  CHECK(engine.events_dispatched() == 0);
}
