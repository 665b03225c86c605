// Alibaba Cloud resources to the template's components: ECS instances by zone_id, RDS instances with a
// standby in zone_id_slave_a, OSS buckets by redundancy (LRS, ZRS) and cross-region replication, SLB
// load balancers by their master and slave zones.
#include <fmt/format.h>

#include <algorithm>

#include "importer/resource_mapping.hpp"

namespace outagesim::importer {

namespace {

// Read for others or configuration only: they run on nothing of their own.
constexpr std::string_view kSupporting[] = {"alicloud_vpc",
                                            "alicloud_vswitch",
                                            "alicloud_security_group",
                                            "alicloud_security_group_rule",
                                            "alicloud_slb_listener",
                                            "alicloud_oss_bucket_replication",
                                            "alicloud_db_account",
                                            "alicloud_db_database",
                                            "alicloud_key_pair",
                                            "alicloud_ram_role"};

// "oss-cn-shenzhen" (an OSS location) or "cn-shenzhen" -> "cn-shenzhen".
std::string oss_region(std::string location) {
  if (location.rfind("oss-", 0) == 0) location.erase(0, 4);
  return location;
}

// The regions other than `own` that an OSS bucket named `bucket` is replicated to.
std::vector<std::string> replica_regions(const std::string& bucket, const std::string& own,
                                         const TerraformState& all) {
  std::vector<std::string> regions;
  for (const TerraformResource& r : all.resources) {
    if (r.type != "alicloud_oss_bucket_replication" || text_value(r.values, "bucket") != bucket) continue;
    const auto destination = r.values.find("destination");
    if (destination == r.values.end() || !destination->is_array()) continue;
    for (const auto& d : *destination) {
      if (!d.is_object()) continue;
      const std::string region = oss_region(text_value(d, "location"));
      if (!region.empty() && region != own &&
          std::find(regions.begin(), regions.end(), region) == regions.end())
        regions.push_back(region);
    }
  }
  return regions;
}

}  // namespace

void map_alicloud_resource(const TerraformResource& r, const TerraformState& all, Placer& placer,
                           ImportedStack& stack) {
  std::string reason;
  if (r.type == "alicloud_instance") {
    std::string zone = text_value(r.values, "zone_id");
    if (zone.empty()) zone = text_value(r.values, "availability_zone");
    add_resource(stack, r, "compute", placer.in_zone("compute", zone, reason), reason);
  } else if (r.type == "alicloud_db_instance") {
    const std::string zone = text_value(r.values, "zone_id");
    const std::string standby = text_value(r.values, "zone_id_slave_a");
    if (standby.empty() || standby == zone || standby == "Auto") {
      add_resource(stack, r, "database", placer.in_zone("database", zone, reason), reason);
      return;
    }
    // Primary and standby across zones: the template's HA database for the primary's zone, which models
    // the switchover; else either zone's database. A standby in a zone the template does not list is not
    // guessed to be where the HA database's standby is.
    const auto& zones = placer.placement().zones;
    if (!zones.contains(standby)) {
      add_resource(stack, r, "database", std::nullopt,
                   fmt::format("its standby zone {} is not among the template's zones", standby));
      return;
    }
    if (const auto z = zones.find(zone); z != zones.end()) {
      if (const auto ha = placer.at_place("database_ha", z->second, reason)) {
        add_resource(stack, r, "database", ha, reason);
        return;
      }
    }
    add_resource(stack, r, "database", placer.across_zones("database", {zone, standby}, 1, reason), reason);
  } else if (r.type == "alicloud_oss_bucket") {
    const std::string redundancy = text_value(r.values, "redundancy_type");
    // Alibaba's values are LRS (the default when absent) and ZRS; another is not guessed at.
    if (!redundancy.empty() && redundancy != "LRS" && redundancy != "ZRS") {
      stack.unmapped.push_back(
          {r.address, fmt::format("its redundancy_type '{}' is neither LRS nor ZRS", redundancy)});
      return;
    }
    const bool zrs = redundancy == "ZRS";
    auto need = placer.at_place("object_storage", zrs ? loader::kRegionalPlace : loader::kLocalPlace, reason);
    const auto regions = replica_regions(text_value(r.values, "bucket"), placer.placement().region, all);
    if (need && !regions.empty()) {
      for (const std::string& region : regions)
        need->of.push_back(placer.elsewhere("object_storage", region));
      need->k = 1;
    }
    add_resource(stack, r, "storage", need, reason);
  } else if (r.type == "alicloud_slb_load_balancer" || r.type == "alicloud_slb") {
    std::vector<std::string> zones;
    for (const char* key : {"master_zone_id", "slave_zone_id"}) {
      if (const std::string z = text_value(r.values, key); !z.empty()) zones.push_back(z);
    }
    if (const auto mappings = r.values.find("zone_mappings");
        zones.empty() && mappings != r.values.end() && mappings->is_array()) {
      for (const auto& m : *mappings) {
        if (m.is_object() && !text_value(m, "zone_id").empty()) zones.push_back(text_value(m, "zone_id"));
      }
    }
    add_resource(stack, r, "load-balancer", placer.across_zones("load_balancer", zones, 1, reason), reason);
  } else if (std::find(std::begin(kSupporting), std::end(kSupporting), r.type) != std::end(kSupporting)) {
    stack.supporting.push_back(r.address);
  } else {
    stack.unmapped.push_back({r.address, fmt::format("the importer has no rule for {}", r.type)});
  }
}

}  // namespace outagesim::importer
