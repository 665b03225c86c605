// Reports of one run: a text report for people (tenants, their down intervals with causes, components,
// milestones) and a JSON document for programs (its fields are listed in docs/results-json.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "reports/json_stream.hpp"
#include "reports/run_metadata.hpp"

namespace outagesim::reports {

std::string run_text(const models::ScenarioSpec& spec, const models::RunResult& result,
                     const RunMetadata& meta);
struct RunJsonOptions {
  // Per tenant its totals and down intervals with their causes in words, per function its totals; no
  // journal references and no "changes" table. For very many tenants.
  bool summary = false;
  // From this many tenants on, blocks of `tenant_block` tenants are written on two threads (the bytes do
  // not change). Settable for tests, which compare the two ways on small scenarios.
  std::size_t parallel_tenants_from = 32768;
  std::size_t tenant_block = 8192;
};

// The run document's layout: its top-level members one per line as dump(2) would, and each record (an
// element of its top-level lists: a tenant, a change, a component, a milestone) on one line of its own,
// compact as nlohmann's dump(). A million tenants' report is a third smaller, and grep finds a tenant's
// whole record; any JSON reader sees the same document.
constexpr std::size_t kRunJsonOneLineFrom = 3;

// Writes the JSON result as it goes: memory holds one tenant's part at a time, not the document. `out`
// is laid out one line per record when made with kRunJsonOneLineFrom.
void write_run_json(JsonStream& out, const models::ScenarioSpec& spec, const models::RunResult& result,
                    const RunMetadata& meta, const RunJsonOptions& options = {});
// The same document as a tree, for tests and small runs.
nlohmann::ordered_json run_json(const models::ScenarioSpec& spec, const models::RunResult& result,
                                const RunMetadata& meta, const RunJsonOptions& options = {});

}  // namespace outagesim::reports
