// Evaluation of dependency expressions with blame.
#include "models/core/requirement.hpp"

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
    return Verdict{s.state, requirement.component, s.last_change, s.last_change_time};
  }
  if (requirement.children.empty()) return Verdict{};  // nothing needed: satisfied

  // One pass, no allocation: the latest child per state, and how many are up or serving.
  Latest latest[3];
  std::uint32_t up = 0;
  std::uint32_t serving = 0;
  for (std::size_t i = 0; i < requirement.children.size(); ++i) {
    const Verdict v = evaluate(requirement.children[i], status);
    latest[static_cast<int>(v.state)].offer(v, i);
    up += v.state == State::kUp;
    serving += v.state != State::kDown;
  }
  const Latest& l_up = latest[static_cast<int>(State::kUp)];
  const Latest& l_degraded = latest[static_cast<int>(State::kDegraded)];
  const Latest& l_down = latest[static_cast<int>(State::kDown)];
  const Latest none;

  // Responsible children: those in the result's state for all-of and any-of; for k-of-n, the up ones when
  // it is up and the others when it is not.
  switch (requirement.mode) {
    case Requirement::Mode::kAllOf: {
      const State s = l_down.have ? State::kDown : l_degraded.have ? State::kDegraded : State::kUp;
      return pick(s, latest[static_cast<int>(s)], none);
    }
    case Requirement::Mode::kAnyOf: {
      const State s = l_up.have ? State::kUp : l_degraded.have ? State::kDegraded : State::kDown;
      return pick(s, latest[static_cast<int>(s)], none);
    }
    case Requirement::Mode::kKOfN:
      if (up >= requirement.k) return pick(State::kUp, l_up, none);
      return pick(serving >= requirement.k ? State::kDegraded : State::kDown, l_degraded, l_down);
    case Requirement::Mode::kComponent:
      break;
  }
  return Verdict{};
}

}  // namespace outagesim::models
