// The header lines and keys of results.
#include "reports/result_header.hpp"

#include <fmt/format.h>

#include "reports/clock_format.hpp"
#include "reports/printable_text.hpp"

namespace outagesim::reports {

std::string header_text(const models::ScenarioSpec& spec, const RunMetadata& meta) {
  // The file's path is the user's, not the loader's: a newline or an escape in it must not forge a line or
  // reach the terminal. The title is free text.
  std::string text = fmt::format("outagesim {}: {}\nscenario {} ({}, fnv1a64 {:016x}), seed {}", meta.version,
                                 printable(spec.title), printable(spec.name), printable(meta.file),
                                 meta.scenario_hash, meta.seed);
  if (!meta.variant.empty()) text += fmt::format(", with the variant '{}' in place", printable(meta.variant));
  for (const std::string& warning : meta.warnings) text += fmt::format("\nwarning: {}", printable(warning));
  return text;
}

nlohmann::ordered_json header_json(const models::ScenarioSpec& spec, const RunMetadata& meta) {
  nlohmann::ordered_json doc;
  doc["outagesim"] = meta.version;
  doc["scenario"] = spec.name;
  doc["title"] = spec.title;
  doc["file"] = meta.file;
  doc["scenario_hash"] = fmt::format("fnv1a64:{:016x}", meta.scenario_hash);
  doc["seed"] = meta.seed;
  doc["start"] = local_iso(spec, sim::Time());
  doc["horizon_s"] = spec.horizon.floor_seconds();
  if (!meta.variant.empty()) doc["variant"] = meta.variant;
  if (!meta.warnings.empty()) doc["warnings"] = meta.warnings;
  return doc;
}

}  // namespace outagesim::reports
