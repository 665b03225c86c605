#include "models/results/milestone_check.hpp"

#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;

TEST_CASE("milestones find the first or last matching change and compare it with the public time") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
faults:
  - {at: "01:00", target: a, action: fail}
  - {at: "02:00", target: a, action: repair}
  - {at: "05:00", target: a, action: fail}
  - {at: "06:00", target: a, action: repair}
milestones:
  - {name: first fall, component: a, event: enters_down, public: "01:10"}
  - {name: last return, component: a, event: returns_up, occurrence: last, public: "06:20"}
  - {name: never degraded, component: a, event: enters_degraded, public: "03:00"}
  - {name: little downtime, component: a, max_downtime: 90m}
)"));
  const auto results = outagesim::models::check_milestones(run.spec, run.result);
  REQUIRE(results.size() == 4);
  CHECK(*results[0].simulated == outagesim::sim::Time::hours(1));
  CHECK(*results[0].difference == outagesim::sim::Time::minutes(-10));
  CHECK(results[0].passed);
  CHECK(*results[1].simulated == outagesim::sim::Time::hours(6));
  CHECK_FALSE(results[1].passed);  // 20 minutes off, beyond the default 15
  CHECK_FALSE(results[2].simulated);
  CHECK_FALSE(results[2].passed);
  CHECK(*results[3].simulated == outagesim::sim::Time::hours(2));
  CHECK_FALSE(results[3].passed);
}

TEST_CASE("the summary of a class counts its timed milestones and takes the median absolute difference") {
  using outagesim::models::MilestoneResult;
  using outagesim::models::MilestoneSpec;
  MilestoneSpec predicted;
  MilestoneSpec input;
  input.basis = MilestoneSpec::Basis::kInput;
  const auto result = [](const MilestoneSpec& m, std::optional<outagesim::sim::Time> diff) {
    MilestoneResult r;
    r.milestone = &m;
    r.difference = diff;
    r.passed =
        diff && *diff < outagesim::sim::Time::minutes(15) && *diff > outagesim::sim::Time::minutes(-15);
    return r;
  };
  using outagesim::sim::Time;
  const std::vector<MilestoneResult> results = {
      result(predicted, Time::minutes(-40)), result(predicted, Time::minutes(10)),
      result(predicted, Time::minutes(20)), result(predicted, std::nullopt), result(input, Time::minutes(0))};
  const auto s = outagesim::models::summarize(results, MilestoneSpec::Basis::kPredicted);
  CHECK(s.count == 4);
  CHECK(s.happened == 3);
  CHECK(s.within_tolerance == 1);
  CHECK(s.median_abs_error == Time::minutes(20));
  CHECK(outagesim::models::summarize(results, MilestoneSpec::Basis::kInput).count == 1);
}
