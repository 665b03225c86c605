// A synthetic but plausible region scenario, written as scenario YAML for `outagesim generate`: zones of
// power feeds, a cooling plant, rooms and host pools; services of mixed kinds on the pools; tenants in one
// zone or spread over several; and the cooling plant of zone a failing for six hours. Model-free: it only
// writes text, which the loader then reads like any scenario.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace outagesim::cli {

// Upper limits of the shape: past them the region is no longer plausible (26 zones are the letters a..z)
// or the file no longer fits a disk comfortably.
inline constexpr int kMaxZones = 26;
inline constexpr int kMaxRoomsPerZone = 1000;
inline constexpr int kMaxPoolsPerZone = 10'000;
inline constexpr int kMaxServices = 1'000'000;
inline constexpr std::uint64_t kMaxTenants = 10'000'000;

struct RegionShape {
  int zones = 3;
  int rooms_per_zone = 2;
  int pools_per_zone = 4;  // host pools, spread over the zone's rooms in turn
  int services = 18;  // in the whole region; REQUIRES: services >= zones (each zone gets a compute service)
  std::uint64_t tenants = 100;
  std::uint64_t seed = 1;
};

// Where the tenants go: all in the YAML, or (with `table`) most in a JSON Lines tenant table that the YAML
// names as `table_name`. A table holds no strategies: the first kMaxYamlStrategyTenants tenants with a
// strategy stay in the YAML, and later ones are written as spread tenants instead. Likewise the
// components: in the YAML, or (with `component_part`) in a JSON part the YAML includes as
// `component_part_name`, which the loader reads many times faster (loader/json_document.hpp).
struct SideFiles {
  std::FILE* table = nullptr;
  std::string table_name;
  std::FILE* component_part = nullptr;
  std::string component_part_name;
};
inline constexpr std::uint64_t kMaxYamlStrategyTenants = 1000;

// Writes the scenario to `out` as it goes (a million tenants never sit in memory). The same shape gives the
// same bytes. REQUIRES: every count at least 1 and within the limits above. Returns false if a write failed.
bool write_region_scenario(const RegionShape& shape, std::FILE* out, const SideFiles& side_files = {});

}  // namespace outagesim::cli
