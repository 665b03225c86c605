#include "sim/replication_range.hpp"

#include <catch2/catch.hpp>

using outagesim::sim::part_of;
using outagesim::sim::ReplicationRange;

TEST_CASE("part I of N is I*R/N up to (I+1)*R/N: contiguous, in order, covering the range exactly") {
  CHECK(part_of({0, 10}, 3, 0) == ReplicationRange{0, 3});
  CHECK(part_of({0, 10}, 3, 1) == ReplicationRange{3, 6});
  CHECK(part_of({0, 10}, 3, 2) == ReplicationRange{6, 10});
  CHECK(part_of({0, 2}, 4, 0).size() == 0);  // more parts than replications: some are empty
  CHECK(part_of({10, 20}, 2, 1) == ReplicationRange{15, 20});
  for (std::uint64_t total : {0u, 1u, 7u, 200u, 1001u}) {
    for (std::uint64_t parts : {1u, 2u, 3u, 8u, 13u}) {
      std::uint64_t next = 5;
      for (std::uint64_t part = 0; part < parts; ++part) {
        const ReplicationRange r = part_of({5, 5 + total}, parts, part);
        CHECK(r.begin == next);
        CHECK(r.begin == 5 + part * total / parts);
        next = r.end;
      }
      CHECK(next == 5 + total);
    }
  }
  // No overflow where part * total would not fit in 64 bits.
  const std::uint64_t big = std::uint64_t{1} << 62;
  CHECK(part_of({0, big}, 8, 7) == ReplicationRange{7 * (big / 8), big});
}
