#include "sim/time.hpp"

#include <catch2/catch.hpp>

using outagesim::sim::Time;

TEST_CASE("time units convert to milliseconds") {
  CHECK(Time::seconds(2).count_ms() == 2000);
  CHECK(Time::minutes(3).count_ms() == 180'000);
  CHECK(Time::hours(1) == Time::minutes(60));
  CHECK((Time::hours(1) + Time::minutes(30)).floor_seconds() == 5400);
}

TEST_CASE("floor_seconds rounds toward minus infinity") {
  CHECK(Time::ms(1999).floor_seconds() == 1);
  CHECK(Time::ms(-1).floor_seconds() == -1);
  CHECK(Time::ms(-1000).floor_seconds() == -1);
}

TEST_CASE("adding to never saturates") {
  CHECK((Time::never() + Time::hours(5)).is_never());
  CHECK(Time::hours(5) < Time::never());
}

TEST_CASE("ceil_seconds never schedules before the moment is reached") {
  CHECK(outagesim::sim::ceil_seconds(1.0001).count_ms() == 1001);
  CHECK(outagesim::sim::ceil_seconds(2.0).count_ms() == 2000);
  CHECK(outagesim::sim::ceil_seconds(0.0).count_ms() == 0);
  CHECK(outagesim::sim::ceil_seconds(1e30).is_never());
}
