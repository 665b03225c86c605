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

TEST_CASE("interpolated readings move in short steps along the line between them") {
  // Blind trial M (session 31): an hourly series put every trip and return on the hour.
  const OutsideAir air =
      OutsideAir({{Time(), 30}, {Time::hours(1), 36}, {Time::hours(2), 36}, {Time::hours(3), 30}})
          .interpolated(Time::minutes(10));
  CHECK(air.at(Time()) == Approx(30.5));              // 00:00-00:10 at the line's 00:05
  CHECK(air.at(Time::minutes(55)) == Approx(35.5));   // 00:50-01:00 at 00:55
  CHECK(air.at(Time::minutes(90)) == Approx(36));     // flat between equal readings
  CHECK(air.at(Time::minutes(125)) == Approx(35.5));  // 02:00-02:10 at 02:05
  CHECK(air.at(Time::hours(5)) == Approx(30));        // the last reading holds on
  // One step per 10 minutes while the air moves, one for the flat hour, one for the last reading.
  CHECK(air.steps().size() == 6 + 1 + 6 + 1);
  CHECK(air.next_change_after(Time::minutes(60)) == Time::minutes(120));
  // A single reading is a constant.
  CHECK(OutsideAir(25).interpolated(Time::minutes(10)).steps().size() == 1);
}
