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

// The state, or the problem: "FILE:LINE:COL: error: ..." for text that is not JSON, "FILE: error: at
// values.root_module.resources[2]: ..." for JSON that is not a state, each with what was expected.
struct TerraformStateRead {
  std::optional<TerraformState> state;
  std::string error;
};
TerraformStateRead read_terraform_state(std::string_view text, const std::string& file);

// 1-based line and column (in bytes) of the byte at `offset` of `text` (nlohmann counts bytes read).
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};
TextPosition position_of(std::string_view text, std::size_t offset);

}  // namespace outagesim::importer
