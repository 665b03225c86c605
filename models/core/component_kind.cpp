// Names of component kinds.
#include "models/core/component_kind.hpp"

#include <array>

namespace outagesim::models {

namespace {
constexpr std::array kDeclarable = {
    ComponentKind::kCoolingPlant,  ComponentKind::kRoom,       ComponentKind::kPowerFeed,
    ComponentKind::kHostPool,      ComponentKind::kCompute,    ComponentKind::kBlockStorage,
    ComponentKind::kObjectStorage, ComponentKind::kDatabase,   ComponentKind::kLoadBalancer,
    ComponentKind::kNetwork,       ComponentKind::kMiddleware, ComponentKind::kControlPlane,
    ComponentKind::kImageService,
};
}  // namespace

std::string_view kind_name(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::kCoolingPlant:
      return "cooling_plant";
    case ComponentKind::kRoom:
      return "room";
    case ComponentKind::kPowerFeed:
      return "power_feed";
    case ComponentKind::kHostPool:
      return "host_pool";
    case ComponentKind::kCompute:
      return "compute";
    case ComponentKind::kBlockStorage:
      return "block_storage";
    case ComponentKind::kObjectStorage:
      return "object_storage";
    case ComponentKind::kDatabase:
      return "database";
    case ComponentKind::kLoadBalancer:
      return "load_balancer";
    case ComponentKind::kNetwork:
      return "network";
    case ComponentKind::kMiddleware:
      return "middleware";
    case ComponentKind::kControlPlane:
      return "control_plane";
    case ComponentKind::kImageService:
      return "image_service";
    case ComponentKind::kTenantFunction:
      return "tenant_function";
    case ComponentKind::kTenant:
      return "tenant";
  }
  return "?";
}

std::span<const ComponentKind> declarable_kinds() {
  return kDeclarable;
}

std::optional<ComponentKind> parse_kind(std::string_view name) {
  for (const ComponentKind kind : kDeclarable) {
    if (kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

bool is_generic_service(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::kPowerFeed:
    case ComponentKind::kCompute:
    case ComponentKind::kBlockStorage:
    case ComponentKind::kObjectStorage:
    case ComponentKind::kLoadBalancer:
    case ComponentKind::kNetwork:
    case ComponentKind::kMiddleware:
    case ComponentKind::kImageService:
      return true;
    default:
      return false;
  }
}

}  // namespace outagesim::models
