// Terraform state text for the importer's tests: resources written as `terraform show -json` lists them,
// read and mapped against a region template's placement.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "importer/resource_mapping.hpp"
#include "importer/terraform_state.hpp"

namespace outagesim::testing {

// One managed resource of the root module.
inline std::string managed_resource(const std::string& type, const std::string& name,
                                    const std::string& values) {
  // Joined by appending (GCC 12 warns falsely of overlapping copies in long chains of `+`).
  std::string out = R"({"address": ")";
  out += type + "." + name;
  out += R"(", "mode": "managed", "type": ")";
  out += type;
  out += R"(", "name": ")";
  out += name;
  out += R"(", "values": )";
  out += values;
  out += "}";
  return out;
}

// A state whose root module holds `resources`, read and mapped against `placement`.
inline importer::ImportedStack map_state(const std::vector<std::string>& resources,
                                         const loader::ImportPlacement& placement) {
  std::string text = R"({"values": {"root_module": {"resources": [)";
  for (std::size_t i = 0; i < resources.size(); ++i) {
    if (i > 0) text += ", ";
    text += resources[i];
  }
  text += "]}}}";
  const auto read = importer::read_terraform_state(text, "s");
  INFO(read.error);
  REQUIRE(read.state);
  return importer::map_resources(*read.state, placement);
}

}  // namespace outagesim::testing
