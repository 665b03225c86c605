// Dependency expressions: what a service, site or tenant function needs, with all-of, any-of, k-of-n
// and pooled semantics, nestable. A plain value in the scenario spec; evaluated against the status table.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "models/core/component_status.hpp"

namespace outagesim::models {

struct Requirement {
  enum class Mode : std::uint8_t { kComponent, kAllOf, kAnyOf, kKOfN, kPooled };

  Mode mode = Mode::kAllOf;
  ComponentId component = kNoComponent;  // kComponent only
  std::uint32_t k = 0;                   // kKOfN only: how many children must be up
  // Its weight among the children of a kPooled parent (its share of the pool's capacity, relative to its
  // siblings'); unused elsewhere. Kept in the padding, so a requirement is no larger for it.
  float weight = 1.0f;
  std::vector<Requirement> children;  // all modes but kComponent

  static Requirement of(ComponentId id);
  static Requirement all_of(std::vector<Requirement> children);
  static Requirement any_of(std::vector<Requirement> children);
  static Requirement k_of_n(std::uint32_t k, std::vector<Requirement> children);
  // The children's capacity added up, each by its weight (set on the children): a service spread over
  // halls serves what its halls serve together.
  static Requirement pooled(std::vector<Requirement> children);

  // An all-of with nothing in it: always satisfied.
  bool is_empty() const { return mode == Mode::kAllOf && children.empty(); }
  // Appends every component named anywhere in the expression, in order, duplicates included.
  void collect_components(std::vector<ComponentId>& out) const;
};

// The state an expression evaluates to, and the component held responsible for it: among the leaves
// that make the result what it is, the one that changed last (ties: the first written). For a fall that
// is the trigger; for a return it is the last dependency to come back.
// Alongside, the share of normal capacity the expression provides, and the leaf that sets that share.
struct Verdict {
  State state = State::kUp;
  ComponentId blamed = kNoComponent;
  ChangeId trigger = kNoChange;
  sim::Time since;
  double capacity = 1.0;                   // in [0, 1]
  ComponentId capacity_by = kNoComponent;  // the leaf whose share `capacity` is; none when it is 1
  // Some degraded child serves its whole share: it is degraded for another reason than a lost share
  // (rebuilding, throttled, running hot), which no share threshold may count as up.
  bool degraded_whole = false;
};

// States: all-of is the worst child; any-of the best; k-of-n is up with k children up, degraded with
// k children up or degraded, down otherwise; pooled is up with every child up, down with every child down,
// degraded otherwise (blamed: the latest of the children not up).
// Capacity: a leaf provides its ComponentStatus::capacity while degraded, 0 when it is down and 1 when it
// is up (up with a share lost is the component's own word that the loss does not matter). A k-of-n provides
// the k-th largest share of its children: it serves from the best k, and the weakest of those limits it.
// All-of is k-of-n with k = n (the smallest share), any-of with k = 1 (the largest); pooled provides
// the children's shares weighted by their weights (sum of weight x share over sum of weights), set by
// the child that lost the most of it; an empty expression provides 1. Ties go to the first written child.
// Capacity never changes the state: whoever reads the verdict decides what a share below 1 means (a service's
// `down_below`).
Verdict evaluate(const Requirement& requirement, std::span<const ComponentStatus> status);

// Whether a copy of the data kept on what the expression names survives: a leaf keeps its data unless
// every one of its units was destroyed (ComponentStatus::data_destroyed, else data_lost, at 1: a host
// pool whose hosts were all destroyed); components that do not say keep it. All-of and pooled need every
// child's part (the data is spread over them), any-of one child's, k-of-n k children's (its quorum:
// erasure-coded data needs k fragments). Sets `lost_by` to the leaf whose loss made the difference last (the
// latest changed).
bool data_survives(const Requirement& requirement, std::span<const ComponentStatus> status,
                   ComponentId* lost_by);

}  // namespace outagesim::models
