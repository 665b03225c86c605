// Progress accounting of a storage rebuild, checked against hand-computed copies.
#include "models/services/data_rebuild.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::models;
using outagesim::sim::Time;

TEST_CASE("a rebuild starts when the nodes are back and copies the largest share lost") {
  DataRebuild r(ThroughputWork{40, 8});
  r.update(Time::hours(1), 0.9, true);
  r.update(Time::hours(2), 0.75, true);  // 25 % lost at worst: 10 TB
  CHECK(r.pending());
  CHECK_FALSE(r.running());
  r.update(Time::hours(3), 1.0, true);
  REQUIRE(r.running());
  CHECK(r.run_time() == Time::minutes(75));
  CHECK(r.remaining_tb(Time::hours(3) + Time::minutes(30)) == Approx(6.0));
  r.finish();
  CHECK_FALSE(r.pending());
}

TEST_CASE("a rebuild pauses while the storage is down and resumes where it was") {
  DataRebuild r(ThroughputWork{40, 8});
  r.update(Time(), 0.5, true);  // 20 TB
  r.update(Time::hours(1), 1.0, true);
  r.update(Time::hours(2), 0.0, false);  // 8 TB copied; down: no new loss counted
  CHECK(r.remaining_tb(Time::hours(5)) == Approx(12.0));
  r.update(Time::hours(6), 1.0, true);
  CHECK(r.run_time() == Time::minutes(90));
}

TEST_CASE("a whole outage or a whole storage needs no rebuild") {
  DataRebuild r(ThroughputWork{40, 8});
  r.update(Time(), 1.0, true);
  r.update(Time::hours(1), 0.0, false);
  r.update(Time::hours(2), 1.0, true);
  CHECK_FALSE(r.pending());
  CHECK_FALSE(r.running());
}
