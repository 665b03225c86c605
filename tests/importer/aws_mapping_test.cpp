// AWS's rules: subnets resolved to zones, multi-AZ databases, read replicas in another region, S3
// replication, ElastiCache failover.
#include <catch2/catch.hpp>

#include "importer/resource_mapping.hpp"
#include "tests/importer/state_text.hpp"

namespace i = outagesim::importer;

namespace {

outagesim::loader::ImportPlacement tokyo() {
  outagesim::loader::ImportPlacement p;
  p.provider = "aws";
  p.region = "ap-northeast-1";
  p.zones = {{"ap-northeast-1a", "az4"}, {"ap-northeast-1c", "az1"}};
  p.services["compute"] = {{"az4", "ec2-a"}, {"az1", "ec2-b"}};
  p.services["database"] = {{"az4", "rds-a"}, {"az1", "db-b"}};
  p.services["database_ha"] = {{"az1", "rds-b-multi"}};
  p.services["load_balancer"] = {{"az4", "alb"}, {"az1", "alb"}};
  p.services["cache"] = {{"az4", "ec2-a"}, {"az1", "ec2-b"}};
  return p;
}

std::string one(const std::string& type, const std::string& name, const std::string& values) {
  return outagesim::testing::managed_resource(type, name, values);
}

std::string subnet(const std::string& name) {
  return one("aws_subnet", name,
             R"({"id": "subnet-)" + name + R"(", "availability_zone": "ap-northeast-1)" + name + R"("})");
}

i::ImportedStack map(const std::vector<std::string>& resources,
                     const outagesim::loader::ImportPlacement& placement = tokyo()) {
  return outagesim::testing::map_state(resources, placement);
}

}  // namespace

TEST_CASE("an Auto Scaling group and a load balancer reach their zones through the state's subnets") {
  const auto stack =
      map({subnet("a"), subnet("c"),
           one("aws_autoscaling_group", "web", R"({"vpc_zone_identifier": ["subnet-a", "subnet-c"]})"),
           one("aws_lb", "web", R"({"subnets": ["subnet-a", "subnet-c"]})"),
           one("aws_autoscaling_group", "lost", R"({"vpc_zone_identifier": ["subnet-x"]})")});
  REQUIRE(stack.mapped.size() == 2);
  CHECK(stack.mapped[0].need == i::ImportedNeed{1, {"ec2-a", "ec2-b"}});
  CHECK(stack.mapped[1].need == i::ImportedNeed{1, {"alb"}});
  REQUIRE(stack.unmapped.size() == 1);
  CHECK(stack.unmapped[0].reason == "its subnet subnet-x is not in the state");
  CHECK(stack.supporting.size() == 2);
}

TEST_CASE("an RDS instance: single-AZ, multi-AZ by the template's HA component, else any zone's database") {
  const auto stack =
      map({one("aws_db_instance", "a", R"({"availability_zone": "ap-northeast-1a", "multi_az": false})"),
           one("aws_db_instance", "b", R"({"availability_zone": "ap-northeast-1c", "multi_az": true})"),
           one("aws_db_instance", "c", R"({"availability_zone": "ap-northeast-1a", "multi_az": true})"),
           one("aws_rds_cluster", "d", R"({"availability_zones": ["ap-northeast-1a", "ap-northeast-1c"]})")});
  REQUIRE(stack.mapped.size() == 4);
  CHECK(stack.mapped[0].need == i::ImportedNeed{1, {"rds-a"}});
  CHECK(stack.mapped[1].need == i::ImportedNeed{1, {"rds-b-multi"}});
  CHECK(stack.mapped[2].need == i::ImportedNeed{1, {"rds-a", "db-b"}});
  CHECK(stack.mapped[3].need == i::ImportedNeed{1, {"rds-a", "db-b"}});
}

TEST_CASE("a read replica in another region is an alternative to its source, in a component of its own") {
  const auto stack = map(
      {one("aws_db_instance", "p",
           R"({"availability_zone": "ap-northeast-1a", "arn": "arn:p", "identifier": "p", "replicate_source_db": ""})"),
       one("aws_db_instance", "r",
           R"({"availability_zone": "us-west-2a", "arn": "arn:r", "replicate_source_db": "arn:p"})")});
  REQUIRE(stack.mapped.size() == 1);
  CHECK(stack.mapped[0].need == i::ImportedNeed{1, {"rds-a", "database-us-west-2"}});
  CHECK(stack.supporting == std::vector<std::string>{"aws_db_instance.r"});
  CHECK(stack.external == std::vector<i::ExternalComponent>{{"database-us-west-2", "compute", "us-west-2"}});
}

TEST_CASE("a read replica in an unknown zone of the template's region is unplaced and never another region") {
  // Regression: a replica in ap-northeast-1b (not in the template) or at an AZ id became a database of
  // "another region" that nothing can fail, so its source's function was never down.
  const auto stack = map(
      {one("aws_db_instance", "p",
           R"({"availability_zone": "ap-northeast-1a", "arn": "arn:p", "identifier": "p", "replicate_source_db": ""})"),
       one("aws_db_instance", "r",
           R"({"availability_zone": "ap-northeast-1b", "arn": "arn:r", "replicate_source_db": "arn:p"})"),
       one("aws_db_instance", "s",
           R"({"availability_zone": "apne1-az3", "arn": "arn:s", "replicate_source_db": "p"})"),
       one("aws_db_instance", "t",
           R"({"availability_zone": "ap-northeast-1c", "replicate_source_db": "p"})")});
  REQUIRE(stack.mapped.size() == 1);
  CHECK(stack.mapped[0].need == i::ImportedNeed{1, {"rds-a", "db-b"}});  // only the replica in a known zone
  CHECK(stack.external.empty());
  REQUIRE(stack.unmapped.size() == 2);
  CHECK(stack.unmapped[0].address == "aws_db_instance.r");
  CHECK(stack.unmapped[0].reason ==
        "a read replica in ap-northeast-1b, which is not among the template's zones (nor another region's): "
        "left "
        "out of its source's need");
  CHECK(stack.unmapped[1].address == "aws_db_instance.s");
  CHECK(stack.supporting == std::vector<std::string>{"aws_db_instance.t"});
  // A Local Zone of the template's region is not another region either.
  const auto local = map(
      {one("aws_db_instance", "p",
           R"({"availability_zone": "ap-northeast-1a", "arn": "arn:p", "identifier": "p", "replicate_source_db": ""})"),
       one("aws_db_instance", "l",
           R"({"availability_zone": "ap-northeast-1-tpe-1a", "replicate_source_db": "p"})")});
  CHECK(local.external.empty());
  REQUIRE(local.unmapped.size() == 1);
  CHECK(local.unmapped[0].address == "aws_db_instance.l");
}

TEST_CASE("a read replica of an unplaced instance is unplaced and not listed as read for its source") {
  // Regression: with its source in a zone the template does not list, the replica in a known zone was
  // listed as folded into its source's need, a need no function had.
  const auto stack =
      map({one("aws_db_instance", "p", R"({"availability_zone": "ap-northeast-1b", "identifier": "p"})"),
           one("aws_db_instance", "r",
               R"({"availability_zone": "ap-northeast-1a", "replicate_source_db": "p"})")});
  CHECK(stack.mapped.empty());
  CHECK(stack.supporting.empty());
  REQUIRE(stack.unmapped.size() == 2);
  CHECK(stack.unmapped[1].address == "aws_db_instance.r");
  CHECK(stack.unmapped[1].reason ==
        "a read replica of aws_db_instance.p, which is not placed itself: nothing needs it");
}

TEST_CASE("instances that replicate themselves or each other are unplaced, not dropped") {
  // Regression (session 21's probe): both were read as folded into a source that no need held, and the
  // stack lost its database without a word.
  const auto self = map(
      {one("aws_db_instance", "a",
           R"({"availability_zone": "ap-northeast-1a", "identifier": "a", "replicate_source_db": "a"})")});
  REQUIRE(self.unmapped.size() == 1);
  CHECK(self.unmapped[0].reason ==
        "its replication sources go round in a loop (aws_db_instance.a -> aws_db_instance.a): no primary "
        "serves it");
  CHECK(self.supporting.empty());
  const auto pair = map(
      {one("aws_db_instance", "a",
           R"({"availability_zone": "ap-northeast-1a", "identifier": "a", "replicate_source_db": "b"})"),
       one("aws_db_instance", "b",
           R"({"availability_zone": "ap-northeast-1c", "identifier": "b", "replicate_source_db": "a"})")});
  REQUIRE(pair.unmapped.size() == 2);
  CHECK(pair.unmapped[1].reason ==
        "its replication sources go round in a loop (aws_db_instance.b -> aws_db_instance.a -> "
        "aws_db_instance.b): no primary serves it");
  CHECK(pair.supporting.empty());
}

TEST_CASE(
    "an S3 bucket is regional, with its replicas' regions as alternatives, unplaced when the template "
    "has no S3") {
  const std::vector<std::string> resources{
      one("aws_s3_bucket", "a", R"({"bucket": "a", "region": "ap-northeast-1"})"),
      one("aws_s3_bucket", "b", R"({"bucket": "b", "region": "us-west-2", "arn": "arn:aws:s3:::b"})"),
      one("aws_s3_bucket_replication_configuration", "r",
          R"({"bucket": "a", "rule": [{"destination": [{"bucket": "arn:aws:s3:::b"}]}]})")};
  auto placement = tokyo();
  CHECK(map(resources, placement).unmapped.at(0).reason ==
        "the region template's import.services.object_storage names no 'regional' component");
  placement.services["object_storage"] = {{"regional", "s3"}};
  const auto stack = map(resources, placement);
  REQUIRE(stack.mapped.size() == 1);
  CHECK(stack.mapped[0].need == i::ImportedNeed{1, {"s3", "storage-us-west-2"}});
  CHECK(stack.supporting ==
        std::vector<std::string>{"aws_s3_bucket.b", "aws_s3_bucket_replication_configuration.r"});
}

TEST_CASE("an S3 bucket in another region that replicates nothing of the state is named as unplaced") {
  // Regression (session 17): it was listed as configuration, with nothing on stderr.
  auto placement = tokyo();
  placement.services["object_storage"] = {{"regional", "s3"}};
  const auto stack = map({one("aws_s3_bucket", "other",
                              R"({"bucket": "other", "region": "us-east-1", "arn": "arn:aws:s3:::other"})")},
                         placement);
  CHECK(stack.supporting.empty());
  REQUIRE(stack.unmapped.size() == 1);
  CHECK(stack.unmapped[0].reason ==
        "it is in another region (us-east-1), and is the replica of no bucket of this state");
}

TEST_CASE("an ElastiCache group fails over across its zones only with automatic failover") {
  const auto stack = map({one("aws_elasticache_replication_group", "a",
                              R"({"preferred_cache_cluster_azs": ["ap-northeast-1a", "ap-northeast-1c"],
                                 "automatic_failover_enabled": true, "multi_az_enabled": null})"),
                          one("aws_elasticache_replication_group", "b",
                              R"({"preferred_cache_cluster_azs": ["ap-northeast-1a", "ap-northeast-1c"]})")});
  REQUIRE(stack.mapped.size() == 2);
  CHECK(stack.mapped[0].need == i::ImportedNeed{1, {"ec2-a", "ec2-b"}});
  CHECK(stack.mapped[1].need == i::ImportedNeed{1, {"ec2-a"}});
}
