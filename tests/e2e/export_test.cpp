// `outagesim export fis|chaostoolkit` on the HK 2022 replay: its one fault (the loop airlock) has no
// real-world action, so the experiments rehearse what the run predicts it takes down.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;
using outagesim::testing::unique_temp_path;

TEST_CASE("export fis: HK's airlock is unmapped, its predicted consequences are actions in order") {
  const auto fis = run_cli("export fis scenarios/hk-2022-zone-c.yaml");
  INFO(fis.err);
  REQUIRE(fis.status == 0);
  CHECK(fis.err.rfind("unmapped: plant-c loop_airlock: a thermal fault has no real-world fault injection\n",
                      0) == 0);
  // Regression (session 17): steps past FIS's 12-hour limit were written without a word. HK's halls are
  // stopped until past 21:00, more than 12 hours after the first stop.
  CHECK(fis.err.find("fis: step-01 (stop_instances c7-bigdata) ends PT12H12M58S after the start, past FIS's "
                     "limit of 12 hours") != std::string::npos);
  const auto doc = nlohmann::json::parse(fis.out);
  for (const char* key : {"description", "targets", "actions", "stopConditions", "roleArn", "tags"}) {
    CHECK(doc.contains(key));
  }
  CHECK_FALSE(doc.contains("unmapped"));
  std::set<std::string> action_ids;
  for (const auto& [name, action] : doc["actions"].items()) {
    INFO(name);
    action_ids.insert(action["actionId"].get<std::string>());
    const auto start_after = action.value("startAfter", nlohmann::json::array());
    for (const auto& after : start_after) CHECK(doc["actions"].contains(after.get<std::string>()));
    const auto targets = action.value("targets", nlohmann::json::object());
    for (const auto& [key, target] : targets.items())
      CHECK(doc["targets"].contains(target.get<std::string>()));
  }
  CHECK(action_ids.contains("aws:ec2:stop-instances"));
  CHECK(action_ids.contains("aws:fis:wait"));
  // Room C6's sprinklers cut its power: the AZ power-interruption actions, on zone C.
  CHECK(doc["actions"].contains("step-06-disrupt-network"));
  CHECK(doc["actions"]["step-06-failover-rds"]["description"] == "predicted: room-c6 down at 11:34");
  CHECK(doc["targets"]["step-06-Subnets"]["filters"][0]["values"][0] == "C");
}

TEST_CASE(
    "export chaostoolkit: a probe per HK tenant function, an action per step and repair, -o writes the "
    "file") {
  const auto ctk = run_cli("export chaostoolkit scenarios/hk-2022-zone-c.yaml");
  INFO(ctk.err);
  REQUIRE(ctk.status == 0);
  const auto doc = nlohmann::json::parse(ctk.out);
  CHECK(doc["title"].get<std::string>().find("Hong Kong") != std::string::npos);
  const auto& probes = doc["steady-state-hypothesis"]["probes"];
  REQUIRE(!probes.empty());
  CHECK(probes[0]["name"] == "OKX/trading serves (needs ecs-c5-dedicated, ebs-c, oss-c)");
  const auto& method = doc["method"];
  REQUIRE(method.size() ==
          17);  // 9 steps, and the 8 stopped components started again when the run repairs them
  CHECK(method[0]["name"] == "step-01 stop_instances c7-bigdata: predicted: c7-bigdata down at 10:45");
  CHECK(method[5]["provider"]["func"] == "start_experiment");  // room C6: the FIS power interruption
  CHECK(method[9]["name"] == "step-05 repair c4-block-storage");
  CHECK(method[9]["provider"]["func"] == "start_instances");
  CHECK(doc["rollbacks"].size() == 9);
  CHECK(doc["extensions"][0]["unmapped"][0]["action"] == "loop_airlock");
}

TEST_CASE("export needs a format and a scenario") {
  CHECK(run_cli("export scenarios/hk-2022-zone-c.yaml").status == 2);
  CHECK(run_cli("export fis").status == 2);
  CHECK(run_cli("export fis no-such-file.yaml").status == 1);
}

TEST_CASE("export refuses a scenario with nothing to inject instead of writing an empty experiment") {
  // FIS refuses a template without actions, Chaos Toolkit an experiment without a method.
  const std::string path = unique_temp_path("export-quiet.yaml").string();
  std::ofstream(path) << "scenario: quiet\nstart: 2024-01-01T00:00:00Z\nhorizon: 1h\n"
                         "components:\n  - {name: c, kind: compute, zone: a}\n"
                         "tenants:\n  - {name: t, needs: c}\n";
  for (const char* format : {"fis", "chaostoolkit"}) {
    const auto r = run_cli(std::string("export ") + format + " " + path);
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("nothing to export") != std::string::npos);
  }
}
