// Terraform resources to the region template's components: each managed resource becomes the needs of
// the tenant function it belongs to, by its zone and the template's `import` key
// (loader/import_placement.hpp); what cannot be placed is kept with the reason, never dropped.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "importer/terraform_state.hpp"
#include "loader/import_placement.hpp"

namespace outagesim::importer {

// One need: a component (of.size() == 1, k == 1), or k of several (a resource across zones).
struct ImportedNeed {
  std::size_t k = 1;
  std::vector<std::string> of;
  bool operator==(const ImportedNeed&) const = default;
};

// A resource, or the copies of one (count or for_each: the same address but for the index), which
// serve in place of one another: their need is any one of their components.
struct MappedResource {
  std::vector<std::string> addresses;
  std::string tier;      // compute, database, storage, load-balancer or cache
  std::string function;  // the tenant function it serves (see function_of)
  ImportedNeed need;
};

struct UnmappedResource {
  std::string address;
  std::string reason;
};

// A component outside the region the template does not name (a cross-region replica's region):
// written into the tenant part, with no needs, so nothing in the incident reaches it.
struct ExternalComponent {
  std::string name;
  std::string kind;  // object_storage | database | compute
  std::string zone;  // the other region's id
  bool operator==(const ExternalComponent&) const = default;
};

struct ImportedStack {
  std::vector<MappedResource> mapped;      // in the state's order
  std::vector<UnmappedResource> unmapped;  // in the state's order
  std::vector<ExternalComponent> external;
  std::size_t data_sources = 0;
  // Resources read for others or configuration only (subnets, replication rules): no need of their own.
  std::vector<std::string> supporting;
  // Each function key (function_key: a tag or module as written) and the name it is written under: keys
  // that make the same name (`front end`, `front/end`) get distinct ones (`front-end`, `front-end-2`).
  std::map<std::string, std::string> function_names;
  // What was renamed so, one line each, for stderr and the part's header.
  std::vector<std::string> renamed_functions;
};

// The function a resource serves: its `outagesim:function` tag; else its module's name (module.web ->
// web, the innermost module); else `app`. Not one function per tier: a tenant is down only when all its
// functions are, and the tiers of one application need each other.
std::string function_of(const TerraformResource& resource);
// The same, as written in the state (before it is made a valid name).
std::string function_key(const TerraformResource& resource);

// `address` without its last index: module.web.aws_instance.app[1] -> module.web.aws_instance.app.
std::string_view without_index(std::string_view address);

// REQUIRES: placement.provider is alicloud or aws.
ImportedStack map_resources(const TerraformState& state, const loader::ImportPlacement& placement);

// Where a provider resource lands. Both providers' mappings (alicloud_mapping.cpp, aws_mapping.cpp) place
// through this, so the rules for zones and places are written once.
class Placer {
 public:
  Placer(const loader::ImportPlacement& placement, ImportedStack& stack)
      : placement_(placement), stack_(stack) {}

  // The template's component of `service` in the provider zone `zone_id`; nullopt with the reason set.
  std::optional<ImportedNeed> in_zone(std::string_view service, const std::string& zone_id,
                                      std::string& reason) const;
  // k of the components of `service` in the provider zones (duplicates and same-component zones merged;
  // k capped at the number left). Every zone must be placed.
  std::optional<ImportedNeed> across_zones(std::string_view service, const std::vector<std::string>& zone_ids,
                                           std::size_t k, std::string& reason) const;
  // The component at a place word (regional, local, elsewhere), or nullopt with the reason.
  std::optional<ImportedNeed> at_place(std::string_view service, std::string_view place,
                                       std::string& reason) const;
  // The component standing for `service` in another region `region`: the template's `elsewhere` one,
  // else an external component added to the stack.
  std::string elsewhere(std::string_view service, const std::string& region);
  const loader::ImportPlacement& placement() const { return placement_; }

 private:
  const loader::ImportPlacement& placement_;
  ImportedStack& stack_;
};

// Text of a resource attribute, or "" when it is absent or not a string.
std::string text_value(const nlohmann::json& values, const char* key);
// A boolean attribute; false when absent, null or not a boolean.
bool bool_value(const nlohmann::json& values, const char* key);
// The strings of a list attribute (absent: empty).
std::vector<std::string> text_list(const nlohmann::json& values, const char* key);

// Adds `resource` to the stack's mapped resources with `need` (its function from `tier`, see
// function_of), or to the unmapped ones with `reason` when there is no need.
void add_resource(ImportedStack& stack, const TerraformResource& resource, std::string_view tier,
                  std::optional<ImportedNeed> need, const std::string& reason);

// Per provider: maps one resource into the stack (mapped, unmapped or supporting). `all` is the whole
// state, for references between resources (subnets, replication rules).
void map_alicloud_resource(const TerraformResource& resource, const TerraformState& all, Placer& placer,
                           ImportedStack& stack);
void map_aws_resource(const TerraformResource& resource, const TerraformState& all, Placer& placer,
                      ImportedStack& stack);

}  // namespace outagesim::importer
