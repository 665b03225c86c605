// `outagesim run S --timeline`: the run drawn for a terminal, one line per tenant function and one
// character per stretch of time, with a time axis and a legend.
#pragma once

#include <cstddef>
#include <string>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::reports {

struct TimelineOptions {
  std::size_t width = 100;  // columns every line fits in; at least kMinTimelineWidth
  bool ascii = false;       // '#', '~', '.' instead of '█', '▒', '·'
};
inline constexpr std::size_t kMinTimelineWidth = 40;

// Names are cut to fit a third of the width and passed through printable(); each column shows the worst
// state of the function within its stretch, so an outage shorter than a column still shows.
std::string terminal_timeline(const models::ScenarioSpec& spec, const models::RunResult& result,
                              const TimelineOptions& options = {});

}  // namespace outagesim::reports
