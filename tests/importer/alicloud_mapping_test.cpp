// Alibaba Cloud's rules: RDS primary and standby zones, OSS redundancy and cross-region replication,
// SLB master and slave zones.
#include <catch2/catch.hpp>

#include "importer/resource_mapping.hpp"
#include "tests/importer/state_text.hpp"

namespace i = outagesim::importer;

namespace {

outagesim::loader::ImportPlacement hk() {
  outagesim::loader::ImportPlacement p;
  p.provider = "alicloud";
  p.region = "cn-hongkong";
  p.zones = {{"cn-hongkong-b", "B"}, {"cn-hongkong-c", "C"}, {"cn-hongkong-d", "D"}};
  p.services["database"] = {{"B", "db-b"}, {"C", "rds-c-single"}, {"D", "db-d"}};
  p.services["database_ha"] = {{"C", "rds-c-ha"}};
  p.services["object_storage"] = {{"local", "oss-c"}, {"regional", "oss-zrs"}};
  p.services["load_balancer"] = {{"B", "slb-b"}, {"C", "slb-c"}};
  return p;
}

std::string one(const std::string& type, const std::string& name, const std::string& values) {
  return outagesim::testing::managed_resource(type, name, values);
}

i::ImportedStack map(const std::vector<std::string>& resources) {
  return outagesim::testing::map_state(resources, hk());
}

}  // namespace

TEST_CASE("an RDS instance: single zone, HA by its primary's zone, or either zone without an HA component") {
  const auto stack = map({one("alicloud_db_instance", "a", R"({"zone_id": "cn-hongkong-c"})"),
                          one("alicloud_db_instance", "b",
                              R"({"zone_id": "cn-hongkong-c", "zone_id_slave_a": "cn-hongkong-b"})"),
                          one("alicloud_db_instance", "c",
                              R"({"zone_id": "cn-hongkong-b", "zone_id_slave_a": "cn-hongkong-d"})")});
  REQUIRE(stack.mapped.size() == 3);
  CHECK(stack.mapped[0].need == i::ImportedNeed{1, {"rds-c-single"}});
  CHECK(stack.mapped[1].need == i::ImportedNeed{1, {"rds-c-ha"}});
  CHECK(stack.mapped[2].need == i::ImportedNeed{1, {"db-b", "db-d"}});
}

TEST_CASE("an RDS instance whose standby zone the template does not list is unplaced, not taken as HA") {
  // Regression: a standby in cn-hongkong-z was written as the template's HA database of the primary's zone.
  const auto stack = map({one("alicloud_db_instance", "a",
                              R"({"zone_id": "cn-hongkong-c", "zone_id_slave_a": "cn-hongkong-z"})")});
  CHECK(stack.mapped.empty());
  REQUIRE(stack.unmapped.size() == 1);
  CHECK(stack.unmapped[0].reason == "its standby zone cn-hongkong-z is not among the template's zones");
}

TEST_CASE("an OSS bucket: LRS is local, ZRS regional, a replica in another region is an alternative") {
  const auto stack =
      map({one("alicloud_oss_bucket", "l", R"({"bucket": "l", "redundancy_type": "LRS"})"),
           one("alicloud_oss_bucket", "z", R"({"bucket": "z", "redundancy_type": "ZRS"})"),
           one("alicloud_oss_bucket", "r", R"({"bucket": "r"})"),
           one("alicloud_oss_bucket_replication", "rr",
               R"({"bucket": "r", "destination": [{"bucket": "r2", "location": "oss-cn-shenzhen"}]})")});
  REQUIRE(stack.mapped.size() == 3);
  CHECK(stack.mapped[0].need == i::ImportedNeed{1, {"oss-c"}});
  CHECK(stack.mapped[1].need == i::ImportedNeed{1, {"oss-zrs"}});
  CHECK(stack.mapped[2].need == i::ImportedNeed{1, {"oss-c", "storage-cn-shenzhen"}});
  CHECK(stack.supporting == std::vector<std::string>{"alicloud_oss_bucket_replication.rr"});
  REQUIRE(stack.external.size() == 1);
  CHECK(stack.external[0].zone == "cn-shenzhen");
}

TEST_CASE("an OSS bucket of a redundancy type that is neither LRS nor ZRS is not guessed at") {
  // Regression (session 17): 'zrs' in lower case, or 'GRS', was taken as LRS without a word.
  const auto stack = map({one("alicloud_oss_bucket", "g", R"({"bucket": "g", "redundancy_type": "GRS"})"),
                          one("alicloud_oss_bucket", "z", R"({"bucket": "z", "redundancy_type": "zrs"})")});
  CHECK(stack.mapped.empty());
  REQUIRE(stack.unmapped.size() == 2);
  CHECK(stack.unmapped[0].reason == "its redundancy_type 'GRS' is neither LRS nor ZRS");
  CHECK(stack.unmapped[1].reason == "its redundancy_type 'zrs' is neither LRS nor ZRS");
}

TEST_CASE("an SLB across its master and slave zones, or its zone mappings") {
  const auto stack =
      map({one("alicloud_slb_load_balancer", "a",
               R"({"master_zone_id": "cn-hongkong-b", "slave_zone_id": "cn-hongkong-c"})"),
           one("alicloud_slb_load_balancer", "b", R"({"zone_mappings": [{"zone_id": "cn-hongkong-c"}]})"),
           one("alicloud_slb_load_balancer", "c", R"({"master_zone_id": "cn-hongkong-d"})")});
  REQUIRE(stack.mapped.size() == 2);
  CHECK(stack.mapped[0].need == i::ImportedNeed{1, {"slb-b", "slb-c"}});
  CHECK(stack.mapped[1].need == i::ImportedNeed{1, {"slb-c"}});
  REQUIRE(stack.unmapped.size() == 1);
  CHECK(stack.unmapped[0].address == "alicloud_slb_load_balancer.c");
}

TEST_CASE("an Alibaba resource type without a rule is named, never dropped") {
  const auto stack = map({one("alicloud_kvstore_instance", "k", R"({"zone_id": "cn-hongkong-c"})")});
  REQUIRE(stack.unmapped.size() == 1);
  CHECK(stack.unmapped[0].reason == "the importer has no rule for alicloud_kvstore_instance");
}
