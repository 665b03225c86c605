// Flattening the dependency graph into ranks and compressed dependent lists.
#include "models/core/region.hpp"

#include <algorithm>
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
  by_rank_entry_.resize(rank_.size());
  for (std::uint32_t rank = 0; rank < by_rank_.size(); ++rank) {
    Component* object = components_[by_rank_[rank]].get();
    by_rank_entry_[rank] = RankEntry{object, object->evaluation_input()};
  }
}

void Region::prefetch_children(std::uint32_t rank) const {
  const Requirement* r = by_rank_entry_[rank].input;
  if (r == nullptr) return;
  if (r->mode == Requirement::Mode::kComponent) {
    __builtin_prefetch(&status_[r->component]);
  } else if (!r->children.empty()) {
    __builtin_prefetch(r->children.data());
  }
}

void Region::prefetch_statuses(std::uint32_t rank) const {
  const Requirement* r = by_rank_entry_[rank].input;
  if (r == nullptr || r->mode == Requirement::Mode::kComponent) return;
  constexpr std::size_t kMostChildren = 4;
  const std::size_t n = std::min(r->children.size(), kMostChildren);
  for (std::size_t i = 0; i < n; ++i) {
    const Requirement& child = r->children[i];
    if (child.mode == Requirement::Mode::kComponent) __builtin_prefetch(&status_[child.component]);
  }
}

}  // namespace outagesim::models
