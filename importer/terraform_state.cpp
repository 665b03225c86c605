// Reads `terraform show -json` output into TerraformState (importer/terraform_state.hpp).
#include "importer/terraform_state.hpp"

#include <fmt/format.h>

#include "loader/json_location.hpp"

namespace outagesim::importer {

namespace {

// What is wrong with a document that is JSON but not a state: the place in it and the words.
struct StateProblem {
  std::string where;
  std::string message;
  std::string expected;
};

// Walks the module tree into a TerraformState; stops at the first problem (false), kept in problem().
class ModuleReader {
 public:
  explicit ModuleReader(TerraformState& state) : state_(state) {}

  bool read(const nlohmann::json& module, const std::string& where, const std::string& module_address,
            int depth);
  // REQUIRES: read() returned false.
  const StateProblem& problem() const { return problem_; }

 private:
  bool fail(std::string where, std::string message, std::string expected) {
    problem_ = {std::move(where), std::move(message), std::move(expected)};
    return false;
  }
  // The member `key` of an object, or nullptr after failing.
  const nlohmann::json* member(const nlohmann::json& object, const char* key, const std::string& where,
                               const char* expected) {
    const auto it = object.find(key);
    if (it == object.end()) {
      fail(where, fmt::format("no '{}'", key), expected);
      return nullptr;
    }
    return &*it;
  }
  bool string_member(const nlohmann::json& object, const char* key, const std::string& where,
                     std::string& out) {
    const nlohmann::json* value = member(object, key, where, "a string");
    if (value == nullptr) return false;
    if (!value->is_string()) return fail(where + "." + key, "not a string", "a string");
    out = value->get<std::string>();
    return true;
  }
  bool read_resource(const nlohmann::json& r, const std::string& at, const std::string& module_address);

  TerraformState& state_;
  StateProblem problem_;
};

bool ModuleReader::read_resource(const nlohmann::json& r, const std::string& at,
                                 const std::string& module_address) {
  if (!r.is_object()) return fail(at, "not an object", "a resource: {address, mode, type, ...}");
  std::string mode;
  if (!string_member(r, "mode", at, mode)) return false;
  if (mode == "data") {
    ++state_.data_sources;
    return true;
  }
  if (mode != "managed") return fail(at + ".mode", fmt::format("'{}'", mode), "managed or data");
  TerraformResource resource;
  if (!string_member(r, "address", at, resource.address) || !string_member(r, "type", at, resource.type) ||
      !string_member(r, "name", at, resource.name))
    return false;
  if (r.contains("provider_name") && !string_member(r, "provider_name", at, resource.provider_name))
    return false;
  resource.module = module_address;
  const nlohmann::json* values = member(r, "values", at, "the resource's attributes, an object");
  if (values == nullptr) return false;
  if (!values->is_object()) return fail(at + ".values", "not an object", "an object of attributes");
  resource.values = *values;
  state_.resources.push_back(std::move(resource));
  return true;
}

bool ModuleReader::read(const nlohmann::json& module, const std::string& where,
                        const std::string& module_address, int depth) {
  if (depth > 64) return fail(where, "modules nested more than 64 deep", "a shallower module tree");
  if (!module.is_object()) return fail(where, "not an object", "a module: {resources, child_modules}");
  if (const auto resources = module.find("resources"); resources != module.end()) {
    if (!resources->is_array()) return fail(where + ".resources", "not a list", "a list of resources");
    for (std::size_t i = 0; i < resources->size(); ++i) {
      if (!read_resource((*resources)[i], fmt::format("{}.resources[{}]", where, i), module_address))
        return false;
    }
  }
  if (const auto children = module.find("child_modules"); children != module.end()) {
    if (!children->is_array()) return fail(where + ".child_modules", "not a list", "a list of modules");
    for (std::size_t i = 0; i < children->size(); ++i) {
      const nlohmann::json& child = (*children)[i];
      const std::string at = fmt::format("{}.child_modules[{}]", where, i);
      if (!child.is_object()) return fail(at, "not an object", "a module: {address, resources}");
      std::string address;
      if (!string_member(child, "address", at, address) || !read(child, at, address, depth + 1)) return false;
    }
  }
  return true;
}

// The JSON Pointer of a place written as the reader names it, e.g. values.root_module.resources[2] is
// /values/root_module/resources/2 (its keys are the state's own, so none holds '.', '[', '~' or '/').
std::string pointer_of(std::string_view where) {
  if (where == "the top") return "";
  std::string pointer = "/";
  for (const char c : where) {
    if (c == '.' || c == '[') {
      pointer += '/';
    } else if (c != ']') {
      pointer += c;
    }
  }
  return pointer;
}

}  // namespace

// Values nested deeper than this are refused before anything walks them recursively (a copy, a
// mapping): a state 60,000 objects deep overflowed the stack. Terraform's own states nest a few levels.
constexpr std::size_t kMaxValueDepth = 100;

// A key as a step of a JSON Pointer (RFC 6901): '~' is "~0", '/' is "~1".
std::string pointer_step(const std::string& key) {
  std::string step;
  for (const char c : key) {
    if (c == '~') {
      step += "~0";
    } else if (c == '/') {
      step += "~1";
    } else {
      step += c;
    }
  }
  return step;
}

// The JSON Pointer of the first value of `doc` nested deeper than kMaxValueDepth, found without recursion;
// nothing when none is.
std::optional<std::string> too_deep(const nlohmann::json& doc) {
  struct Frame {
    const nlohmann::json* value;
    std::size_t parent;  // index into `frames`; the root's is its own
    std::string step;    // the key or index that leads to it from its parent
    std::size_t depth;
  };
  std::vector<Frame> frames{{&doc, 0, "", 1}};
  std::vector<std::size_t> pending{0};
  while (!pending.empty()) {
    const std::size_t at = pending.back();
    pending.pop_back();
    if (frames[at].depth > kMaxValueDepth) {
      std::string pointer;
      for (std::size_t f = at; f != 0; f = frames[f].parent) pointer.insert(0, "/" + frames[f].step);
      return pointer;
    }
    const nlohmann::json& value = *frames[at].value;
    if (value.is_object()) {
      for (const auto& [key, member] : value.items()) {
        frames.push_back({&member, at, pointer_step(key), frames[at].depth + 1});
        pending.push_back(frames.size() - 1);
      }
    } else if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        frames.push_back({&value[i], at, std::to_string(i), frames[at].depth + 1});
        pending.push_back(frames.size() - 1);
      }
    }
  }
  return std::nullopt;
}

TerraformStateRead read_terraform_state(std::string_view text, const std::string& file) {
  constexpr const char* kWhatState = "the output of `terraform show -json` (a JSON object)";
  // A byte-order mark (as some editors save JSON) is no part of the JSON; without it, places still count
  // from the first visible character.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return {std::nullopt, loader::format_diagnostic(
                              loader::json_syntax_diagnostic(file, text, e.byte, e.what(), kWhatState),
                              loader::split_lines(text))};
  } catch (const nlohmann::json::out_of_range& e) {  // a number past a double's range
    return {std::nullopt,
            loader::format_diagnostic(loader::json_number_diagnostic(file, text, e.what(), kWhatState),
                                      loader::split_lines(text))};
  }
  const auto problem = [&](const StateProblem& p) {
    return TerraformStateRead{
        std::nullopt, loader::format_diagnostic(
                          loader::json_value_diagnostic(
                              file, text, pointer_of(p.where), fmt::format("at {}: {}", p.where, p.message),
                              fmt::format("{} (as `terraform show -json` writes a state)", p.expected)),
                          loader::split_lines(text))};
  };
  if (const auto deep = too_deep(doc)) {
    return {std::nullopt,
            loader::format_diagnostic(
                loader::json_value_diagnostic(
                    file, text, *deep, fmt::format("values nested more than {} deep", kMaxValueDepth),
                    "a state as `terraform show -json` writes it, nested a few levels"),
                loader::split_lines(text))};
  }
  if (!doc.is_object()) return problem({"the top", "not an object", "a JSON object with `values`"});
  TerraformState state;
  const auto values = doc.find("values");
  // A state with no resources at all has no `values` (terraform show -json of an empty state).
  if (values == doc.end()) return {std::move(state), {}};
  if (!values->is_object()) return problem({"values", "not an object", "an object with `root_module`"});
  const auto root = values->find("root_module");
  if (root == values->end()) return problem({"values", "no 'root_module'", "the root module, an object"});
  ModuleReader reader(state);
  if (!reader.read(*root, "values.root_module", "", 0)) return problem(reader.problem());
  return {std::move(state), {}};
}

}  // namespace outagesim::importer
