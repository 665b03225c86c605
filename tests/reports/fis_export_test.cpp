#include "reports/fis_export.hpp"

#include <catch2/catch.hpp>

#include "tests/reports/chaos_export_fixture.hpp"

using namespace outagesim::testing;
using namespace outagesim::reports;

TEST_CASE("the FIS template has tagged zone targets, actions after waits of their times, and placeholders") {
  const Run run = chaos_region();
  const auto fis = fis_template(run.spec, plan_chaos(run.spec, run.result));
  INFO(fis.dump(2));
  CHECK(fis["description"] ==
        "outagesim test: 2 steps, 1 fault without a real-world action (listed by outagesim export)");

  const auto& s3 = fis["actions"]["step-01-disrupt-s3"];
  CHECK(s3["actionId"] == "aws:network:disrupt-connectivity");
  CHECK(s3["parameters"]["scope"] == "s3");
  CHECK(s3["parameters"]["duration"] == "PT5H30M");
  CHECK(s3["startAfter"] == nlohmann::ordered_json{"step-01-wait"});
  CHECK(fis["actions"]["step-01-wait"]["parameters"]["duration"] == "PT30M");
  CHECK(fis["targets"]["step-01-Subnets"]["resourceType"] == "aws:ec2:subnet");
  CHECK(fis["targets"]["step-01-Subnets"]["resourceTags"]["outagesim:component"] == "bucket");
  CHECK(fis["targets"]["step-01-Subnets"]["filters"][0]["path"] == "AvailabilityZone");
  CHECK(fis["targets"]["step-01-Subnets"]["filters"][0]["values"][0] == "a");

  const auto& stop = fis["actions"]["step-02-stop-instances"];
  CHECK(stop["actionId"] == "aws:ec2:stop-instances");
  CHECK(stop["parameters"]["startInstancesAfterDuration"] == "PT1H");
  CHECK(stop["targets"]["Instances"] == "step-02-Instances");
  CHECK(fis["targets"]["step-02-Instances"]["filters"][0]["path"] == "Placement.AvailabilityZone");

  CHECK(fis["stopConditions"][0]["source"] == "aws:cloudwatch:alarm");
  CHECK(fis["roleArn"].get<std::string>().find("REPLACE-WITH-FIS-ROLE") != std::string::npos);
  CHECK_FALSE(fis.contains("unmapped"));  // FIS refuses unknown keys
}

TEST_CASE("a room's power loss becomes the AZ power-interruption actions on its zone") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed, zone: b}
tenants:
  - {name: shop, needs: [feed]}
faults:
  - {at: "00:00", target: feed, action: fail}
  - {at: "00:20", target: feed, action: repair}
)"));
  const auto fis = fis_template(run.spec, plan_chaos(run.spec, run.result));
  INFO(fis.dump(2));
  std::vector<std::string> ids;
  for (const auto& [name, action] : fis["actions"].items()) ids.push_back(action["actionId"]);
  CHECK(ids == std::vector<std::string>{"aws:ec2:stop-instances", "aws:ebs:pause-volume-io",
                                        "aws:network:disrupt-connectivity", "aws:rds:failover-db-cluster",
                                        "aws:ec2:api-insufficient-instance-capacity-error"});
  CHECK_FALSE(fis["actions"]["step-01-stop-instances"].contains("startAfter"));  // at the start: no wait
  CHECK(fis["actions"]["step-01-pause-ebs-io"]["parameters"]["duration"] == "PT20M");
  CHECK(fis["actions"]["step-01-pause-instance-launches"]["parameters"]["availabilityZoneIdentifiers"] ==
        "b");
}

TEST_CASE("steps past FIS's 12-hour limit are named, the others are not") {
  ChaosPlan plan;
  plan.steps.push_back({ChaosKind::kStopInstances, "early", "a", outagesim::sim::Time::hours(1),
                        outagesim::sim::Time::hours(2), "fault", false});
  plan.steps.push_back({ChaosKind::kStopInstances, "late", "a", outagesim::sim::Time::hours(11),
                        outagesim::sim::Time::hours(2), "fault", false});
  plan.steps.push_back({ChaosKind::kStopInstances, "edge", "a", outagesim::sim::Time::hours(11),
                        outagesim::sim::Time::hours(1), "fault", false});
  CHECK(fis_limit_text(plan) ==
        "fis: step-02 (stop_instances late) ends PT13H after the start, past FIS's limit of 12 hours on an "
        "experiment: FIS refuses this template; put the late steps in a second one\n");
}

TEST_CASE("a long title in CJK is cut to FIS's 256 characters whole and dumps as valid UTF-8") {
  // Regression: the title was cut at byte 256, inside a character, and dumping the JSON threw (exit 3).
  Run run = chaos_region();
  std::string title;
  for (int i = 0; i < 300; ++i) title += "香";
  run.spec.title = title;
  const auto fis = fis_template(run.spec, plan_chaos(run.spec, run.result));
  CHECK_NOTHROW(fis.dump());
  const std::string name = fis["tags"]["Name"].get<std::string>();
  CHECK(name.size() == 256 * 3);
  CHECK(name == title.substr(0, 256 * 3));
}
