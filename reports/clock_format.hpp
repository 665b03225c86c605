// Simulated time as people read it: local ISO 8601 instants, short clock times and durations.
// Only reports convert; the model never sees a clock.
#pragma once

#include <string>

#include "models/scenario/scenario_spec.hpp"
#include "sim/time.hpp"

namespace outagesim::reports {

// "2022-12-18T09:23:00+08:00": the scenario's local time with its offset.
std::string local_iso(const models::ScenarioSpec& spec, sim::Time t);
// "09:23", or "02:50+1d" on a later local day than the start's.
std::string local_clock(const models::ScenarioSpec& spec, sim::Time t);
// "15h 52m", "7m 30s", "0s"; negative durations get a leading '-'.
std::string format_duration(sim::Time d);
// The length of a span as its listed ends give it: whole seconds from the whole-second instants the
// tables and the JSON list, so an interval read here and its downtime there agree to the second.
std::string format_span(sim::Time start, sim::Time end);
// "+08:00"
std::string utc_offset_text(std::int32_t offset_s);

}  // namespace outagesim::reports
