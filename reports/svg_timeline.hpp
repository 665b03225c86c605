// The report's timeline as inline SVG: one lane per tenant function and per key component, coloured by
// state; the injected faults and operator actions as marked events; each milestone as a pair of ticks, the
// public time and the simulated one. Hover text (SVG <title>) carries the causes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::reports {

// At most this many tenant-function lanes: those with the most time out of up (ties: the first written).
// A report of a generated region with thousands of tenants stays readable, and says what it left out.
inline constexpr std::size_t kMaxFunctionLanes = 60;

// The tenant functions that get a lane, in scenario order: all of them, or the kMaxFunctionLanes with the
// most time out of up.
std::vector<models::ComponentId> function_lanes(const models::ScenarioSpec& spec,
                                                const models::RunResult& result);

// The components worth a lane, in component order: every holder, and every dependency through which a
// holder held the downtime or degradation of one of `functions` (DowntimeSegmenter), and every component
// an injected fault or a random failure took out of up.
std::vector<models::ComponentId> key_components(const models::ScenarioSpec& spec,
                                                const models::RunResult& result,
                                                const std::vector<models::ComponentId>& functions);

// The timeline. Lanes carry class="lane" and data-lane="<vertex name>" (data-kind="function" or
// "component"); state spans class="span down|degraded" (and "tenant-time" for a tenant's own recovery);
// events class="event fault|action"; milestones class="milestone-tick public|simulated" with
// data-milestone="<name>".
std::string svg_timeline(const models::ScenarioSpec& spec, const models::RunResult& result);

}  // namespace outagesim::reports
