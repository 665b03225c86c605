// The region's dependency graph as Graphviz DOT (`outagesim graph`): one node per component, tenant
// function and tenant, an arrow from each dependent to what it depends on, nodes filled by state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::reports {

struct GraphDotOptions {
  // Fill each node by its state at this time; none: by its worst state over the run.
  std::optional<sim::Time> at;
  // Keep only this tenant (an index into spec.tenants), its functions and all they depend on,
  // transitively; none: the whole region.
  std::optional<std::uint32_t> tenant;
};

// The graph, written by boost::write_graphviz: nodes in vertex order, edges in declaration order (each
// dependent, dependency and role once), so the same run gives the same bytes.
std::string graph_dot(const models::ScenarioSpec& spec, const models::RunResult& result,
                      const GraphDotOptions& options = {});

// `text` ready to sit between a DOT string's double quotes: quotes and backslashes escaped, control
// characters and bytes that are not UTF-8 shown as "\xNN" (a newline too: a name is one line).
std::string dot_escaped(std::string_view text);

}  // namespace outagesim::reports
