// Load-and-run checks for inputs of unknown shape; see short_run.hpp.
#include "tests/support/short_run.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "models/scenario/simulation.hpp"

namespace outagesim::testing {

namespace {

int line_count(std::string_view text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
}

bool whole_file_problem(const loader::Diagnostic& d) {
  return d.message.starts_with("the scenario is empty") || d.message.starts_with("YAML aliases");
}

std::string run_and_check(const models::ScenarioSpec& spec, bool draw) {
  models::RecordOptions record;
  record.max_events = kShortRunEvents;
  const models::RunResult result = draw ? models::simulate_replication(spec, spec.seed, 1, nullptr, record)
                                        : models::simulate(spec, spec.seed, 0, record);
  std::string problem = broken_run_promise(spec, result);
  if (!problem.empty()) problem = (draw ? "replication 1: " : "nominal run: ") + problem;
  return problem;
}

}  // namespace

std::string misplaced_diagnostic(const loader::LoadResult& loaded) {
  if (loaded.ok()) return {};
  if (loaded.diagnostics.empty()) return "the load failed without a diagnostic";
  const int lines = line_count(loaded.source);
  for (const loader::Diagnostic& d : loaded.diagnostics) {
    if (d.file != loaded.file) {
      // A problem in a file the scenario names (a CSV of samples): its place is in that file.
      if (d.line < 1 || d.column < 1)
        return "a diagnostic in '" + d.file + "' without its place: " + d.message;
      continue;
    }
    if (d.line == 0) {
      if (!whole_file_problem(d)) return "a diagnostic without line and column: " + d.message;
      continue;
    }
    if (d.line < 0 || d.line > lines || d.column < 1)
      return "a diagnostic at " + std::to_string(d.line) + ":" + std::to_string(d.column) + " of a " +
             std::to_string(lines) + "-line text: " + d.message;
  }
  return {};
}

std::string broken_run_promise(const models::ScenarioSpec& spec, const models::RunResult& result) {
  const sim::Time horizon = result.horizon;
  const auto outside = [&](sim::Time t) { return t < sim::Time() || t > horizon; };
  if (horizon < sim::Time() || horizon > spec.horizon) return "the result's horizon is past the spec's";
  for (const models::StateChange& change : result.journal) {
    if (outside(change.time)) return "a state change at " + std::to_string(change.time.count_ms()) + " ms";
    if (!std::isfinite(change.cause.value)) return "a cause value that is not finite";
  }
  if (result.intervals.size() != spec.vertex_count()) return "intervals not one list per vertex";
  for (models::ComponentId v = 0; v < result.intervals.size(); ++v) {
    sim::Time previous_end;
    for (const models::Interval& i : result.intervals[v]) {
      if (outside(i.start) || outside(i.end) || i.end < i.start)
        return "an interval [" + std::to_string(i.start.count_ms()) + ", " +
               std::to_string(i.end.count_ms()) + "] ms";
      if (i.start < previous_end) return "overlapping intervals of one vertex";
      previous_end = i.end;
    }
  }
  for (const models::RoomTrace& room : result.rooms) {
    if (!std::isfinite(room.peak_c)) return "a room's peak temperature is not finite";
    if (outside(room.peak_at)) return "a room's peak time is outside the horizon";
    for (const models::TemperatureSample& s : room.samples) {
      if (!std::isfinite(s.c)) return "a room temperature sample is not finite";
      if (outside(s.at)) return "a temperature sample outside the horizon";
    }
    for (const models::ThresholdCrossing& c : room.crossings) {
      if (outside(c.at)) return "a threshold crossing outside the horizon";
    }
  }
  return {};
}

std::string check_load_and_short_run(std::string_view text, const std::string& file_name) {
  loader::LoadResult loaded = loader::load_scenario_text(text, file_name);
  if (!loaded.ok()) {
    std::string problem = misplaced_diagnostic(loaded);
    return problem.empty() ? problem : "load: " + problem;
  }
  models::ScenarioSpec spec = std::move(*loaded.spec);
  spec.horizon = std::min(spec.horizon, kShortRunHorizon);
  std::string problem = run_and_check(spec, false);
  if (problem.empty() && !spec.inputs.empty()) problem = run_and_check(spec, true);
  return problem;
}

std::string check_scenario_input(std::string_view input, const std::string& file_name) {
  const std::size_t at = input.find(kTableMarker);
  if (at == std::string_view::npos) return check_load_and_short_run(input, file_name);
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("outagesim-check-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  {
    std::ofstream table(folder / "t.jsonl", std::ios::binary | std::ios::trunc);
    const std::string_view rows = input.substr(at + kTableMarker.size());
    table.write(rows.data(), static_cast<std::streamsize>(rows.size()));
  }
  return check_load_and_short_run(input.substr(0, at + 1), (folder / file_name).string());
}

}  // namespace outagesim::testing
