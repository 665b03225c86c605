// Tenant names to their place in the spec's tenant list, for the repeated-name check and for references
// to tenants. The table holds only indices: the names stay in the list, so a million tenants cost 5 bytes
// a slot and no copy of any name.
#pragma once

#include <absl/container/flat_hash_set.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "models/scenario/scenario_spec.hpp"

namespace outagesim::loader {

class TenantIndex {
 public:
  // Indexes entries of `tenants`, which must outlive the index. Entries may be appended (the list may
  // grow and move: the index holds places, not addresses); an indexed entry's name must not change.
  explicit TenantIndex(const std::vector<models::TenantSpec>& tenants);
  TenantIndex(const TenantIndex&) = delete;
  TenantIndex& operator=(const TenantIndex&) = delete;

  void reserve(std::size_t tenants) { set_.reserve(tenants); }
  // Indexes tenants[i] under its name; false when an earlier indexed tenant has that name, which then
  // keeps it. REQUIRES: i < tenants.size().
  bool add(std::uint32_t i) { return set_.insert(i).second; }
  // The index of the tenant named `name`, the first of its name.
  std::optional<std::uint32_t> find(std::string_view name) const;

 private:
  // Both take a tenant's index or a name; the set's own keys are indices.
  struct Hash {
    using is_transparent = void;
    const std::vector<models::TenantSpec>* tenants;
    std::size_t operator()(std::string_view name) const;
    std::size_t operator()(std::uint32_t i) const { return (*this)((*tenants)[i].name); }
  };
  struct Equal {
    using is_transparent = void;
    const std::vector<models::TenantSpec>* tenants;
    std::string_view name(std::uint32_t i) const { return (*tenants)[i].name; }
    std::string_view name(std::string_view n) const { return n; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return name(a) == name(b);
    }
  };

  absl::flat_hash_set<std::uint32_t, Hash, Equal> set_;
};

}  // namespace outagesim::loader
