// AWS Tokyo 2019 and Azure Australia East 2023 on Hong Kong's shared constants, read off the JSON result
// directly (not from the scenarios' own verdicts): the bar of a median absolute error of at most an
// hour over the predicted milestones, and heat-damage tails that come out of the model, not out of faults.
#include <algorithm>
#include <catch2/catch.hpp>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/e2e/cli_runner.hpp"

using nlohmann::json;

namespace {

json run_scenario(const std::string& name) {
  const auto r = outagesim::testing::run_cli("run scenarios/" + name + ".yaml --format json");
  INFO(r.err);
  REQUIRE(r.status == 0);
  return json::parse(r.out);
}

// The median of |simulated - public| over the predicted milestones with a public time; one that never
// happens counts as the largest miss.
double predicted_median_s(const json& doc) {
  std::vector<double> errors;
  for (const auto& m : doc["milestones"]) {
    if (m["class"] != "predicted" || !m.contains("difference_s")) continue;
    errors.push_back(m["difference_s"].is_null() ? std::numeric_limits<double>::infinity()
                                                 : std::abs(m["difference_s"].get<double>()));
  }
  REQUIRE(errors.size() >= 3);
  std::sort(errors.begin(), errors.end());
  const auto n = errors.size();
  return n % 2 == 1 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
}

}  // namespace

TEST_CASE("Tokyo 2019 and Australia East 2023: predicted milestones within an hour at the median") {
  for (const std::string name : {"aws-tokyo-2019", "azure-aue-2023"}) {
    INFO(name);
    CHECK(predicted_median_s(run_scenario(name)) <= 60 * 60);
  }
}

TEST_CASE(
    "Tokyo 2019 and Australia East 2023: one scripted fault, hosts damaged by heat, the tail check held") {
  // What makes the tails predictions, as far as a result can show it: nothing but the incident's one
  // fault is scripted at a clock time, the model damages hardware by heat, and the public check of the
  // tail (a pool still not up after the bulk has recovered) holds. A triggered action that scripted the
  // tail would still pass: docs/validation.md says what each tail rests on.
  for (const std::string name : {"aws-tokyo-2019", "azure-aue-2023"}) {
    INFO(name);
    const json doc = run_scenario(name);
    // One scripted fault starts each incident; everything else the run injects follows from a trigger.
    int faults = 0;
    for (const auto& i : doc["injections"]) {
      if (i["type"] == "fault") {
        ++faults;
      } else {
        CHECK(i["triggered"] == true);
      }
    }
    CHECK(faults == 1);
    // The model damages hardware by heat...
    CHECK_FALSE(doc["heat_damage"].empty());
    // ...and the tail's public check, a prediction, holds.
    int tails = 0;
    for (const auto& m : doc["milestones"]) {
      if (!m.contains("not_up_at")) continue;
      ++tails;
      INFO(m["name"]);
      CHECK(m["class"] == "predicted");
      CHECK(m["passed"] == true);
    }
    CHECK(tails >= 1);
  }
}
