// Evaluation of dependency expressions with blame.
#include "models/core/requirement.hpp"

#include <array>
#include <cassert>

namespace outagesim::models {

Requirement Requirement::of(ComponentId id) {
  Requirement r;
  r.mode = Mode::kComponent;
  r.component = id;
  return r;
}

Requirement Requirement::all_of(std::vector<Requirement> children) {
  Requirement r;
  r.mode = Mode::kAllOf;
  r.children = std::move(children);
  return r;
}

Requirement Requirement::any_of(std::vector<Requirement> children) {
  Requirement r;
  r.mode = Mode::kAnyOf;
  r.children = std::move(children);
  return r;
}

Requirement Requirement::k_of_n(std::uint32_t k, std::vector<Requirement> children) {
  Requirement r;
  r.mode = Mode::kKOfN;
  r.k = k;
  r.children = std::move(children);
  return r;
}

Requirement Requirement::pooled(std::vector<Requirement> children) {
  Requirement r;
  r.mode = Mode::kPooled;
  r.children = std::move(children);
  return r;
}

bool data_survives(const Requirement& requirement, std::span<const ComponentStatus> status,
                   ComponentId* lost_by) {
  if (requirement.mode == Requirement::Mode::kComponent) {
    const ComponentId c = requirement.component;
    // Destroyed units lose their data for good; failed ones that are repaired come back with it (review
    // 13: a random failure of every host read as data lost for good).
    const bool kept = c >= status.size() || (status[c].data_destroyed >= 0.0 ? status[c].data_destroyed
                                                                             : status[c].data_lost) < 1.0;
    if (!kept && lost_by != nullptr &&
        (*lost_by == kNoComponent || status[c].last_change_time > status[*lost_by].last_change_time))
      *lost_by = c;
    return kept;
  }
  std::size_t kept = 0;
  for (const Requirement& child : requirement.children) kept += data_survives(child, status, lost_by) ? 1 : 0;
  const std::size_t n = requirement.children.size();
  switch (requirement.mode) {
    case Requirement::Mode::kAnyOf:
      return n == 0 || kept > 0;
    case Requirement::Mode::kKOfN:
      return kept >= requirement.k;
    default:
      return kept == n;
  }
}

void Requirement::collect_components(std::vector<ComponentId>& out) const {
  if (mode == Mode::kComponent) {
    out.push_back(component);
    return;
  }
  for (const Requirement& child : children) child.collect_components(out);
}

namespace {

// The latest-changed child verdict in one state, with its position for breaking ties on write order.
struct Latest {
  Verdict verdict;
  std::size_t index = 0;
  bool have = false;

  void offer(const Verdict& v, std::size_t i) {
    if (!have || v.since > verdict.since) {
      verdict = v;
      index = i;
      have = true;
    }
  }
};

// The k-th largest capacity share among children (k >= 1), the first written on ties.
struct CapacityRank {
  double capacity = 0.0;
  ComponentId by = kNoComponent;
};

Verdict pick(State state, const Latest& a, const Latest& b) {
  const Latest* chosen = &a;
  if (!a.have || (b.have && (b.verdict.since > a.verdict.since ||
                             (b.verdict.since == a.verdict.since && b.index < a.index)))) {
    chosen = &b;
  }
  Verdict result = chosen->verdict;
  result.state = state;
  return result;
}

}  // namespace

Verdict evaluate(const Requirement& requirement, std::span<const ComponentStatus> status) {
  if (requirement.mode == Requirement::Mode::kComponent) {
    assert(requirement.component < status.size());
    const ComponentStatus& s = status[requirement.component];
    // A component that reads up provides its whole share: a service up by its own `degraded_below` (a
    // few heat-damaged hosts of a hall) has said the share it lost does not matter, to its dependents too.
    const double capacity = s.state == State::kDown ? 0.0 : s.state == State::kUp ? 1.0 : s.capacity;
    return Verdict{s.state,
                   requirement.component,
                   s.last_change,
                   s.last_change_time,
                   capacity,
                   capacity < 1.0 ? requirement.component : kNoComponent,
                   s.state == State::kDegraded && (capacity >= 1.0 || s.degraded_beyond_share)};
  }
  if (requirement.children.empty()) return Verdict{};  // nothing needed: satisfied

  // One pass: the latest child per state, how many are up or serving, and the k largest capacity shares
  // (sorted, largest first, the first written ahead on ties). Small k, the usual case (zones), keeps
  // them on the stack, so evaluation allocates nothing.
  const std::size_t n = requirement.children.size();
  const bool pooled = requirement.mode == Requirement::Mode::kPooled;
  const std::size_t k = requirement.mode == Requirement::Mode::kAllOf || pooled ? n
                        : requirement.mode == Requirement::Mode::kAnyOf         ? 1
                                                                                : requirement.k;
  constexpr std::size_t kInlineShares = 8;
  std::array<CapacityRank, kInlineShares> inline_top;
  std::vector<CapacityRank> heap_top;
  // Pooled keeps the smallest share too, to name the child that lost the most.
  const bool all_of = requirement.mode == Requirement::Mode::kAllOf || pooled;
  if (!all_of && k > kInlineShares) heap_top.resize(k);
  const std::span<CapacityRank> top = all_of              ? std::span<CapacityRank>()
                                      : k > kInlineShares ? std::span<CapacityRank>(heap_top)
                                                          : std::span<CapacityRank>(inline_top.data(), k);
  std::size_t top_size = 0;
  CapacityRank smallest{2.0, kNoComponent};   // all-of: the smallest share is the n-th largest
  CapacityRank lost_most{2.0, kNoComponent};  // pooled: the child whose weighted loss is largest
  double weighted = 0;                        // pooled: sum of weight x share, and of the weights
  double weights = 0;
  Latest latest[3];
  std::uint32_t up = 0;
  std::uint32_t serving = 0;
  bool degraded_whole = false;
  for (std::size_t i = 0; i < n; ++i) {
    const Verdict v = evaluate(requirement.children[i], status);
    latest[static_cast<int>(v.state)].offer(v, i);
    degraded_whole = degraded_whole || (v.state == State::kDegraded && v.degraded_whole);
    up += v.state == State::kUp;
    serving += v.state != State::kDown;
    const CapacityRank share{v.capacity, v.capacity_by};
    if (pooled) {
      const double w = requirement.children[i].weight;
      weighted += w * v.capacity;
      weights += w;
      const double left = 1.0 - w * (1.0 - v.capacity);  // larger loss, smaller "left"
      if (v.capacity < 1.0 && left < lost_most.capacity) lost_most = CapacityRank{left, v.capacity_by};
      continue;
    }
    if (all_of) {
      if (share.capacity < smallest.capacity) smallest = share;
      continue;
    }
    // Insert after every kept share at least as large; drop what falls off the end.
    std::size_t at = top_size;
    while (at > 0 && top[at - 1].capacity < share.capacity) --at;
    if (at >= top.size()) continue;
    if (top_size < top.size()) ++top_size;
    for (std::size_t j = top_size - 1; j > at; --j) top[j] = top[j - 1];
    top[at] = share;
  }
  CapacityRank extreme = smallest;
  if (pooled) {
    extreme = CapacityRank{weights > 0 ? weighted / weights : 1.0, lost_most.by};
    if (up == n) extreme = CapacityRank{1.0, kNoComponent};
    if (serving == 0) extreme.capacity = 0.0;
  } else if (!all_of) {
    // k = 0 needs nothing: whole; fewer than k children cannot provide anything.
    extreme = k == 0         ? CapacityRank{1.0, kNoComponent}
              : top_size < k ? CapacityRank{0.0, kNoComponent}
                             : top[k - 1];
  }
  const auto with_capacity = [&](Verdict v) {
    v.capacity = extreme.capacity;
    v.capacity_by = extreme.capacity < 1.0 ? extreme.by : kNoComponent;
    v.degraded_whole = v.state == State::kDegraded && degraded_whole;
    return v;
  };
  const Latest& l_up = latest[static_cast<int>(State::kUp)];
  const Latest& l_degraded = latest[static_cast<int>(State::kDegraded)];
  const Latest& l_down = latest[static_cast<int>(State::kDown)];
  const Latest none;

  // Responsible children: those in the result's state for all-of and any-of; for k-of-n, the up ones when
  // it is up and the others when it is not.
  switch (requirement.mode) {
    case Requirement::Mode::kAllOf: {
      const State s = l_down.have ? State::kDown : l_degraded.have ? State::kDegraded : State::kUp;
      return with_capacity(pick(s, latest[static_cast<int>(s)], none));
    }
    case Requirement::Mode::kAnyOf: {
      const State s = l_up.have ? State::kUp : l_degraded.have ? State::kDegraded : State::kDown;
      return with_capacity(pick(s, latest[static_cast<int>(s)], none));
    }
    case Requirement::Mode::kPooled: {
      // Every member's change moves the pool's share: the latest to change is what made it what it is,
      // whichever way (a member lost, or one back while another is still down: review 11).
      const State s = up == n ? State::kUp : serving == 0 ? State::kDown : State::kDegraded;
      Latest all = l_up;
      for (const Latest* l : {&l_degraded, &l_down}) {
        if (l->have && (!all.have || l->verdict.since > all.verdict.since ||
                        (l->verdict.since == all.verdict.since && l->index < all.index)))
          all = *l;
      }
      return with_capacity(pick(s, all, none));
    }
    case Requirement::Mode::kKOfN:
      if (up >= requirement.k) return with_capacity(pick(State::kUp, l_up, none));
      return with_capacity(
          pick(serving >= requirement.k ? State::kDegraded : State::kDown, l_degraded, l_down));
    case Requirement::Mode::kComponent:
      break;
  }
  return Verdict{};
}

}  // namespace outagesim::models
