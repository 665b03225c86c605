// An ImportedStack written as a tenant part (docs/scenario-format.md, "include"): one tenant whose
// functions need the components their resources run on, the unplaced resources listed in a comment, and
// any other-region components the replicas need.
#pragma once

#include <string>

#include "importer/resource_mapping.hpp"

namespace outagesim::importer {

struct TenantPartSource {
  std::string tenant;         // the tenant's name
  std::string state_file;     // where the state came from, for the header comment
  std::string template_file;  // the region template
  std::string provider;
  std::string region;
};

// REQUIRES: stack.mapped is not empty (a tenant needs at least one function).
// Functions appear in the order their first resource does in the state; within one, a need shared by
// several resources is written once, its comment naming them all.
std::string tenant_part_yaml(const ImportedStack& stack, const TenantPartSource& source);

}  // namespace outagesim::importer
