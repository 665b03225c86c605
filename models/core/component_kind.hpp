// The kinds of component a region is built from, and their names as scenarios spell them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace outagesim::models {

enum class ComponentKind : std::uint8_t {
  // Facilities.
  kCoolingPlant,
  kRoom,
  kPowerFeed,
  kHostPool,
  // Cloud services.
  kCompute,
  kBlockStorage,
  kObjectStorage,
  kDatabase,
  kLoadBalancer,
  kNetwork,
  kMiddleware,
  kControlPlane,
  kImageService,
  // Customers: not spelled in a scenario's components list; built from its tenants.
  kTenantFunction,
  kTenant,
};

std::string_view kind_name(ComponentKind kind);
// Kinds a scenario may declare under `components:` (tenants and their functions come from `tenants:`).
std::span<const ComponentKind> declarable_kinds();
std::optional<ComponentKind> parse_kind(std::string_view name);

// Kinds whose whole behaviour is "needs these, then runs these recovery steps".
bool is_generic_service(ComponentKind kind);

}  // namespace outagesim::models
