// Inputs of unknown shape (the fuzzer's, the corpus of malformed scenarios) taken through the loader and,
// when they load, a run cut short, then checked for what must hold of every load and every run. Shared by
// fuzz/scenario_fuzz.cpp and tests/loader/corpus_test.cpp; no Catch2 in here, so the fuzzer can use it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "loader/scenario_loader.hpp"
#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "sim/time.hpp"

namespace outagesim::testing {

// Runs stop here, whatever the scenario's horizon: a loadable input then runs in milliseconds. Cutting
// the horizon keeps every invariant the loader promises (events past it are simply never reached).
inline constexpr sim::Time kShortRunHorizon = sim::Time::hours(72);
// And after this many events (random failures with a time to failure of 1 ms would dispatch a hundred
// million in 72 h), they stop at the last one's time.
inline constexpr std::uint64_t kShortRunEvents = 200'000;

// The first broken promise of a failed load: a diagnostic without a line and column (only whole-file
// problems, an empty file or an alias bomb, may lack them; one in a CSV file the scenario names has its
// place in that file), or a place outside the text. Empty when the load succeeded or every diagnostic is in
// order.
std::string misplaced_diagnostic(const loader::LoadResult& loaded);

// The first broken promise of a run: a horizon past the spec's (a budget may cut it short), a time
// outside [0, horizon], an interval that ends before it starts or overlaps the previous one, a
// temperature or cause value that is not finite. Empty when none.
std::string broken_run_promise(const models::ScenarioSpec& spec, const models::RunResult& result);

// Loads `text`; if it loads, runs it (cut to kShortRunHorizon and kShortRunEvents) at its nominal
// values and, when it has uncertain inputs, once more with replication 1's draws. Returns the first
// broken promise, prefixed with what was being done, or empty.
std::string check_load_and_short_run(std::string_view text, const std::string& file_name);

// Marks where an input's tenant table begins: everything after a line "%%table" is written to `t.jsonl`
// next to the scenario (in a folder of this process's own under the system's temporary folder), so that
// `tenant_table: t.jsonl` reaches the table reader from one fuzz input or corpus file.
inline constexpr std::string_view kTableMarker = "\n%%table\n";

// check_load_and_short_run() of an input that may carry a tenant table after kTableMarker.
std::string check_scenario_input(std::string_view input, const std::string& file_name);

}  // namespace outagesim::testing
