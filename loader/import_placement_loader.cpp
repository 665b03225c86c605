// Loads a region template's `import` key from its file (loader/import_placement.hpp), for
// `outagesim import terraform`: the template alone is not a scenario, so only its components and its
// `import` are read.
#include <fmt/format.h>
#include <yaml-cpp/exceptions.h>

#include <algorithm>

#include "loader/import_placement.hpp"
#include "loader/scenario_loader.hpp"
#include "loader/scenario_parts.hpp"
#include "loader/spelling.hpp"

namespace outagesim::loader {

std::string ImportPlacementLoad::render() const {
  const auto lines = split_lines(source);
  std::string out;
  for (const Diagnostic& d : diagnostics) out += format_diagnostic(d, lines);
  if (!diagnostics.empty())
    out += fmt::format("{} problem{} found\n", diagnostics.size(), diagnostics.size() == 1 ? "" : "s");
  return out;
}

ImportPlacementLoad load_import_placement(const std::string& path) {
  ImportPlacementLoad result;
  FileText read = read_file_text(path, kMaxScenarioBytes);
  if (!read.text) {
    result.diagnostics.push_back(Diagnostic{path, 0, 0, std::move(read.problem), std::move(read.expected)});
    return result;
  }
  result.source = std::move(*read.text);
  DiagnosticSink sink(path);
  YamlTree tree;
  try {
    tree = std::move(parse_yaml(result.source, 1).tree);
  } catch (const YAML::Exception& e) {
    sink.error_in_file(path, e.mark.line + 1, e.mark.column + 1, "YAML syntax error: " + e.msg,
                       "well-formed YAML");
    result.diagnostics = sink.take();
    return result;
  }
  const YamlNode root = tree.root();
  if (!root.is_map()) {
    sink.error_without_place("the region template is not a mapping of keys",
                             "a region template: components, import, ...");
    result.diagnostics = sink.take();
    return result;
  }
  std::vector<std::string> names;
  if (const YamlNode components = root["components"]; components.is_sequence()) {
    for (const YamlNode& item : components) {
      if (const auto name = scalar_at(item, "name")) names.push_back(*name);
    }
  }
  const YamlNode import = root["import"];
  if (!import.defined()) {
    sink.error_without_place("the region template has no `import` key",
                             "`import: {provider, region, zones, services}` saying where the provider's "
                             "resources land (docs/scenario-format.md, \"import\")");
    result.diagnostics = sink.take();
    return result;
  }
  const auto check = [&](const YamlNode& value, const std::string& what) {
    const std::string name(value.scalar());
    if (std::find(names.begin(), names.end(), name) != names.end()) return true;
    std::string message =
        fmt::format("{} names '{}', which is no component of the template", what, shown_text(name));
    if (const std::string hint = did_you_mean(name, names); !hint.empty()) message += "; " + hint;
    sink.error(value.mark(), std::move(message), "the name of a component");
    return false;
  };
  result.placement = read_import_placement(sink, import, check);
  result.diagnostics = sink.take();
  if (!result.diagnostics.empty()) result.placement.reset();
  return result;
}

}  // namespace outagesim::loader
