#include "models/results/sla_credit.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::models;
using outagesim::sim::Time;

namespace {
SlaSpec ecs() {
  return SlaSpec{"ecs", 99.975, Time::hours(24 * 31), {{99.975, 10}, {99.0, 25}, {95.0, 100}}};
}
}  // namespace

TEST_CASE("credit tiers follow availability over the period") {
  CHECK(sla_credit(ecs(), Time::minutes(5)).credit_pct == 0);       // 99.989%
  CHECK(sla_credit(ecs(), Time::hours(1)).credit_pct == 10);        // 99.87%
  CHECK(sla_credit(ecs(), Time::hours(13)).credit_pct == 25);       // 98.25%: HK 2022's Zone C
  CHECK(sla_credit(ecs(), Time::hours(24 * 2)).credit_pct == 100);  // 93.5%
  CHECK(sla_credit(ecs(), Time::hours(13)).availability_pct == Approx(100.0 * (1 - 13.0 / 744)));
}
