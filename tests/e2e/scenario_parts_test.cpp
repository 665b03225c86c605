// Scenarios made of parts, end to end: each shipped incident assembled from its region, incident and
// tenants gives the one-file scenario's results, and `--tenant-file` adds tenants from the command line.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/e2e/cli_runner.hpp"

using nlohmann::json;
using outagesim::testing::run_cli;

namespace {

// The JSON report of `arguments`, without the fields that name the scenario's file and bytes.
json report_without_file(const std::string& arguments) {
  const auto r = run_cli(arguments);
  INFO(r.err);
  REQUIRE(r.status == 0);
  json doc = json::parse(r.out);
  doc.erase("file");
  doc.erase("scenario_hash");
  return doc;
}

}  // namespace

TEST_CASE("each scenario assembled from parts runs as its one-file scenario", "[include]") {
  for (const std::string name : {"hk-2022-zone-c", "aws-tokyo-2019", "azure-aue-2023"}) {
    INFO(name);
    const json whole = report_without_file("run scenarios/" + name + ".yaml --format json");
    const json parts = report_without_file("run scenarios/assembled/" + name + ".yaml --format json");
    CHECK(parts.dump(1) == whole.dump(1));
  }
  CHECK(report_without_file("compare scenarios/assembled/hk-2022-zone-c.yaml --format json").dump(1) ==
        report_without_file("compare scenarios/hk-2022-zone-c.yaml --format json").dump(1));
}

TEST_CASE("run --tenant-file adds the file's tenants after the scenario's", "[include]") {
  const auto dir =
      std::filesystem::temp_directory_path() / ("outagesim-tenant-file-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = (dir / "t.yaml").string();
  std::ofstream(file) << "tenants:\n  - {name: extra-shop, needs: [ecs-b]}\n";
  // Before the scenario: the option takes one file, and the scenario is still the positional argument.
  const auto r =
      run_cli("run --tenant-file " + file + " scenarios/hk-2022-zone-c.yaml --format json --summary");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("\"extra-shop\"") != std::string::npos);

  std::ofstream(file) << "tenants:\n  - {name: extra-shop, needs: [ecs-x]}\n";
  const auto bad = run_cli("run scenarios/hk-2022-zone-c.yaml --tenant-file " + file);
  CHECK(bad.status == 1);
  CHECK(bad.err.find(file + ":2:") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("every command that reads a scenario takes --tenant-file", "[include]") {
  // Blind trial (session 27): only run and compare did, so a user's stack could be compared but not
  // explained, ranked, swept or drawn without a wrapper scenario that included it.
  const auto dir =
      std::filesystem::temp_directory_path() / ("outagesim-tenant-file-all-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = (dir / "t.yaml").string();
  std::ofstream(file) << "tenants:\n  - {name: extra-shop, needs: [ecs-c3]}\n";
  const std::string s = " scenarios/hk-2022-zone-c.yaml --tenant-file " + file;
  const auto explain = run_cli("explain" + s + " --tenant extra-shop");
  INFO(explain.err);
  CHECK(explain.status == 0);
  CHECK(explain.out.find("extra-shop/service was down from 10:09") != std::string::npos);
  for (const std::string command : {"rank", "sweep --duration 1h", "graph --tenant extra-shop"}) {
    const auto r = run_cli(command + s);
    INFO(command << ": " << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("extra-shop") != std::string::npos);
  }
  const auto sens = run_cli("sensitivity" + s + " --tenant extra-shop --runs 20 --quiet");
  CHECK(sens.status == 0);
  const auto report = run_cli("report" + s);
  CHECK(report.status == 0);
  CHECK(report.out.find("extra-shop") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("each shipped incident part runs with a user's own tenants in place of the customers",
          "[include]") {
  // User trial (session 32): the Tokyo incident's milestones named a shipped customer, so the incident
  // could not be run on one's own stack without the customers' part.
  struct Part {
    const char* region;
    const char* incident;
    const char* start;
    const char* needs;
  };
  const auto dir =
      std::filesystem::temp_directory_path() / ("outagesim-own-tenants-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string root = std::filesystem::current_path().string();
  for (const Part& p :
       {Part{"alicloud-cn-hongkong", "hk-2022-cooling", "2022-12-18T08:00:00+08:00", "ecs-c1"},
        Part{"aws-ap-northeast-1", "aws-tokyo-2019-cooling-control", "2019-08-23T08:00:00+09:00", "ec2-a1"},
        Part{"azure-australiaeast", "azure-aue-2023-voltage-sag", "2023-08-30T08:00:00+10:00",
             "storage-aue"}}) {
    INFO(p.incident);
    const auto file = (dir / (std::string(p.incident) + ".yaml")).string();
    std::ofstream(file) << "scenario: own\nstart: " << p.start << "\ninclude:\n  - " << root
                        << "/scenarios/regions/" << p.region << ".yaml\n  - " << root
                        << "/scenarios/incidents/" << p.incident
                        << ".yaml\ntenants:\n  - {name: mine, needs: [" << p.needs << "]}\n";
    const auto r = run_cli("validate " + file);
    INFO(r.err);
    CHECK(r.status == 0);
  }
  std::filesystem::remove_all(dir);
}
