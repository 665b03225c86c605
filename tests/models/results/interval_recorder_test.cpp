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
