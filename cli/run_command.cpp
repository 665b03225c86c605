// `outagesim run`: one replay of a scenario, reported as text or JSON.
#include <fmt/format.h>

#include <memory>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "cli/phase_timer.hpp"
#include "loader/scenario_loader.hpp"
#include "models/scenario/simulation.hpp"
#include "reports/run_report.hpp"

namespace outagesim::cli {

namespace {

// From this many vertices on, a run's spec and result are left to the end of the process instead of
// being freed one object at a time just before it: a million tenants take a tenth of a second to free,
// for nothing. They stay reachable, so a leak checker does not count them.
constexpr std::uint32_t kLeaveToExitFrom = 1 << 16;

template <typename T>
void leave_to_exit(T&& value) {
  static auto* const kept = new std::vector<std::shared_ptr<const void>>();
  kept->push_back(std::make_shared<const std::decay_t<T>>(std::forward<T>(value)));
}

}  // namespace

int run_command(const RunOptions& options) {
  PhaseTimer timer(options.timings);
  auto loaded = load_or_report(options.scenario, options.tenant_files);
  if (!loaded) return 1;
  if (!claim_outputs({options.output, options.samples})) return 2;
  timer.phase_done("load");
  if (options.runs) return run_replications_command(options, *loaded);
  if (options.timeline) return run_timeline_command(options, *loaded);
  const models::ScenarioSpec& spec = *loaded->spec;
  const std::uint64_t seed = options.seed.value_or(spec.seed);
  models::RunResult result = models::simulate(spec, seed);
  timer.phase_done("simulate");
  const reports::RunMetadata meta = run_metadata(*loaded, options.scenario, seed);
  bool written = false;
  if (options.format == "text") {
    written = write_output(options.output, reports::run_text(spec, result, meta));
  } else {
    OutputFile out(options.output);
    if (out.is_open()) {
      reports::JsonStream json([&out](std::string_view piece) { out.write(piece); },
                               reports::kRunJsonOneLineFrom);
      reports::write_run_json(json, spec, result, meta, {.summary = options.summary});
    }
    written = out.close();
  }
  timer.phase_done("report");
  if (spec.vertex_count() >= kLeaveToExitFrom) {
    leave_to_exit(std::move(result));
    leave_to_exit(std::move(loaded));
  }
  return written ? 0 : 2;
}

}  // namespace outagesim::cli
