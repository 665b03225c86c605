// Reads `terraform show -json` output into TerraformState (importer/terraform_state.hpp).
#include "importer/terraform_state.hpp"

#include <fmt/format.h>

namespace outagesim::importer {

TextPosition position_of(std::string_view text, std::size_t offset) {
  TextPosition at;
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      ++at.column;
    }
  }
  return at;
}

namespace {

// Thrown inside this file only, caught by read_terraform_state: the place in the document and the words.
struct StateProblem {
  std::string where;
  std::string message;
  std::string expected;
};

const nlohmann::json& member(const nlohmann::json& object, const char* key, const std::string& where,
                             const char* expected) {
  const auto it = object.find(key);
  if (it == object.end()) throw StateProblem{where, fmt::format("no '{}'", key), expected};
  return *it;
}

std::string string_member(const nlohmann::json& object, const char* key, const std::string& where) {
  const nlohmann::json& value = member(object, key, where, "a string");
  if (!value.is_string()) throw StateProblem{where + "." + key, "not a string", "a string"};
  return value.get<std::string>();
}

void read_module(const nlohmann::json& module, const std::string& where, const std::string& module_address,
                 int depth, TerraformState& state) {
  if (depth > 64) throw StateProblem{where, "modules nested more than 64 deep", "a shallower module tree"};
  if (!module.is_object()) throw StateProblem{where, "not an object", "a module: {resources, child_modules}"};
  if (const auto resources = module.find("resources"); resources != module.end()) {
    if (!resources->is_array()) throw StateProblem{where + ".resources", "not a list", "a list of resources"};
    for (std::size_t i = 0; i < resources->size(); ++i) {
      const nlohmann::json& r = (*resources)[i];
      const std::string at = fmt::format("{}.resources[{}]", where, i);
      if (!r.is_object()) throw StateProblem{at, "not an object", "a resource: {address, mode, type, ...}"};
      const std::string mode = string_member(r, "mode", at);
      if (mode == "data") {
        ++state.data_sources;
        continue;
      }
      if (mode != "managed") throw StateProblem{at + ".mode", fmt::format("'{}'", mode), "managed or data"};
      TerraformResource resource;
      resource.address = string_member(r, "address", at);
      resource.type = string_member(r, "type", at);
      resource.name = string_member(r, "name", at);
      resource.provider_name = r.contains("provider_name") ? string_member(r, "provider_name", at) : "";
      resource.module = module_address;
      const nlohmann::json& values = member(r, "values", at, "the resource's attributes, an object");
      if (!values.is_object()) throw StateProblem{at + ".values", "not an object", "an object of attributes"};
      resource.values = values;
      state.resources.push_back(std::move(resource));
    }
  }
  if (const auto children = module.find("child_modules"); children != module.end()) {
    if (!children->is_array())
      throw StateProblem{where + ".child_modules", "not a list", "a list of modules"};
    for (std::size_t i = 0; i < children->size(); ++i) {
      const nlohmann::json& child = (*children)[i];
      const std::string at = fmt::format("{}.child_modules[{}]", where, i);
      if (!child.is_object()) throw StateProblem{at, "not an object", "a module: {address, resources}"};
      read_module(child, at, string_member(child, "address", at), depth + 1, state);
    }
  }
}

}  // namespace

TerraformStateRead read_terraform_state(std::string_view text, const std::string& file) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based: the byte that could not be read.
    const TextPosition at = position_of(text, e.byte == 0 ? 0 : e.byte - 1);
    // nlohmann's message names the place too ("parse error at line 2, column 44: syntax error ..."):
    // keep only what went wrong.
    const std::string what = e.what();
    const std::size_t detail = what.find(": ", what.find("column"));
    return {
        std::nullopt,
        fmt::format("{}:{}:{}: error: this is not JSON: {}\n    expected: the output of `terraform show "
                    "-json` (a JSON object)",
                    file, at.line, at.column, detail == std::string::npos ? what : what.substr(detail + 2))};
  }
  try {
    if (!doc.is_object()) throw StateProblem{"the top", "not an object", "a JSON object with `values`"};
    TerraformState state;
    const auto values = doc.find("values");
    // A state with no resources at all has no `values` (terraform show -json of an empty state).
    if (values == doc.end()) return {std::move(state), {}};
    if (!values->is_object()) throw StateProblem{"values", "not an object", "an object with `root_module`"};
    const nlohmann::json& root = member(*values, "root_module", "values", "the root module, an object");
    read_module(root, "values.root_module", "", 0, state);
    return {std::move(state), {}};
  } catch (const StateProblem& p) {
    return {std::nullopt, fmt::format("{}: error: at {}: {}\n    expected: {} (as `terraform show -json` "
                                      "writes a state)",
                                      file, p.where, p.message, p.expected)};
  }
}

}  // namespace outagesim::importer
