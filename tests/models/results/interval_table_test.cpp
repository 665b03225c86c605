#include "models/results/interval_table.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::models;
using outagesim::sim::Time;

TEST_CASE("a table built from lists gives each vertex its own list back") {
  const Interval a{Time::minutes(1), Time::minutes(2), State::kDown, 0, 1};
  const Interval b{Time::minutes(3), Time::minutes(4), State::kDegraded, 2, 3};
  const Interval c{Time::minutes(5), Time::minutes(9), State::kDown, 4, kNoChange};
  const IntervalTable table({{a, b}, {}, {c}, {}});
  REQUIRE(table.size() == 4);
  CHECK(table.interval_count() == 3);
  REQUIRE(table[0].size() == 2);
  CHECK(table[0][1].state == State::kDegraded);
  CHECK(table[1].empty());
  REQUIRE(table[2].size() == 1);
  CHECK(table[2][0].end == Time::minutes(9));
  CHECK(table[3].empty());
}

TEST_CASE("an empty table has no vertices") {
  const IntervalTable none;
  CHECK(none.size() == 0);
  CHECK(none.interval_count() == 0);
  const IntervalTable no_lists(std::vector<std::vector<Interval>>{});
  CHECK(no_lists.size() == 0);
}
