// The region template's `import` key: how a provider's zones and resource types land on the template's
// components, for `outagesim import terraform` (importer/). The simulation never reads it; the loader
// checks it like every other key (docs/scenario-format.md, "import").
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loader/diagnostic.hpp"
#include "loader/yaml_map.hpp"

namespace outagesim::loader {

// Where a service's component stands, besides a template zone: the whole region (zone-redundant
// storage), the region's locally redundant storage, another region (a cross-region replica).
inline constexpr std::string_view kRegionalPlace = "regional";
inline constexpr std::string_view kLocalPlace = "local";
inline constexpr std::string_view kElsewherePlace = "elsewhere";

struct ImportPlacement {
  std::string provider;                      // alicloud | aws
  std::string region;                        // the provider's region id, e.g. cn-hongkong
  std::map<std::string, std::string> zones;  // provider zone id -> the template's zone
  // service -> place -> component. Services: compute, database, database_ha (by the primary's zone),
  // object_storage, load_balancer, cache. A place is a template zone or one of the k*Place words.
  std::map<std::string, std::map<std::string, std::string>> services;

  // The component of `service` at `place`, or nullptr when the template names none.
  const std::string* component(std::string_view service, std::string_view place) const;
};

// The providers and services the key knows.
inline constexpr std::string_view kImportProviders[] = {"alicloud", "aws"};
inline constexpr std::string_view kImportServices[] = {"compute",        "database",      "database_ha",
                                                       "object_storage", "load_balancer", "cache"};

// Reads `import` (a mapping); problems go to the sink at file:line:column. `check_component` reports a
// value that names no component of the template (and returns false).
using ComponentCheck = std::function<bool(const YamlNode& value, const std::string& what)>;
std::optional<ImportPlacement> read_import_placement(DiagnosticSink& sink, const YamlNode& node,
                                                     const ComponentCheck& check_component);

}  // namespace outagesim::loader

namespace outagesim::loader {

// The `import` key of the region template at `path` (one file, its own `components` only: a template
// made of parts is read by its file that holds both), or every problem found.
struct ImportPlacementLoad {
  std::optional<ImportPlacement> placement;  // set only when there are no diagnostics
  std::vector<Diagnostic> diagnostics;
  std::string source;  // the file's text, for rendering diagnostics
  // Every diagnostic rendered with its source line and caret.
  std::string render() const;
};
ImportPlacementLoad load_import_placement(const std::string& path);

}  // namespace outagesim::loader
