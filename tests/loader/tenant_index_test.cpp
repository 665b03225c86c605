#include "loader/tenant_index.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using outagesim::loader::TenantIndex;
using outagesim::models::TenantSpec;

namespace {

TenantSpec named(std::string name) {
  TenantSpec t;
  t.name = std::move(name);
  return t;
}

}  // namespace

TEST_CASE("a tenant index finds each tenant by its name and the first of a repeated name") {
  std::vector<TenantSpec> tenants;
  TenantIndex index(tenants);
  tenants.push_back(named("exchange"));
  CHECK(index.add(0));
  tenants.push_back(named("a-name-too-long-for-the-small-string-buffer"));
  CHECK(index.add(1));
  tenants.push_back(named("exchange"));
  CHECK_FALSE(index.add(2));  // repeated: the first keeps the name
  CHECK(index.find("exchange") == 0u);
  CHECK(index.find(std::string("a-name-too-long-for-the-small-string-buffer")) == 1u);
  CHECK_FALSE(index.find("exchang").has_value());
  CHECK_FALSE(index.find("").has_value());
}

TEST_CASE("a tenant index holds places not names so the list may grow and move") {
  std::vector<TenantSpec> tenants;
  TenantIndex index(tenants);
  constexpr std::uint32_t kTenants = 5000;  // many reallocations of the list, and rehashes of the index
  for (std::uint32_t i = 0; i < kTenants; ++i) {
    tenants.push_back(named("tenant-" + std::to_string(i)));
    REQUIRE(index.add(i));
  }
  for (std::uint32_t i = 0; i < kTenants; i += 499) CHECK(index.find("tenant-" + std::to_string(i)) == i);
  CHECK_FALSE(index.find("tenant-" + std::to_string(kTenants)).has_value());
}
