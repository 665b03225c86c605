// A Terraform state as `terraform show -json` writes it (values -> root_module -> resources, and
// child_modules recursively): the managed resources, in the order of the file. The input edge of
// `outagesim import terraform`; importer/resource_mapping.hpp turns them into a tenant's needs.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace outagesim::importer {

struct TerraformResource {
  std::string address;        // e.g. module.web.aws_instance.app[0]
  std::string module;         // the module's address, e.g. module.web; empty in the root module
  std::string type;           // e.g. aws_instance
  std::string name;           // e.g. app
  std::string provider_name;  // e.g. registry.terraform.io/hashicorp/aws
  nlohmann::json values;      // the resource's attributes (an object)
};

struct TerraformState {
  std::vector<TerraformResource> resources;  // managed resources only
  std::size_t data_sources = 0;              // `mode: data` resources, read and set aside
};

// The state, or the problem, as a printed diagnostic: "FILE:LINE:COL: error: this is not JSON: ..." at the
// byte the parser stopped on, or "FILE:LINE:COL: error: at values.root_module.resources[2]: ..." at the
// value that is not what a state holds; each with the line, a caret and what was expected.
struct TerraformStateRead {
  std::optional<TerraformState> state;
  std::string error;
};
TerraformStateRead read_terraform_state(std::string_view text, const std::string& file);

}  // namespace outagesim::importer
