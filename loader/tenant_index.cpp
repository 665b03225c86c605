// Tenant names found through an index-only hash table.
#include "loader/tenant_index.hpp"

#include <absl/hash/hash.h>

namespace outagesim::loader {

TenantIndex::TenantIndex(const std::vector<models::TenantSpec>& tenants)
    : set_(0, Hash{&tenants}, Equal{&tenants}) {}

std::size_t TenantIndex::Hash::operator()(std::string_view name) const {
  return absl::Hash<std::string_view>{}(name);
}

std::optional<std::uint32_t> TenantIndex::find(std::string_view name) const {
  const auto it = set_.find(name);
  if (it == set_.end()) return std::nullopt;
  return *it;
}

}  // namespace outagesim::loader
