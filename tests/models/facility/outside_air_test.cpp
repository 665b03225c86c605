#include "models/facility/outside_air.hpp"

#include <catch2/catch.hpp>

using outagesim::models::OutsideAir;
using outagesim::sim::Time;

TEST_CASE("the outside air is a step function of time") {
  const OutsideAir air({{Time(), 27}, {Time::hours(12), 34}, {Time::hours(18), 30}});
  CHECK(air.at(Time()) == 27);
  CHECK(air.at(Time::hours(12) - Time::ms(1)) == 27);
  CHECK(air.at(Time::hours(12)) == 34);
  CHECK(air.at(Time::hours(30)) == 30);
  CHECK(air.next_change_after(Time()) == Time::hours(12));
  CHECK(air.next_change_after(Time::hours(12)) == Time::hours(18));
  CHECK_FALSE(air.next_change_after(Time::hours(18)).has_value());
  CHECK(air.lowest_c() == 27);
}

TEST_CASE("a constant outside air never changes") {
  const OutsideAir air(20);
  CHECK(air.at(Time::hours(5)) == 20);
  CHECK_FALSE(air.next_change_after(Time()).has_value());
}
