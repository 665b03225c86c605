#include "models/facility/heat_damage.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::models;

TEST_CASE("damage grows with degree-hours above the rating and is capped at every host") {
  CHECK(damage_from_exposure(kDamagePctPerCHour, 30, 1000) == Approx(30));  // 10 °C over for 3 h: 3 %
  CHECK(damage_from_exposure(1, 10, 100) == Approx(10));
  CHECK(damage_from_exposure(1, 20, 100) == Approx(20));
  CHECK(damage_from_exposure(1, 500, 100) == 100);
  CHECK(damage_from_exposure(1, 0, 100) == 0);
}

TEST_CASE("a hot stop damages in proportion to how far above the rating it happened") {
  CHECK(damage_from_hot_stop(kHotShutdownPctPerC, 45, 35, 1000) == Approx(10));  // 10 °C over: 1 %
  CHECK(damage_from_hot_stop(2, 40, 35, 100) == Approx(10));
  CHECK(damage_from_hot_stop(2, 34, 35, 100) == 0);  // stopped below the rating: no harm
  CHECK(damage_from_hot_stop(50, 40, 35, 100) == 100);
}

TEST_CASE("a draw of damaged hosts is binomial around the expected number, and pinned for a seed") {
  outagesim::sim::RandomStream stream(42);
  CHECK(draw_damaged_hosts(stream, 100, 0) == 0);
  CHECK(draw_damaged_hosts(stream, 100, 150) == 100);  // p capped at 1
  CHECK(draw_damaged_hosts(stream, 0, 5) == 0);
  double sum = 0;
  for (int i = 0; i < 1000; ++i) sum += draw_damaged_hosts(stream, 200, 20);
  CHECK(sum / 1000 == Approx(20).margin(0.4));  // standard error about 0.13
  // Pinned: the same draws on every standard library.
  outagesim::sim::RandomStream pinned(7);
  CHECK(draw_damaged_hosts(pinned, 1000, 30) == 31);
  CHECK(draw_damaged_hosts(pinned, 10, 5) == 5);
}
