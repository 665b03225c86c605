// `outagesim import terraform` end to end: each Terraform fixture (tests/fixtures/terraform/) imported
// against its region template, then run against the incident of that region with `--tenant-file`, with
// the outcome the deployment's shape predicts: one zone down for hours, several zones up, a cross-region
// replica keeping its function up.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/e2e/cli_runner.hpp"

using nlohmann::json;
using outagesim::testing::CliResult;
using outagesim::testing::run_cli;

namespace {

constexpr const char* kHongKong = "scenarios/regions/alicloud-cn-hongkong.yaml";
constexpr const char* kTokyo = "scenarios/regions/aws-ap-northeast-1.yaml";

struct Imported {
  CliResult import;
  std::string part;  // the tenant part's text
  json tenant;       // my-stack in the run's JSON summary
};

std::filesystem::path temp_dir() {
  const auto dir =
      std::filesystem::temp_directory_path() / ("outagesim-import-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

// Imports the fixture against `region`, runs `scenario` with it, returns my-stack's results.
Imported import_and_run(const std::string& fixture, const char* region, const std::string& scenario) {
  Imported out;
  const std::string part = (temp_dir() / (fixture + ".yaml")).string();
  out.import = run_cli("import terraform tests/fixtures/terraform/" + fixture + ".json --region-template " +
                       region + " -o " + part);
  INFO(out.import.err);
  REQUIRE(out.import.status == 0);
  std::ifstream in(part);
  std::stringstream text;
  text << in.rdbuf();
  out.part = text.str();
  const auto run = run_cli("run " + scenario + " --tenant-file " + part + " --format json --summary");
  INFO(run.err);
  REQUIRE(run.status == 0);
  const json doc = json::parse(run.out);
  for (const json& t : doc["tenants"]) {
    if (t["name"] == "my-stack") out.tenant = t;
  }
  REQUIRE(out.tenant.is_object());
  std::filesystem::remove_all(temp_dir());
  return out;
}

std::int64_t function_down_s(const json& tenant, const std::string& function) {
  for (const json& f : tenant["functions"]) {
    if (f["name"] == function) return f["downtime_s"].get<std::int64_t>();
  }
  FAIL("no function " << function);
  return -1;
}

constexpr std::int64_t kHour = 3600;

}  // namespace

TEST_CASE("Alibaba Cloud in one zone of Hong Kong is down for hours in the 2022 cooling failure",
          "[import]") {
  const auto r = import_and_run("alicloud-single-zone", kHongKong, "scenarios/hk-2022-zone-c.yaml");
  CHECK(r.import.err.empty());
  CHECK(r.part.find("- ecs-c1    # compute: alicloud_instance.web[0], alicloud_instance.web[1]") !=
        std::string::npos);
  CHECK(r.part.find("- rds-c-single") != std::string::npos);
  CHECK(r.tenant["downtime_s"].get<std::int64_t>() > 6 * kHour);
}

TEST_CASE("Alibaba Cloud across Zones B and C, with HA RDS and ZRS OSS, stays up in Hong Kong 2022",
          "[import]") {
  const auto r = import_and_run("alicloud-multi-zone", kHongKong, "scenarios/hk-2022-zone-c.yaml");
  CHECK(r.part.find("{k: 1, of: [ecs-b, ecs-c1]}") != std::string::npos);
  CHECK(r.part.find("- rds-b-ha") != std::string::npos);
  CHECK(r.part.find("- oss-zrs") != std::string::npos);
  CHECK(r.tenant["downtime_s"].get<std::int64_t>() < 30 * 60);
  CHECK(function_down_s(r.tenant, "web") < 30 * 60);
  CHECK(function_down_s(r.tenant, "data") < 30 * 60);
}

TEST_CASE("an OSS bucket replicated to Shenzhen keeps its function up, the unplaced Redis is named",
          "[import]") {
  const auto r = import_and_run("alicloud-cross-region", kHongKong, "scenarios/hk-2022-zone-c.yaml");
  CHECK(r.import.err ==
        "unplaced: alicloud_kvstore_instance.sessions: the importer has no rule for "
        "alicloud_kvstore_instance\n");
  CHECK(r.part.find("#   alicloud_kvstore_instance.sessions: the importer has no rule") != std::string::npos);
  CHECK(r.part.find("{k: 1, of: [oss-c, oss-shenzhen]}") != std::string::npos);
  CHECK(function_down_s(r.tenant, "media") == 0);
  CHECK(function_down_s(r.tenant, "web") > 6 * kHour);
}

TEST_CASE("AWS in one Tokyo AZ is down for hours in the 2019 cooling control failure", "[import]") {
  const auto r = import_and_run("aws-single-zone", kTokyo, "scenarios/aws-tokyo-2019.yaml");
  CHECK(r.import.err.empty());
  CHECK(r.part.find("- ec2-a1") != std::string::npos);
  CHECK(r.tenant["downtime_s"].get<std::int64_t>() > 2 * kHour);
}

TEST_CASE("AWS across three Tokyo AZs, multi-AZ RDS primary in az1, stays up in 2019", "[import]") {
  const auto r = import_and_run("aws-multi-zone", kTokyo, "scenarios/aws-tokyo-2019.yaml");
  CHECK(r.part.find("{k: 1, of: [ec2-a1, ec2-az1, ec2-az2]}") != std::string::npos);
  CHECK(r.part.find("- rds-az1-multi") != std::string::npos);
  CHECK(r.tenant["downtime_s"].get<std::int64_t>() < 30 * 60);
}

TEST_CASE("an RDS read replica in us-west-2 keeps the database up in Tokyo 2019, S3 with it", "[import]") {
  const auto r = import_and_run("aws-cross-region", kTokyo, "scenarios/aws-tokyo-2019.yaml");
  CHECK(r.import.err.find("unplaced:") == std::string::npos);
  // The bucket replicated to us-west-2: the region's S3 or the replica's region.
  CHECK(r.part.find("{k: 1, of: [s3, storage-us-west-2]}") != std::string::npos);
  CHECK(r.part.find("- {name: database-us-west-2, kind: compute, zone: us-west-2}") != std::string::npos);
  CHECK(function_down_s(r.tenant, "orders") == 0);
  CHECK(function_down_s(r.tenant, "web") > 2 * kHour);
}

TEST_CASE("compare --tenant-file takes an imported tenant with a variant added by hand", "[import]") {
  const auto r = import_and_run("alicloud-single-zone", kHongKong, "scenarios/hk-2022-zone-c.yaml");
  const std::string part = (temp_dir() / "with-variant.yaml").string();
  std::ofstream(part)
      << r.part
      << "\nvariants:\n"
         "  - name: warm standby in Zone B\n"
         "    tenant: my-stack\n"
         "    functions:\n"
         "      app: {kind: standby, needs: [ecs-b, rds-b-ha, oss-zrs, slb-b], detection: 5m,\n"
         "            decision: 15m, switchover: 10m, dns_ttl: 5m, replication_lag: 5s}\n";
  const auto compare = run_cli("compare scenarios/hk-2022-zone-c.yaml --tenant-file " + part +
                               " --tenant my-stack --format json");
  INFO(compare.err);
  REQUIRE(compare.status == 0);
  CHECK(compare.out.find("warm standby in Zone B") != std::string::npos);
  std::filesystem::remove_all(temp_dir());
}

TEST_CASE("import errors name the file and what was expected", "[import]") {
  const auto dir = temp_dir();
  const std::string bad = (dir / "bad.json").string();
  std::ofstream(bad) << "{\n  \"values\": {\"root_module\": {\"resources\": [}\n}\n";
  auto r = run_cli("import terraform " + bad + " --region-template " + std::string(kTokyo));
  CHECK(r.status == 1);
  CHECK(r.err.rfind(bad + ":2:44: error: this is not JSON: syntax error while parsing value - unexpected '}'",
                    0) == 0);
  r = run_cli(
      "import terraform tests/fixtures/terraform/aws-single-zone.json --region-template "
      "scenarios/regions/azure-australiaeast.yaml");
  CHECK(r.status == 1);
  CHECK(r.err.find("the region template has no `import` key") != std::string::npos);
  r = run_cli("import terraform tests/fixtures/terraform/aws-single-zone.json --region-template " +
              std::string(kHongKong));
  CHECK(r.status == 1);
  CHECK(r.err.find("no resource of the state could be placed") != std::string::npos);
  CHECK(r.err.find("unplaced: aws_instance.app: not a alicloud resource") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("import refuses to write over its state or its region template", "[import]") {
  // Regression: `-o` on the region template replaced the user's scenario with the tenant part, exit 0.
  const auto dir = temp_dir();
  const std::string state = (dir / "state.json").string();
  const std::string region = (dir / "region.yaml").string();
  std::filesystem::copy_file("tests/fixtures/terraform/aws-single-zone.json", state);
  std::filesystem::copy_file(kTokyo, region);
  const auto before = std::filesystem::file_size(region);
  const auto onto_region =
      run_cli("import terraform " + state + " --region-template " + region + " -o " + region);
  CHECK(onto_region.status == 2);
  CHECK_THAT(onto_region.err, Catch::Contains("it is also an input"));
  CHECK(std::filesystem::file_size(region) == before);
  const auto onto_state =
      run_cli("import terraform " + state + " --region-template " + region + " -o " + state);
  CHECK(onto_state.status == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a multi-AZ RDS with its primary in Tokyo's hot AZ fails over rather than never going down",
          "[import]") {
  // User trial (session 32): the template had no multi-AZ database for apne1-az4, so such an instance was
  // placed on every zone's database at once and never went down, with no switchover.
  const auto dir = temp_dir();
  const std::string state = (dir / "rds.json").string();
  std::ofstream(state) << R"({"format_version": "1.0", "values": {"root_module": {"resources": [
    {"address": "aws_db_instance.payments", "mode": "managed", "type": "aws_db_instance", "name": "payments",
     "values": {"availability_zone": "ap-northeast-1a", "multi_az": true, "identifier": "payments"}}]}}})";
  const auto r = run_cli("import terraform " + state + " --region-template " + kTokyo);
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("- rds-a-multi    # database: aws_db_instance.payments") != std::string::npos);
  std::filesystem::remove_all(dir);
}
