// The one store of a region's run: every component (owned here), the flat status table, and what the
// dependency graph says about them (evaluation ranks and dependents). The builder fills it; the
// ModelContext changes statuses; reports never see it, only the journal.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "models/core/component.hpp"
#include "models/core/component_status.hpp"
#include "models/core/dependency_graph.hpp"
#include "models/core/requirement.hpp"

namespace outagesim::models {

class Region {
 public:
  // What the dependency graph says about the components, taken from it apart from them (so that a big
  // region can build its components and this side by side).
  struct Order {
    std::vector<std::uint32_t> ranks;  // DependencyGraph::ranks()
    DependencyGraph::Dependents dependents;

    static Order of(const DependencyGraph& graph) { return Order{graph.ranks(), graph.dependents()}; }
  };

  // REQUIRES: components[i]->id() == i; the graph has one vertex per component and no cycle.
  Region(std::vector<std::unique_ptr<Component>> components, const DependencyGraph& graph);
  // REQUIRES: components[i]->id() == i; `order` is Order::of() a graph with one vertex per component and no
  // cycle.
  Region(std::vector<std::unique_ptr<Component>> components, Order order);

  std::uint32_t size() const { return static_cast<std::uint32_t>(components_.size()); }
  Component& component(ComponentId id) { return *components_[id]; }
  const Component& component(ComponentId id) const { return *components_[id]; }
  // The component evaluated at `rank`: component(at_rank(rank)) without the detour through its id.
  Component& component_at_rank(std::uint32_t rank) { return *by_rank_entry_[rank].object; }

  // Hints for a wave of evaluations (no effect on results): each asks the processor to start loading one
  // level of what evaluating the component at `rank` reads, so that a caller that knows the next ranks
  // calls them a few ranks apart, each level once the one before has had time to arrive.
  // How many ranks ahead of its evaluation each level is best requested, once the level before it has
  // had time to arrive: a wave's ring (ModelContext::settle) and a run's start use the same distances.
  static constexpr std::uint32_t kEntryAhead = 16;
  static constexpr std::uint32_t kObjectAhead = 8;
  static constexpr std::uint32_t kChildrenAhead = 4;
  static constexpr std::uint32_t kStatusesAhead = 2;
  // Where the component's object and requirement are (the queued ranks of a wave are scattered, so this
  // is a miss of its own).
  void prefetch_entry(std::uint32_t rank) const { __builtin_prefetch(&by_rank_entry_[rank]); }
  // The component's object and the root of its requirement.
  void prefetch_object(std::uint32_t rank) const {
    const RankEntry& entry = by_rank_entry_[rank];
    __builtin_prefetch(entry.object);
    if (entry.input != nullptr) __builtin_prefetch(entry.input);
  }
  // The root's children, or the status of the one component it names.
  void prefetch_children(std::uint32_t rank) const;
  // The statuses of the components the root's first children name.
  void prefetch_statuses(std::uint32_t rank) const;

  std::span<const ComponentStatus> status() const { return status_; }
  ComponentStatus& mutable_status(ComponentId id) { return status_[id]; }

  // Dependencies have lower ranks than their dependents; ranks are a permutation of 0..size()-1.
  std::uint32_t rank(ComponentId id) const { return rank_[id]; }
  ComponentId at_rank(std::uint32_t rank) const { return by_rank_[rank]; }
  std::span<const ComponentId> dependents(ComponentId id) const { return dependents_.of(id); }

 private:
  std::vector<std::unique_ptr<Component>> components_;
  std::vector<ComponentStatus> status_;
  std::vector<std::uint32_t> rank_;
  std::vector<ComponentId> by_rank_;
  // By rank, side by side: one line of memory per queued rank, not two.
  struct RankEntry {
    Component* object;
    const Requirement* input;  // Component::evaluation_input()
  };
  std::vector<RankEntry> by_rank_entry_;
  DependencyGraph::Dependents dependents_;
};

}  // namespace outagesim::models
