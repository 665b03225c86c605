// Loading the scenario a command works on, and putting one of its strategy variants in place.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "cli/commands.hpp"
#include "cli/name_choice.hpp"
#include "models/scenario/comparison.hpp"
#include "reports/printable_text.hpp"

namespace outagesim::cli {

std::optional<loader::LoadResult> load_or_report(const std::string& path,
                                                 const std::vector<std::string>& tenant_files) {
  loader::LoadResult loaded = loader::load_scenario_file(path, tenant_files);
  guard_input(path);
  for (const auto& part : loaded.parts) guard_input(part.first);
  for (const std::string& file : tenant_files) guard_input(file);
  for (const std::string& file : loaded.read_files) guard_input(file);  // its tenant table, its CSVs
  if (loaded.ok()) {
    fmt::print(stderr, "{}", loaded.render_warnings());
    return loaded;
  }
  fmt::print(stderr, "{}", loaded.render());
  return std::nullopt;
}

reports::RunMetadata run_metadata(const loader::LoadResult& loaded, const std::string& file,
                                  std::uint64_t seed, const std::string& variant) {
  reports::RunMetadata meta{OUTAGESIM_VERSION, file, loaded.content_hash, seed, variant};
  for (const loader::Diagnostic& w : loaded.warnings) {
    meta.warnings.push_back(w.line > 0 ? fmt::format("{}:{}:{}: {}", w.file, w.line, w.column, w.message)
                                       : fmt::format("{}: {}", w.file, w.message));
  }
  return meta;
}

std::optional<models::ScenarioSpec> with_variant(const models::ScenarioSpec& spec, const std::string& variant,
                                                 std::string_view command) {
  std::vector<std::string> names;
  const models::VariantSpec* found = nullptr;
  int matches = 0;
  for (const models::VariantSpec& v : spec.variants) {
    // Two tenants may each have a variant of one name: list it once.
    if (std::find(names.begin(), names.end(), v.name) == names.end()) names.push_back(v.name);
    if (v.name == variant) {
      found = &v;
      ++matches;
    }
  }
  if (matches == 1) return models::apply_variant(spec, *found);
  if (matches > 1) {
    fmt::print(stderr,
               "outagesim {}: --variant '{}' names variants of {} tenants; rename one in the scenario\n",
               command, reports::printable(variant), matches);
    return std::nullopt;
  }
  choose_name(command, "variant", "the scenario", variant, names);  // prints the hint and the variants
  return std::nullopt;
}

}  // namespace outagesim::cli
