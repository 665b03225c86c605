#include "models/results/interval_recorder.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::models;
using outagesim::sim::Time;

namespace {
StateChange change(int minute, State from, State to) {
  return StateChange{Time::minutes(minute), 0, from, to, Cause{}};
}
}  // namespace

TEST_CASE("intervals open on leaving up, split on a change of state, and close at the horizon") {
  IntervalRecorder r(1);
  r.on_state_change(change(10, State::kUp, State::kDegraded));
  r.on_state_change(change(20, State::kDegraded, State::kDown));
  r.on_state_change(change(30, State::kDown, State::kUp));
  r.on_state_change(change(50, State::kUp, State::kDown));
  const auto intervals = r.finish(Time::minutes(60));
  REQUIRE(intervals[0].size() == 3);
  CHECK(intervals[0][0].state == State::kDegraded);
  CHECK(intervals[0][0].end == Time::minutes(20));
  CHECK(intervals[0][1].state == State::kDown);
  CHECK(intervals[0][1].ended == 2);
  CHECK(intervals[0][2].end == Time::minutes(60));
  CHECK(intervals[0][2].ended == kNoChange);
}

TEST_CASE("a state left in the instant it was entered leaves no interval") {
  IntervalRecorder r(1);
  r.on_state_change(change(10, State::kUp, State::kDown));
  r.on_state_change(change(10, State::kDown, State::kUp));
  CHECK(r.finish(Time::minutes(60))[0].empty());
}

TEST_CASE("interleaved vertices each get their own intervals in time order") {
  IntervalRecorder r(4);
  const auto on = [](ComponentId v, int minute, State from, State to) {
    return StateChange{Time::minutes(minute), v, from, to, Cause{}};
  };
  r.on_state_change(on(2, 5, State::kUp, State::kDown));
  r.on_state_change(on(0, 10, State::kUp, State::kDegraded));
  r.on_state_change(on(2, 10, State::kDown, State::kUp));
  r.on_state_change(on(0, 20, State::kDegraded, State::kUp));
  r.on_state_change(on(3, 20, State::kUp, State::kDown));
  r.on_state_change(on(3, 20, State::kDown, State::kUp));  // left in the instant: no interval
  r.on_state_change(on(2, 30, State::kUp, State::kDegraded));
  r.on_state_change(on(0, 40, State::kUp, State::kDown));
  const IntervalTable table = r.finish(Time::minutes(60));
  REQUIRE(table.size() == 4);
  CHECK(table.interval_count() == 4);
  REQUIRE(table[0].size() == 2);
  CHECK(table[0][0].start == Time::minutes(10));
  CHECK(table[0][0].ended == 3);
  CHECK(table[0][1].start == Time::minutes(40));
  CHECK(table[0][1].end == Time::minutes(60));
  CHECK(table[1].empty());
  REQUIRE(table[2].size() == 2);
  CHECK(table[2][0].began == 0);
  CHECK(table[2][0].end == Time::minutes(10));
  CHECK(table[2][1].state == State::kDegraded);
  CHECK(table[3].empty());
}

TEST_CASE("an interval ends by what its instant came to, not by a step that lasted no time") {
  // Four batches whose checks end together: down, then degraded and up in the same instant.
  IntervalRecorder r(1);
  r.on_state_change(change(10, State::kUp, State::kDown));        // 0
  r.on_state_change(change(30, State::kDown, State::kDegraded));  // 1
  r.on_state_change(change(30, State::kDegraded, State::kUp));    // 2
  r.on_state_change(change(40, State::kUp, State::kDegraded));    // 3
  r.on_state_change(change(50, State::kDegraded, State::kDown));  // 4
  r.on_state_change(change(50, State::kDown, State::kDegraded));  // 5: lasted no time
  r.on_state_change(change(55, State::kDegraded, State::kUp));    // 6
  const auto intervals = r.finish(Time::minutes(60));
  REQUIRE(intervals[0].size() == 3);
  CHECK(intervals[0][0].end == Time::minutes(30));
  CHECK(intervals[0][0].ended == 2);  // the return to up, not the passing degraded
  CHECK(intervals[0][1].state == State::kDegraded);
  CHECK(intervals[0][1].ended == 5);  // the change that opened the next interval that lasted
  CHECK(intervals[0][2].began == 5);
  CHECK(intervals[0][2].ended == 6);
}
