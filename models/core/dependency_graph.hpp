// The region as a Boost.Graph: one vertex per component, tenant function and tenant; an edge from each
// dependent to each thing it depends on. Used to reject cycles at load time (naming the cycle) and to
// order evaluation so that dependencies settle before their dependents.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <vector>

#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

// What the dependency is for; reports and graph drawings label edges with it.
enum class EdgeRole : std::uint8_t {
  kNeeds,     // a service's or function's requirement
  kCooling,   // room <- cooling plant
  kPower,     // room or cooling plant <- power feed
  kControl,   // cooling plant <- control system
  kRoom,      // host pool <- its room
  kPrimary,   // database <- primary site
  kStandby,   // database <- standby site
  kProxy,     // database <- its proxy
  kNode,      // control plane <- a node group
  kScaleOut,  // control plane <- what new capacity needs
  kDemand,    // control plane <- a component whose outage loads it
  kFunction,  // tenant <- one of its functions
  kStrategy,  // tenant function <- what its recovery strategy uses
};

std::string_view edge_role_name(EdgeRole role);

struct DependencyEdge {
  ComponentId dependent = kNoComponent;
  ComponentId dependency = kNoComponent;
  EdgeRole role = EdgeRole::kNeeds;
};

// Every dependency edge the scenario declares, in declaration order (duplicates kept: one per mention).
std::vector<DependencyEdge> dependency_edges(const ScenarioSpec& spec);

class DependencyGraph {
 public:
  struct EdgeData {
    EdgeRole role = EdgeRole::kNeeds;
  };
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, EdgeData>;

  DependencyGraph(std::uint32_t vertex_count, const std::vector<DependencyEdge>& edges);

  // A dependency cycle as the vertices along it, the first repeated at the end (a -> b -> a); empty when
  // the graph is acyclic. Deterministic: the first cycle a depth-first search in vertex order meets.
  std::vector<ComponentId> find_cycle() const;
  // Position of each vertex in an order where dependencies come before dependents.
  // REQUIRES: find_cycle().empty().
  std::vector<std::uint32_t> ranks() const;
  // For each vertex, the vertices that depend on it directly, sorted, each once.
  std::vector<std::vector<ComponentId>> dependents() const;

  const Graph& graph() const { return graph_; }

 private:
  Graph graph_;
};

}  // namespace outagesim::models
