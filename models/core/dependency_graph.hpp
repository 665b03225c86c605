// The region as a Boost.Graph: one vertex per component, tenant function and tenant; an edge from each
// dependent to each thing it depends on. Used to reject cycles at load time (naming the cycle) and to
// order evaluation so that dependencies settle before their dependents.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <span>
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
// The edges among components only, without tenants and their functions (which no cycle can pass through).
std::vector<DependencyEdge> component_dependency_edges(const ScenarioSpec& spec);

class DependencyGraph {
 public:
  struct EdgeData {
    EdgeRole role = EdgeRole::kNeeds;
  };
  // Compressed rows: built in one pass from the edge list, with no allocation per vertex or edge (a
  // region of a million tenants has millions of edges).
  using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeData,
                                                   boost::no_property, std::uint32_t, std::uint32_t>;

  // For each vertex, the vertices that depend on it directly, sorted, each once, in one array.
  class Dependents {
   public:
    std::span<const ComponentId> of(ComponentId id) const {
      return {ids_.data() + offset_[id], ids_.data() + offset_[id + 1]};
    }
    std::uint32_t size() const { return static_cast<std::uint32_t>(offset_.size() - 1); }

   private:
    friend class DependencyGraph;
    std::vector<std::uint32_t> offset_;  // the dependents of i are ids_[offset_[i] .. offset_[i + 1])
    std::vector<ComponentId> ids_;
  };

  DependencyGraph(std::uint32_t vertex_count, const std::vector<DependencyEdge>& edges);

  // A dependency cycle as the vertices along it, the first repeated at the end (a -> b -> a); empty when
  // the graph is acyclic. Deterministic: the first cycle a depth-first search in vertex order meets.
  std::vector<ComponentId> find_cycle() const;
  // Position of each vertex in an order where dependencies come before dependents.
  // REQUIRES: find_cycle().empty().
  std::vector<std::uint32_t> ranks() const;
  Dependents dependents() const;

  const Graph& graph() const { return graph_; }

 private:
  Graph graph_;
};

}  // namespace outagesim::models
