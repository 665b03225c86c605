// Building the Boost graph from a spec; cycle search and topological ranks.
#include "models/core/dependency_graph.hpp"

#include <algorithm>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <cassert>
#include <iterator>

namespace outagesim::models {

std::string_view edge_role_name(EdgeRole role) {
  switch (role) {
    case EdgeRole::kNeeds:
      return "needs";
    case EdgeRole::kCooling:
      return "cooling";
    case EdgeRole::kPower:
      return "power";
    case EdgeRole::kControl:
      return "control";
    case EdgeRole::kRoom:
      return "room";
    case EdgeRole::kPrimary:
      return "primary";
    case EdgeRole::kStandby:
      return "standby";
    case EdgeRole::kProxy:
      return "proxy";
    case EdgeRole::kNode:
      return "node";
    case EdgeRole::kScaleOut:
      return "scale_out";
    case EdgeRole::kDemand:
      return "demand";
    case EdgeRole::kFunction:
      return "function";
    case EdgeRole::kStrategy:
      return "strategy";
  }
  return "?";
}

namespace {

// `leaves` is scratch, reused from call to call: a million tenants' functions would otherwise each
// allocate and free a list of their own.
void add_requirement(std::vector<DependencyEdge>& edges, std::vector<ComponentId>& leaves, ComponentId from,
                     const Requirement& r, EdgeRole role) {
  leaves.clear();
  r.collect_components(leaves);
  for (const ComponentId to : leaves) edges.push_back({from, to, role});
}

struct ComponentEdges {
  std::vector<DependencyEdge>& edges;
  std::vector<ComponentId>& leaves;
  ComponentId self;

  void add_requirement(const Requirement& r, EdgeRole role) const {
    models::add_requirement(edges, leaves, self, r, role);
  }

  void operator()(const CoolingPlantParams& p) const {
    add_requirement(p.power, EdgeRole::kPower);
    add_requirement(p.control, EdgeRole::kControl);
  }
  void operator()(const RoomParams& p) const {
    edges.push_back({self, p.cooling_plant, EdgeRole::kCooling});
    add_requirement(p.power, EdgeRole::kPower);
    add_requirement(p.ups, EdgeRole::kPower);
  }
  void operator()(const HostPoolParams& p) const { edges.push_back({self, p.room, EdgeRole::kRoom}); }
  void operator()(const ServiceParams& p) const { add_requirement(p.needs, EdgeRole::kNeeds); }
  void operator()(const DatabaseParams& p) const {
    add_requirement(p.primary, EdgeRole::kPrimary);
    if (p.standby) add_requirement(*p.standby, EdgeRole::kStandby);
    if (p.proxy != kNoComponent) edges.push_back({self, p.proxy, EdgeRole::kProxy});
  }
  void operator()(const ControlPlaneParams& p) const {
    for (const auto& node : p.nodes) add_requirement(node.needs, EdgeRole::kNode);
    if (p.scale_out) add_requirement(p.scale_out->needs, EdgeRole::kScaleOut);
    for (const auto& d : p.demand) edges.push_back({self, d.when_down, EdgeRole::kDemand});
  }
};

}  // namespace

std::vector<DependencyEdge> component_dependency_edges(const ScenarioSpec& spec) {
  std::vector<DependencyEdge> edges;
  std::vector<ComponentId> leaves;
  for (ComponentId id = 0; id < spec.components.size(); ++id) {
    std::visit(ComponentEdges{edges, leaves, id}, spec.components[id].params);
  }
  return edges;
}

std::vector<DependencyEdge> dependency_edges(const ScenarioSpec& spec) {
  std::vector<DependencyEdge> edges = component_dependency_edges(spec);
  // Room for the tenants' edges at once, near enough (a function's needs, one strategy edge, its
  // tenant's edge to it), rather than by doublings, each a copy into memory touched for the first time.
  std::size_t tenant_edges = 0;
  for (const TenantSpec& t : spec.tenants) {
    for (const TenantFunctionSpec& f : t.functions) tenant_edges += f.needs.children.size() + 3;
  }
  edges.reserve(edges.size() + tenant_edges);
  std::vector<ComponentId> leaves;
  for (const TenantSpec& t : spec.tenants) {
    for (const TenantFunctionSpec& f : t.functions) {
      add_requirement(edges, leaves, f.id, f.needs, EdgeRole::kNeeds);
      leaves.clear();
      collect_strategy_components(f.strategy.get(), leaves);
      for (const ComponentId to : leaves) edges.push_back({f.id, to, EdgeRole::kStrategy});
    }
    for (const TenantFunctionSpec& f : t.functions) edges.push_back({t.id, f.id, EdgeRole::kFunction});
  }
  return edges;
}

namespace {

DependencyGraph::Graph make_graph(std::uint32_t vertex_count, const std::vector<DependencyEdge>& edges) {
  // Read from the edge list as it is, through views, instead of copied into lists of ends and roles.
  const auto ends = [vertex_count](const DependencyEdge& e) {
    assert(e.dependent < vertex_count && e.dependency < vertex_count);
    (void)vertex_count;
    return std::pair<std::uint32_t, std::uint32_t>(e.dependent, e.dependency);
  };
  const auto data = [](const DependencyEdge& e) { return DependencyGraph::EdgeData{e.role}; };
  // Keeps each vertex's edges in the order given, as the searches below rely on for their answers.
  return DependencyGraph::Graph(boost::edges_are_unsorted_multi_pass,
                                boost::make_transform_iterator(edges.begin(), ends),
                                boost::make_transform_iterator(edges.end(), ends),
                                boost::make_transform_iterator(edges.begin(), data), vertex_count);
}

}  // namespace

DependencyGraph::DependencyGraph(std::uint32_t vertex_count, const std::vector<DependencyEdge>& edges)
    : graph_(make_graph(vertex_count, edges)) {}

namespace {

// Records the depth-first tree and keeps the first back edge it meets, which closes a cycle; later
// back edges are ignored (the search itself runs to the end: Boost's visitor cannot stop it cleanly).
class CycleFinder : public boost::default_dfs_visitor {
 public:
  CycleFinder(std::vector<ComponentId>& parent, std::vector<ComponentId>& cycle)
      : parent_(parent), cycle_(cycle) {}

  template <class Edge, class Graph>
  void tree_edge(Edge e, const Graph& g) {
    parent_[boost::target(e, g)] = static_cast<ComponentId>(boost::source(e, g));
  }

  template <class Edge, class Graph>
  void back_edge(Edge e, const Graph& g) {
    if (!cycle_.empty()) return;
    const auto from = static_cast<ComponentId>(boost::source(e, g));
    const auto to = static_cast<ComponentId>(boost::target(e, g));
    // The tree path to -> ... -> from, then the back edge from -> to.
    std::vector<ComponentId> path{from};
    for (ComponentId v = from; v != to; v = parent_[v]) path.push_back(parent_[v]);
    std::reverse(path.begin(), path.end());
    path.push_back(to);
    cycle_ = std::move(path);
  }

 private:
  std::vector<ComponentId>& parent_;
  std::vector<ComponentId>& cycle_;
};

}  // namespace

std::vector<ComponentId> DependencyGraph::find_cycle() const {
  const auto n = boost::num_vertices(graph_);
  std::vector<ComponentId> parent(n, kNoComponent);
  std::vector<ComponentId> cycle;
  std::vector<boost::default_color_type> colors(n);
  boost::depth_first_search(graph_, boost::visitor(CycleFinder(parent, cycle))
                                        .color_map(boost::make_iterator_property_map(
                                            colors.begin(), boost::get(boost::vertex_index, graph_))));
  return cycle;
}

std::vector<std::uint32_t> DependencyGraph::ranks() const {
  std::vector<Graph::vertex_descriptor> order;
  order.reserve(boost::num_vertices(graph_));
  // For an edge dependent -> dependency, topological_sort emits the dependency first.
  boost::topological_sort(graph_, std::back_inserter(order));
  std::vector<std::uint32_t> rank(order.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  return rank;
}

DependencyGraph::Dependents DependencyGraph::dependents() const {
  const std::uint32_t n = boost::num_vertices(graph_);
  Dependents out;
  // Count, place, then drop repeats: sources are visited in increasing order, so each row comes out
  // sorted and a repeated dependent lands next to itself.
  std::vector<std::uint32_t> count(n + 1, 0);
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) ++count[boost::target(*it, graph_) + 1];
  for (std::uint32_t v = 0; v < n; ++v) count[v + 1] += count[v];
  std::vector<ComponentId> placed(count[n]);
  std::vector<std::uint32_t> next(count.begin(), count.end() - 1);
  for (std::uint32_t v = 0; v < n; ++v) {
    for (auto [it, end] = boost::out_edges(v, graph_); it != end; ++it)
      placed[next[boost::target(*it, graph_)]++] = v;
  }
  out.offset_.reserve(n + 1);
  out.offset_.push_back(0);
  out.ids_.reserve(placed.size());
  for (std::uint32_t v = 0; v < n; ++v) {
    const auto row_start = static_cast<std::uint32_t>(out.ids_.size());
    for (std::uint32_t i = count[v]; i < count[v + 1]; ++i) {
      if (out.ids_.size() == row_start || out.ids_.back() != placed[i]) out.ids_.push_back(placed[i]);
    }
    out.offset_.push_back(static_cast<std::uint32_t>(out.ids_.size()));
  }
  return out;
}

}  // namespace outagesim::models
