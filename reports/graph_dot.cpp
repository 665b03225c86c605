// A filtered copy of the dependency graph as a Boost adjacency list, handed to boost::write_graphviz
// with writers for node, edge and graph attributes.
#include "reports/graph_dot.hpp"

#include <fmt/format.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "models/core/dependency_graph.hpp"
#include "models/results/vertex_state.hpp"
#include "reports/clock_format.hpp"
#include "reports/printable_text.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;

namespace {

struct NodeData {
  std::string name;
  m::ComponentKind kind = m::ComponentKind::kCompute;
  m::State state = m::State::kUp;
};
struct EdgeData {
  m::EdgeRole role = m::EdgeRole::kNeeds;
  std::string choice;  // "1 of 2", "2 of 3": the edge is one of alternatives; empty when needed outright
};
// Bidirectional: its edge list keeps insertion order (and GCC 12 sees no uninitialised optional in it).
using DotGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeData, EdgeData>;

std::string_view fill_colour(m::State state) {
  switch (state) {
    case m::State::kUp:
      return "#c8e6c9";
    case m::State::kDegraded:
      return "#ffe082";
    case m::State::kDown:
      return "#ef9a9a";
  }
  return "white";
}

std::string_view shape(m::ComponentKind kind) {
  switch (kind) {
    case m::ComponentKind::kTenant:
      return "house";
    case m::ComponentKind::kTenantFunction:
      return "note";
    case m::ComponentKind::kCoolingPlant:
    case m::ComponentKind::kRoom:
    case m::ComponentKind::kPowerFeed:
    case m::ComponentKind::kHostPool:
      return "box3d";
    default:
      return "box";
  }
}

// Every vertex's display name, in one pass (vertex_name() searches the tenants for each one).
std::vector<std::string> vertex_names(const m::ScenarioSpec& spec) {
  std::vector<std::string> names(spec.vertex_count());
  for (m::ComponentId c = 0; c < spec.components.size(); ++c) names[c] = spec.components[c].name;
  for (const m::TenantSpec& t : spec.tenants) {
    names[t.id] = t.name;
    for (const m::TenantFunctionSpec& f : t.functions) names[f.id] = t.name + "/" + f.name;
  }
  return names;
}

// Which vertices to draw: all, or those the tenant reaches along dependency edges.
std::vector<bool> kept_vertices(const m::ScenarioSpec& spec, const std::vector<m::DependencyEdge>& edges,
                                std::optional<std::uint32_t> tenant) {
  std::vector<bool> kept(spec.vertex_count(), !tenant);
  if (!tenant) return kept;
  std::vector<std::vector<m::ComponentId>> depends_on(spec.vertex_count());
  for (const m::DependencyEdge& e : edges) depends_on[e.dependent].push_back(e.dependency);
  std::vector<m::ComponentId> stack{spec.tenants[*tenant].id};
  kept[stack.back()] = true;
  while (!stack.empty()) {
    const m::ComponentId v = stack.back();
    stack.pop_back();
    for (const m::ComponentId next : depends_on[v]) {
      if (kept[next]) continue;
      kept[next] = true;
      stack.push_back(next);
    }
  }
  return kept;
}

// For the leaves of `r` that are members of an any-of or a k-of-n, "k of n" (the innermost such group),
// keyed by (dependent, leaf, role); the first mention wins.
using Choices = std::map<std::tuple<m::ComponentId, m::ComponentId, m::EdgeRole>, std::string>;
void add_choices(Choices& out, m::ComponentId dependent, m::EdgeRole role, const m::Requirement& r,
                 const std::string& group) {
  if (r.mode == m::Requirement::Mode::kComponent) {
    if (!group.empty()) out.try_emplace({dependent, r.component, role}, group);
    return;
  }
  std::string inner = group;
  if (r.mode == m::Requirement::Mode::kAnyOf) inner = fmt::format("1 of {}", r.children.size());
  if (r.mode == m::Requirement::Mode::kKOfN) inner = fmt::format("{} of {}", r.k, r.children.size());
  if (r.mode == m::Requirement::Mode::kPooled) inner = fmt::format("pooled, {}", r.children.size());
  for (const m::Requirement& child : r.children) add_choices(out, dependent, role, child, inner);
}

Choices choices(const m::ScenarioSpec& spec) {
  Choices out;
  for (m::ComponentId c = 0; c < spec.components.size(); ++c) {
    const m::ComponentParams& params = spec.components[c].params;
    if (const auto* service = std::get_if<m::ServiceParams>(&params)) {
      add_choices(out, c, m::EdgeRole::kNeeds, service->needs, {});
    } else if (const auto* db = std::get_if<m::DatabaseParams>(&params)) {
      add_choices(out, c, m::EdgeRole::kPrimary, db->primary, {});
      if (db->standby) add_choices(out, c, m::EdgeRole::kStandby, *db->standby, {});
    }
  }
  for (const m::TenantSpec& t : spec.tenants) {
    for (const m::TenantFunctionSpec& f : t.functions)
      add_choices(out, f.id, m::EdgeRole::kNeeds, f.needs, {});
  }
  return out;
}

}  // namespace

std::string dot_escaped(std::string_view text) {
  std::string out;
  for (const char ch : printable(text)) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

std::string graph_dot(const m::ScenarioSpec& spec, const m::RunResult& result,
                      const GraphDotOptions& options) {
  const std::vector<m::DependencyEdge> edges = m::dependency_edges(spec);
  const std::vector<bool> kept = kept_vertices(spec, edges, options.tenant);
  const std::vector<std::string> names = vertex_names(spec);

  DotGraph graph;
  std::vector<DotGraph::vertex_descriptor> node_of(spec.vertex_count(), DotGraph::null_vertex());
  for (m::ComponentId v = 0; v < spec.vertex_count(); ++v) {
    if (!kept[v]) continue;
    const m::State state = options.at ? m::state_at(result, v, *options.at) : m::worst_state(result, v);
    node_of[v] = boost::add_vertex(NodeData{names[v], m::vertex_kind(spec, v), state}, graph);
  }
  const Choices alternatives = choices(spec);
  std::set<std::tuple<m::ComponentId, m::ComponentId, m::EdgeRole>> drawn;
  for (const m::DependencyEdge& e : edges) {
    if (!kept[e.dependent] || !kept[e.dependency]) continue;
    if (!drawn.emplace(e.dependent, e.dependency, e.role).second) continue;
    const auto found = alternatives.find({e.dependent, e.dependency, e.role});
    boost::add_edge(node_of[e.dependent], node_of[e.dependency],
                    EdgeData{e.role, found != alternatives.end() ? found->second : std::string()}, graph);
  }

  const auto node_writer = [&graph](std::ostream& out, DotGraph::vertex_descriptor v) {
    const NodeData& n = graph[v];
    out << fmt::format(R"([label="{}\n{}", shape={}, fillcolor="{}", tooltip="{}: {}"])", dot_escaped(n.name),
                       m::kind_name(n.kind), shape(n.kind), fill_colour(n.state), dot_escaped(n.name),
                       m::state_name(n.state));
  };
  const auto edge_writer = [&graph](std::ostream& out, DotGraph::edge_descriptor e) {
    const m::EdgeRole role = graph[e].role;
    const std::string& choice = graph[e].choice;
    // "needs" and "function" are what an arrow means anyway; the other roles say what it is for. One of
    // alternatives says how many of them are needed, and is drawn dotted.
    if ((role == m::EdgeRole::kNeeds || role == m::EdgeRole::kFunction) && choice.empty()) return;
    std::string label = role == m::EdgeRole::kNeeds || role == m::EdgeRole::kFunction
                            ? std::string()
                            : std::string(m::edge_role_name(role));
    if (!choice.empty()) label += (label.empty() ? "" : ", ") + choice;
    const bool dashed = role == m::EdgeRole::kStandby || role == m::EdgeRole::kStrategy ||
                        role == m::EdgeRole::kDemand || role == m::EdgeRole::kScaleOut;
    out << fmt::format(R"([label="{}"{}])", label,
                       !choice.empty() ? ", style=dotted"
                       : dashed        ? ", style=dashed"
                                       : "");
  };
  std::string title = spec.name;
  if (options.tenant) title += ", what " + spec.tenants[*options.tenant].name + " depends on";
  title += options.at ? ": state at " + local_clock(spec, *options.at) : ": worst state over the run";
  title += " (green up, amber degraded, red down)";
  const auto graph_writer = [&title](std::ostream& out) {
    out << "rankdir=LR;\n";
    out << "labelloc=t;\n";
    out << "fontname=\"Helvetica\";\n";
    out << "label=\"" << dot_escaped(title) << "\";\n";
    out << "node [style=filled, fontname=\"Helvetica\"];\n";
    out << "edge [fontname=\"Helvetica\", fontsize=10];\n";
  };

  std::ostringstream out;
  boost::write_graphviz(out, graph, node_writer, edge_writer, graph_writer);
  return out.str();
}

}  // namespace outagesim::reports
