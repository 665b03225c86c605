// Flattening the dependency graph into ranks and compressed dependent lists.
#include "models/core/region.hpp"

#include <cassert>

namespace outagesim::models {

Region::Region(std::vector<std::unique_ptr<Component>> components, const DependencyGraph& graph)
    : Region(std::move(components), Order::of(graph)) {
  assert(boost::num_vertices(graph.graph()) == components_.size());
}

Region::Region(std::vector<std::unique_ptr<Component>> components, Order order)
    : components_(std::move(components)),
      status_(components_.size()),
      rank_(std::move(order.ranks)),
      dependents_(std::move(order.dependents)) {
  assert(rank_.size() == components_.size() && dependents_.size() == components_.size());
  for (ComponentId i = 0; i < components_.size(); ++i) assert(components_[i]->id() == i);
  by_rank_.resize(rank_.size());
  for (ComponentId id = 0; id < rank_.size(); ++id) by_rank_[rank_[id]] = id;
}

}  // namespace outagesim::models
