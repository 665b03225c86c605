// What every result says first: which outagesim, which scenario file (and its hash), which seed. Shared
// by the reports of a run and of a comparison.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "models/scenario/scenario_spec.hpp"
#include "reports/run_metadata.hpp"

namespace outagesim::reports {

// "outagesim 0.1.0: <title>\nscenario <name> (<file>, fnv1a64 <hash>), seed <seed>".
std::string header_text(const models::ScenarioSpec& spec, const RunMetadata& meta);
// outagesim, scenario, title, file, scenario_hash, seed, start, horizon_s: the first keys of a result.
nlohmann::ordered_json header_json(const models::ScenarioSpec& spec, const RunMetadata& meta);

}  // namespace outagesim::reports
