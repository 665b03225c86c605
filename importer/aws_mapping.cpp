// AWS resources to the template's components: EC2 instances and Auto Scaling groups by zone (subnets
// resolved through the state's aws_subnet resources), RDS instances (multi-AZ, cross-region read
// replicas) and Aurora clusters, S3 buckets with cross-region replication, load balancers by subnet,
// ElastiCache replication groups by their cache clusters' zones.
#include <fmt/format.h>

#include <algorithm>

#include "importer/resource_mapping.hpp"

namespace outagesim::importer {

namespace {

constexpr std::string_view kSupporting[] = {"aws_vpc",
                                            "aws_subnet",
                                            "aws_security_group",
                                            "aws_security_group_rule",
                                            "aws_launch_template",
                                            "aws_lb_listener",
                                            "aws_lb_target_group",
                                            "aws_db_subnet_group",
                                            "aws_elasticache_subnet_group",
                                            "aws_s3_bucket_replication_configuration",
                                            "aws_s3_bucket_versioning",
                                            "aws_iam_role",
                                            "aws_iam_role_policy",
                                            "aws_internet_gateway",
                                            "aws_route_table"};

// "us-west-2a" -> "us-west-2": a zone name is its region and a letter. Nothing for what is not a zone
// name (empty, or an AZ id such as "apne1-az3"), whose region cannot be told from it.
std::optional<std::string> region_of_zone(std::string zone) {
  if (zone.empty() || zone.back() < 'a' || zone.back() > 'z') return std::nullopt;
  while (!zone.empty() && zone.back() >= 'a' && zone.back() <= 'z') zone.pop_back();
  if (zone.empty()) return std::nullopt;
  return zone;
}

// Whether `zone` is a zone name of a region other than the template's. A Local Zone of the template's
// region ("us-west-2-lax-1a" of us-west-2) is not.
bool in_other_region(const Placer& placer, const std::string& zone) {
  const std::string& own = placer.placement().region;
  if (zone.size() > own.size() && zone.starts_with(own) && zone[own.size()] == '-') return false;
  const auto region = region_of_zone(zone);
  return region && *region != own;
}

// Why a read replica in `zone` has no place: for replica_database().
std::string unplaced_replica(const std::string& zone) {
  return zone.empty() ? "a read replica with no availability_zone in the state: left out of its source's need"
                      : fmt::format(
                            "a read replica in {}, which is not among the template's zones (nor another "
                            "region's): left out of its source's need",
                            zone);
}

// Where a read replica in `zone` serves from: a database of one of the template's zones, or one of another
// region. Nothing, with why, for an unknown zone of the template's own region (or an AZ id, or none): it
// is not another region, and nothing in the template stands for it.
std::optional<std::string> replica_database(Placer& placer, const std::string& zone, std::string& why) {
  std::string reason;
  if (const auto local = placer.in_zone("database", zone, reason)) return local->of.front();
  if (in_other_region(placer, zone)) return placer.elsewhere("database", *region_of_zone(zone));
  why = unplaced_replica(zone);
  return std::nullopt;
}

// The zones of subnet ids, through the state's aws_subnet resources; a subnet not in the state is kept
// by its id, so that the reason names it.
std::vector<std::string> subnet_zones(const std::vector<std::string>& subnets, const TerraformState& all,
                                      std::string& missing) {
  std::vector<std::string> zones;
  for (const std::string& id : subnets) {
    const auto it = std::find_if(all.resources.begin(), all.resources.end(), [&](const TerraformResource& r) {
      return r.type == "aws_subnet" && text_value(r.values, "id") == id;
    });
    if (it == all.resources.end()) {
      missing = id;
      return {};
    }
    zones.push_back(text_value(it->values, "availability_zone"));
  }
  return zones;
}

const TerraformResource* find_by(const TerraformState& all, std::string_view type, const char* key,
                                 const std::string& value) {
  if (value.empty()) return nullptr;
  for (const TerraformResource& r : all.resources) {
    if (r.type == type && text_value(r.values, key) == value) return &r;
  }
  return nullptr;
}

// The S3 bucket a replication destination's ARN names, when it is in the state.
const TerraformResource* destination_bucket(const std::string& arn, const TerraformState& all) {
  return find_by(all, "aws_s3_bucket", "arn", arn);
}

// Calls visit(source bucket, destination bucket ARN) for every destination of every replication rule
// in the state.
template <typename Visit>
void for_each_replication(const TerraformState& all, Visit&& visit) {
  for (const TerraformResource& r : all.resources) {
    if (r.type != "aws_s3_bucket_replication_configuration") continue;
    const auto rules = r.values.find("rule");
    if (rules == r.values.end() || !rules->is_array()) continue;
    const std::string source = text_value(r.values, "bucket");
    for (const auto& rule : *rules) {
      const auto destinations = rule.find("destination");
      if (destinations == rule.end() || !destinations->is_array()) continue;
      for (const auto& d : *destinations) visit(source, text_value(d, "bucket"));
    }
  }
}

// The regions (other than `own`) where replication rules in the state copy `bucket` to.
std::vector<std::string> bucket_replica_regions(const std::string& bucket, const std::string& own,
                                                const TerraformState& all) {
  std::vector<std::string> regions;
  for_each_replication(all, [&](const std::string& source, const std::string& destination) {
    if (source != bucket) return;
    const TerraformResource* target = destination_bucket(destination, all);
    const std::string region = target ? text_value(target->values, "region") : "";
    if (!region.empty() && region != own &&
        std::find(regions.begin(), regions.end(), region) == regions.end())
      regions.push_back(region);
  });
  return regions;
}

// Whether a replication rule in the state copies some bucket to `bucket_arn`.
bool is_replica_destination(const std::string& bucket_arn, const TerraformState& all) {
  bool found = false;
  for_each_replication(all, [&](const std::string&, const std::string& destination) {
    found = found || (!bucket_arn.empty() && destination == bucket_arn);
  });
  return found;
}

// Every database component the template names in a zone, for a multi-AZ instance whose standby zone the
// state does not record.
std::optional<ImportedNeed> any_zone_database(const Placer& placer, const std::string& primary_zone,
                                              std::string& reason) {
  auto need = placer.in_zone("database", primary_zone, reason);
  if (!need) return std::nullopt;
  for (const auto& [provider_zone, zone] : placer.placement().zones) {
    std::string ignored;
    const auto other = placer.in_zone("database", provider_zone, ignored);
    if (other && std::find(need->of.begin(), need->of.end(), other->of.front()) == need->of.end())
      need->of.push_back(other->of.front());
  }
  return need;
}

// The need of an instance that replicates none of the state, before its read replicas join it.
std::optional<ImportedNeed> primary_need(const TerraformResource& r, const Placer& placer,
                                         std::string& reason) {
  const std::string zone = text_value(r.values, "availability_zone");
  if (!bool_value(r.values, "multi_az")) return placer.in_zone("database", zone, reason);
  const auto& zones = placer.placement().zones;
  if (const auto z = zones.find(zone); z != zones.end()) {
    if (auto ha = placer.at_place("database_ha", z->second, reason)) return ha;
  }
  return any_zone_database(placer, zone, reason);
}

// The instance of this state that `r` replicates (by ARN or identifier), or nullptr.
const TerraformResource* source_of(const TerraformResource& r, const TerraformState& all) {
  const std::string source = text_value(r.values, "replicate_source_db");
  if (source.empty()) return nullptr;
  const TerraformResource* found = find_by(all, "aws_db_instance", "arn", source);
  return found != nullptr ? found : find_by(all, "aws_db_instance", "identifier", source);
}

// "a -> b -> a" when following replication sources from `r` comes back to an instance already passed
// (no real state can, but a hand-edited one can), or the first instances of a chain deeper than RDS
// allows by far; empty when the chain ends at a primary.
std::string replication_loop(const TerraformResource& r, const TerraformState& all) {
  constexpr std::size_t kDeepest = 64;  // RDS cascades replicas a few levels deep at most
  std::vector<const TerraformResource*> chain{&r};
  for (const TerraformResource* next = source_of(r, all); next != nullptr; next = source_of(*next, all)) {
    if (chain.size() > kDeepest) {
      return fmt::format("{} -> {} -> ... more than {} deep", chain[0]->address, chain[1]->address, kDeepest);
    }
    const bool seen = std::find(chain.begin(), chain.end(), next) != chain.end();
    chain.push_back(next);
    if (!seen) continue;
    std::string text;
    for (const TerraformResource* db : chain) text += (text.empty() ? "" : " -> ") + db->address;
    return text;
  }
  return {};
}

void map_db_instance(const TerraformResource& r, const TerraformState& all, Placer& placer,
                     ImportedStack& stack) {
  std::string reason;
  const std::string zone = text_value(r.values, "availability_zone");
  const bool in_region = placer.placement().zones.contains(zone);
  if (const std::string loop = replication_loop(r, all); !loop.empty()) {
    stack.unmapped.push_back(
        {r.address,
         fmt::format("its replication sources go round in a loop ({}): no primary serves it", loop)});
    return;
  }
  // A read replica of an instance in this state is folded into its source's need (below), wherever it is;
  // when its source is unplaced there is no such need, and the replica is unplaced too.
  const TerraformResource* source_db = source_of(r, all);
  if (source_db != nullptr) {
    std::string ignored;
    if (!primary_need(*source_db, placer, ignored)) {
      stack.unmapped.push_back(
          {r.address, fmt::format("a read replica of {}, which is not placed itself: nothing needs it",
                                  source_db->address)});
    } else if (in_other_region(placer, zone) || placer.in_zone("database", zone, ignored)) {
      stack.supporting.push_back(r.address);  // folded into its source's need
    } else {
      stack.unmapped.push_back({r.address, unplaced_replica(zone)});
    }
    return;
  }
  if (!in_region && in_other_region(placer, zone)) {
    stack.unmapped.push_back(
        {r.address,
         fmt::format("it is in another region ({}), and replicates no database of this state", zone)});
    return;
  }
  std::optional<ImportedNeed> need = primary_need(r, placer, reason);
  // Read replicas of this instance: another zone's database, or another region.
  for (const TerraformResource& replica : all.resources) {
    if (!need) break;
    if (replica.type != "aws_db_instance") continue;
    const std::string of = text_value(replica.values, "replicate_source_db");
    if (of.empty() || (of != text_value(r.values, "arn") && of != text_value(r.values, "identifier")))
      continue;
    std::string ignored;  // an unplaced replica is reported as its own resource, above
    const auto component = replica_database(placer, text_value(replica.values, "availability_zone"), ignored);
    if (component && std::find(need->of.begin(), need->of.end(), *component) == need->of.end())
      need->of.push_back(*component);
  }
  if (need) need->k = 1;
  add_resource(stack, r, "database", need, reason);
}

}  // namespace

void map_aws_resource(const TerraformResource& r, const TerraformState& all, Placer& placer,
                      ImportedStack& stack) {
  std::string reason;
  if (r.type == "aws_instance") {
    add_resource(stack, r, "compute",
                 placer.in_zone("compute", text_value(r.values, "availability_zone"), reason), reason);
  } else if (r.type == "aws_autoscaling_group") {
    // The group replaces instances of a lost zone in the others: any one zone serves (k = 1).
    std::vector<std::string> zones = text_list(r.values, "availability_zones");
    if (const auto subnets = text_list(r.values, "vpc_zone_identifier"); !subnets.empty()) {
      std::string missing;
      zones = subnet_zones(subnets, all, missing);
      if (!missing.empty()) {
        stack.unmapped.push_back({r.address, fmt::format("its subnet {} is not in the state", missing)});
        return;
      }
    }
    add_resource(stack, r, "compute", placer.across_zones("compute", zones, 1, reason), reason);
  } else if (r.type == "aws_db_instance") {
    map_db_instance(r, all, placer, stack);
  } else if (r.type == "aws_rds_cluster") {
    add_resource(stack, r, "database",
                 placer.across_zones("database", text_list(r.values, "availability_zones"), 1, reason),
                 reason);
  } else if (r.type == "aws_s3_bucket") {
    const std::string region = text_value(r.values, "region");
    if (!region.empty() && region != placer.placement().region) {
      // Another region's bucket: a replica, folded into its source's need; any other is one the stack
      // may use but the region template cannot place (session 17: it was listed as configuration).
      if (is_replica_destination(text_value(r.values, "arn"), all)) {
        stack.supporting.push_back(r.address);
      } else {
        stack.unmapped.push_back(
            {r.address,
             fmt::format("it is in another region ({}), and is the replica of no bucket of this state",
                         region)});
      }
      return;
    }
    auto need = placer.at_place("object_storage", loader::kRegionalPlace, reason);
    const auto regions =
        bucket_replica_regions(text_value(r.values, "bucket"), placer.placement().region, all);
    if (need) {
      for (const std::string& other : regions) need->of.push_back(placer.elsewhere("object_storage", other));
    }
    add_resource(stack, r, "storage", need, reason);
  } else if (r.type == "aws_lb" || r.type == "aws_alb") {
    std::vector<std::string> subnets = text_list(r.values, "subnets");
    if (const auto mappings = r.values.find("subnet_mapping");
        subnets.empty() && mappings != r.values.end() && mappings->is_array()) {
      for (const auto& m : *mappings) {
        if (m.is_object()) subnets.push_back(text_value(m, "subnet_id"));
      }
    }
    std::string missing;
    const auto zones = subnet_zones(subnets, all, missing);
    if (!missing.empty()) {
      stack.unmapped.push_back({r.address, fmt::format("its subnet {} is not in the state", missing)});
      return;
    }
    add_resource(stack, r, "load-balancer", placer.across_zones("load_balancer", zones, 1, reason), reason);
  } else if (r.type == "aws_elasticache_replication_group") {
    const auto zones = text_list(r.values, "preferred_cache_cluster_azs");
    const bool fails_over =
        bool_value(r.values, "multi_az_enabled") || bool_value(r.values, "automatic_failover_enabled");
    if (!fails_over && !zones.empty()) {
      // Without automatic failover the group serves writes from its primary's zone (the first listed).
      add_resource(stack, r, "cache", placer.in_zone("cache", zones.front(), reason), reason);
    } else {
      add_resource(stack, r, "cache", placer.across_zones("cache", zones, 1, reason), reason);
    }
  } else if (std::find(std::begin(kSupporting), std::end(kSupporting), r.type) != std::end(kSupporting)) {
    stack.supporting.push_back(r.address);
  } else {
    stack.unmapped.push_back({r.address, fmt::format("the importer has no rule for {}", r.type)});
  }
}

}  // namespace outagesim::importer
