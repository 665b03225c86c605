// Progress accounting of a storage rebuild, checked against hand-computed copies.
#include "models/services/data_rebuild.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::models;
using outagesim::sim::Time;

TEST_CASE("a rebuild copies from the loss on, while the storage serves, and a deeper loss adds its data") {
  DataRebuild r(ThroughputWork{40, 8});
  r.update(Time(), 0.9, true);  // 10 % lost: 4 TB
  REQUIRE(r.running());
  CHECK(r.run_time() == Time::minutes(30));
  r.update(Time::minutes(15), 0.75, true);  // 2 TB copied; 15 % more lost: 2 + 6 TB
  CHECK(r.run_time() == Time::hours(1));
  CHECK(r.remaining_tb(Time::minutes(45)) == Approx(4.0));
  r.update(Time::minutes(45), 1.0, true);  // the nodes back do not shorten it
  REQUIRE(r.running());
  CHECK(r.run_time() == Time::minutes(30));
  r.finish();
  CHECK_FALSE(r.pending());
}

TEST_CASE("a rebuild pauses while the storage is down and resumes where it was") {
  DataRebuild r(ThroughputWork{40, 8});
  r.update(Time(), 0.5, true);           // 20 TB
  r.update(Time::hours(1), 0.0, false);  // 8 TB copied; down: no new loss counted
  CHECK_FALSE(r.running());
  CHECK(r.remaining_tb(Time::hours(5)) == Approx(12.0));
  r.update(Time::hours(6), 1.0, true);
  CHECK(r.run_time() == Time::minutes(90));
}

TEST_CASE("a new loss after the storage was whole again copies what is left or its share, the larger") {
  DataRebuild r(ThroughputWork{40, 8});
  r.update(Time(), 0.5, true);          // 20 TB
  r.update(Time::hours(1), 1.0, true);  // 12 TB left
  r.update(Time::hours(1), 0.9, true);  // 4 TB lost again, mostly not rebuilt yet: still 12
  CHECK(r.remaining_tb(Time::hours(1)) == Approx(12.0));
  r.update(Time::hours(2), 0.5, true);  // 4 TB left; 50 % lost, 40 % more than before: 4 + 16 TB
  CHECK(r.remaining_tb(Time::hours(2)) == Approx(20.0));
}

TEST_CASE("a whole outage or a whole storage needs no rebuild") {
  DataRebuild r(ThroughputWork{40, 8});
  r.update(Time(), 1.0, true);
  r.update(Time::hours(1), 0.0, false);
  r.update(Time::hours(2), 1.0, true);
  CHECK_FALSE(r.pending());
  CHECK_FALSE(r.running());
}
