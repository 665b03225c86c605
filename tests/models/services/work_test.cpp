// Durations of work over throughput and through pipelines.
#include "models/services/work.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::models;
using outagesim::sim::Time;

TEST_CASE("throughput work takes amount over throughput, rounded up to the millisecond") {
  CHECK(ThroughputWork{500, 90}.duration() == Time::seconds(20000));  // 5h33m20s
  CHECK(ThroughputWork{1, 7}.duration() == Time::ms(514286));         // 514.2857... s
  CHECK(ThroughputWork{400, 8}.duration_of(0.25) == Time::minutes(750));
  CHECK(ThroughputWork{0, 8}.duration() == Time());
}

TEST_CASE("a pipeline takes ceil(items / width) batches") {
  CHECK(PipelineWork{3000, 8, Time::seconds(20)}.duration() == Time::seconds(375 * 20));
  CHECK(PipelineWork{3001, 8, Time::seconds(20)}.duration() == Time::seconds(376 * 20));
  CHECK(PipelineWork{1, 8, Time::minutes(5)}.duration() == Time::minutes(5));
  CHECK(PipelineWork{0, 8, Time::minutes(5)}.duration() == Time());
}
