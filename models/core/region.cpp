// Flattening the dependency graph into ranks and compressed dependent lists.
#include "models/core/region.hpp"

#include <cassert>

namespace outagesim::models {

Region::Region(std::vector<std::unique_ptr<Component>> components, const DependencyGraph& graph)
    : components_(std::move(components)), status_(components_.size()) {
  assert(boost::num_vertices(graph.graph()) == components_.size());
  for (ComponentId i = 0; i < components_.size(); ++i) assert(components_[i]->id() == i);

  rank_ = graph.ranks();
  by_rank_.resize(rank_.size());
  for (ComponentId id = 0; id < rank_.size(); ++id) by_rank_[rank_[id]] = id;

  dependents_ = graph.dependents();
}

}  // namespace outagesim::models
