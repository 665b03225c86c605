// The provider-independent part of the mapping: function grouping, places, and the dispatch to the
// provider's rules (alicloud_mapping.cpp, aws_mapping.cpp).
#include "importer/resource_mapping.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "loader/diagnostic.hpp"
#include "loader/name_rules.hpp"

namespace outagesim::importer {

namespace {

// Names in the tenant part must be valid outagesim names: no '/', no spaces or control characters.
// A name of letters, digits, '-', '_' and '.': every other character (a UTF-8 sequence counts as one)
// becomes '-'; cut to the longest name a scenario takes.
std::string name_part(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte: its character has its '-'
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.';
    out += plain ? c : '-';
  }
  if (out.size() > loader::kMaxNameBytes) out.resize(loader::kMaxNameBytes);
  return out.empty() ? "-" : out;
}

// `plain` with the suffix "-n", cut so that the whole stays within the longest name.
std::string with_suffix(const std::string& plain, int n) {
  const std::string suffix = fmt::format("-{}", n);
  return plain.substr(0, loader::kMaxNameBytes - suffix.size()) + suffix;
}

}  // namespace

std::string text_value(const nlohmann::json& values, const char* key) {
  const auto it = values.find(key);
  return it != values.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool bool_value(const nlohmann::json& values, const char* key) {
  const auto it = values.find(key);
  return it != values.end() && it->is_boolean() && it->get<bool>();
}

void add_resource(ImportedStack& stack, const TerraformResource& resource, std::string_view tier,
                  std::optional<ImportedNeed> need, const std::string& reason) {
  if (need) {
    // A copy of a resource already mapped (count, for_each): either serves.
    const std::string_view base = without_index(resource.address);
    const auto named = stack.function_names.find(function_key(resource));
    const std::string function = named != stack.function_names.end() ? named->second : function_of(resource);
    for (MappedResource& earlier : stack.mapped) {
      if (base == resource.address || without_index(earlier.addresses.front()) != base ||
          earlier.function != function)
        continue;
      earlier.addresses.push_back(resource.address);
      for (const std::string& component : need->of) {
        if (std::find(earlier.need.of.begin(), earlier.need.of.end(), component) == earlier.need.of.end())
          earlier.need.of.push_back(component);
      }
      earlier.need.k = 1;
      return;
    }
    stack.mapped.push_back({{resource.address}, std::string(tier), function, std::move(*need)});
  } else {
    stack.unmapped.push_back({resource.address, reason});
  }
}

std::vector<std::string> text_list(const nlohmann::json& values, const char* key) {
  std::vector<std::string> out;
  const auto it = values.find(key);
  if (it == values.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

std::string_view without_index(std::string_view address) {
  if (!address.empty() && address.back() == ']') {
    if (const auto open = address.rfind('['); open != std::string_view::npos)
      address = address.substr(0, open);
  }
  return address;
}

std::string function_key(const TerraformResource& resource) {
  if (const auto tags = resource.values.find("tags"); tags != resource.values.end() && tags->is_object()) {
    if (std::string tag = text_value(*tags, "outagesim:function"); !tag.empty()) return tag;
  }
  if (!resource.module.empty()) {
    // module.app.module.db -> db; module.web["blue"] -> web["blue"]
    std::string_view module = resource.module;
    if (const auto last = module.rfind("module."); last != std::string_view::npos)
      module.remove_prefix(last + 7);
    return std::string(module);
  }
  return "app";
}

std::string function_of(const TerraformResource& resource) {
  return name_part(function_key(resource));  // module.web["blue"] -> web--blue-- (each other byte a '-')
}

std::optional<ImportedNeed> Placer::in_zone(std::string_view service, const std::string& zone_id,
                                            std::string& reason) const {
  if (zone_id.empty()) {
    reason = "it names no zone";
    return std::nullopt;
  }
  const auto zone = placement_.zones.find(zone_id);
  if (zone == placement_.zones.end()) {
    reason = fmt::format("zone '{}' is not in the region template's import.zones (region {})", zone_id,
                         placement_.region);
    return std::nullopt;
  }
  const std::string* component = placement_.component(service, zone->second);
  if (component == nullptr) {
    reason = fmt::format("the region template's import.services.{} names no component in zone {}", service,
                         zone->second);
    return std::nullopt;
  }
  return ImportedNeed{1, {*component}};
}

std::optional<ImportedNeed> Placer::across_zones(std::string_view service,
                                                 const std::vector<std::string>& zone_ids, std::size_t k,
                                                 std::string& reason) const {
  ImportedNeed need;
  for (const std::string& zone_id : zone_ids) {
    const auto one = in_zone(service, zone_id, reason);
    if (!one) return std::nullopt;
    if (std::find(need.of.begin(), need.of.end(), one->of.front()) == need.of.end())
      need.of.push_back(one->of.front());
  }
  if (need.of.empty()) {
    reason = "it names no zone";
    return std::nullopt;
  }
  need.k = std::clamp<std::size_t>(k, 1, need.of.size());
  return need;
}

std::optional<ImportedNeed> Placer::at_place(std::string_view service, std::string_view place,
                                             std::string& reason) const {
  const std::string* component = placement_.component(service, place);
  if (component == nullptr) {
    reason = fmt::format("the region template's import.services.{} names no '{}' component", service, place);
    return std::nullopt;
  }
  return ImportedNeed{1, {*component}};
}

std::string Placer::elsewhere(std::string_view service, const std::string& region) {
  if (const std::string* component = placement_.component(service, loader::kElsewherePlace))
    return *component;
  const std::string kind = service == "object_storage" ? "object_storage" : "compute";
  ExternalComponent external{
      fmt::format("{}-{}", name_part(service == "object_storage" ? "storage" : service), name_part(region)),
      kind, name_part(region)};
  if (std::find(stack_.external.begin(), stack_.external.end(), external) == stack_.external.end())
    stack_.external.push_back(external);
  return external.name;
}

ImportedStack map_resources(const TerraformState& state, const loader::ImportPlacement& placement) {
  ImportedStack stack;
  stack.data_sources = state.data_sources;
  Placer placer(placement, stack);
  const std::string prefix = placement.provider + "_";
  // Function names first, in the state's order: two keys must not become one function, which would then
  // need everything both need (the tenant is down only when all its functions are).
  // The first key to take each plain name keeps it, whatever comes later: a tag written "web-2" by hand
  // is not renamed because an earlier pair of "web" tags needed a suffix.
  std::map<std::string, std::string> key_of_name;
  std::vector<std::string> keys;  // in the state's order, each once
  std::set<std::string> seen;
  for (const TerraformResource& resource : state.resources) {
    if (resource.type.rfind(prefix, 0) != 0) continue;
    std::string key = function_key(resource);
    if (!seen.insert(key).second) continue;
    key_of_name.try_emplace(name_part(key), key);
    keys.push_back(std::move(key));
  }
  for (const std::string& key : keys) {
    const std::string plain = name_part(key);
    std::string name = plain;
    for (int n = 2; key_of_name.at(plain) != key && key_of_name.contains(name); ++n)
      name = with_suffix(plain, n);
    if (name != plain) {
      stack.renamed_functions.push_back(fmt::format("function '{}' is written as '{}': '{}' already is '{}'",
                                                    loader::escaped_text(key), name,
                                                    loader::escaped_text(key_of_name[plain]), plain));
    } else if (plain.size() == loader::kMaxNameBytes && key.size() > loader::kMaxNameBytes) {
      stack.renamed_functions.push_back(
          fmt::format("function '{}' is written as '{}': a name is at most {} bytes",
                      loader::escaped_text(key), name, loader::kMaxNameBytes));
    }
    key_of_name.emplace(name, key);
    stack.function_names.emplace(key, name);
  }
  for (const TerraformResource& resource : state.resources) {
    if (resource.type.rfind(prefix, 0) != 0) {
      stack.unmapped.push_back(
          {resource.address, fmt::format("not a {} resource, and the region template is {}'s",
                                         placement.provider, placement.provider)});
      continue;
    }
    if (placement.provider == "alicloud") {
      map_alicloud_resource(resource, state, placer, stack);
    } else {
      map_aws_resource(resource, state, placer, stack);
    }
  }
  return stack;
}

}  // namespace outagesim::importer
