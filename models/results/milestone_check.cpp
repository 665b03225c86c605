// Finding each milestone's event in the journal.
#include "models/results/milestone_check.hpp"

#include <algorithm>
#include <optional>

namespace outagesim::models {

namespace {

// `down_since_up`: the component has been down since it was last up (before this change).
bool matches(MilestoneSpec::Event event, const StateChange& c, bool down_since_up) {
  switch (event) {
    case MilestoneSpec::Event::kEntersDown:
      return c.to == State::kDown;
    case MilestoneSpec::Event::kEntersDegraded:
      return c.to == State::kDegraded;
    case MilestoneSpec::Event::kLeavesUp:
      return c.from == State::kUp;
    case MilestoneSpec::Event::kReturnsUp:
      // Not a recovery from a degraded spell alone: "powered up again" needs a time it was down.
      return c.to == State::kUp && down_since_up;
    case MilestoneSpec::Event::kRecovers:
      return c.to == State::kUp;
    case MilestoneSpec::Event::kLeavesDown:
      return c.from == State::kDown;
    case MilestoneSpec::Event::kDischarged:
    case MilestoneSpec::Event::kAccessible:
    case MilestoneSpec::Event::kCooled:
      return false;  // moments: room_moment()
  }
  return false;
}

// The reason of the room's journal record that a moment milestone names, or nullopt for a state event.
std::optional<Reason> room_moment(MilestoneSpec::Event event) {
  switch (event) {
    case MilestoneSpec::Event::kDischarged:
      return Reason::kSprinkler;
    case MilestoneSpec::Event::kAccessible:
      return Reason::kReentryAllowed;
    case MilestoneSpec::Event::kCooled:
      return Reason::kCooledDown;
    default:
      return std::nullopt;
  }
}

// The found time against the public one: its difference, and whether it is within the tolerance.
void grade(const MilestoneSpec& m, MilestoneResult& r) {
  if (!r.simulated || !m.expected) return;
  r.difference = *r.simulated - *m.expected;
  const sim::Time magnitude = *r.difference < sim::Time() ? sim::Time() - *r.difference : *r.difference;
  r.passed = magnitude <= m.tolerance;
}

}  // namespace

std::vector<MilestoneResult> check_milestones(const ScenarioSpec& spec, const RunResult& result) {
  std::vector<MilestoneResult> out;
  for (const MilestoneSpec& m : spec.milestones) {
    MilestoneResult r;
    r.milestone = &m;
    if (m.max_downtime) {
      r.simulated = result.downtime(m.component);
      r.passed = *r.simulated <= *m.max_downtime;
      out.push_back(r);
      continue;
    }
    if (m.not_up_at) {
      // The state after every change at or before that time (the journal is in time order).
      for (const StateChange& c : result.journal) {
        if (c.time > *m.not_up_at) break;
        if (c.component == m.component && c.changes_state()) r.state_at = c.to;
      }
      r.passed = r.state_at != State::kUp;
      out.push_back(r);
      continue;
    }
    if (const std::optional<Reason> moment = room_moment(m.event)) {
      for (const StateChange& c : result.journal) {
        if (c.component != m.component || c.cause.reason != *moment) continue;
        r.simulated = c.time;
        if (m.occurrence == MilestoneSpec::Occurrence::kFirst) break;
      }
      grade(m, r);
      out.push_back(r);
      continue;
    }
    // The component's changes, an instant at a time: what it was before the instant against what it is
    // after it, so that a change undone within the instant (a fail and a repair at one moment, a return
    // that a share cut of the same moment turns into a degraded one) is none, as for triggers.
    bool down_since_up = false;
    const std::vector<StateChange>& journal = result.journal;
    for (std::size_t i = 0; i < journal.size(); ++i) {
      if (journal[i].component != m.component || !journal[i].changes_state()) continue;
      StateChange c = journal[i];
      for (std::size_t j = i + 1; j < journal.size() && journal[j].time == c.time; ++j) {
        if (journal[j].component == m.component && journal[j].changes_state()) {
          c.to = journal[j].to;
          i = j;
        }
      }
      if (!c.changes_state()) continue;
      down_since_up = down_since_up || c.from == State::kDown;
      const bool match = matches(m.event, c, down_since_up);
      if (c.to == State::kUp) down_since_up = false;
      if (!match) continue;
      r.simulated = c.time;
      if (m.occurrence == MilestoneSpec::Occurrence::kFirst) break;
    }
    grade(m, r);
    out.push_back(r);
  }
  return out;
}

BasisSummary summarize(const std::vector<MilestoneResult>& results, MilestoneSpec::Basis basis) {
  BasisSummary s;
  std::vector<sim::Time> errors;
  for (const MilestoneResult& r : results) {
    if (r.milestone->basis != basis) continue;
    if (r.milestone->max_downtime || r.milestone->not_up_at) {
      ++s.checks;
      if (r.passed) ++s.checks_held;
      continue;
    }
    ++s.count;
    if (r.passed) ++s.within_tolerance;
    if (!r.difference) {
      // A prediction that never came true is a miss, not a gap: leaving it out would flatter the median.
      if (r.milestone->expected && !r.simulated) errors.push_back(sim::Time::never());
      continue;
    }
    ++s.happened;
    errors.push_back(*r.difference < sim::Time() ? sim::Time() - *r.difference : *r.difference);
  }
  if (!errors.empty()) {
    std::sort(errors.begin(), errors.end());
    const std::size_t n = errors.size();
    if (n % 2 == 1) {
      s.median_abs_error = errors[n / 2];
    } else if (errors[n / 2] == sim::Time::never()) {
      s.median_abs_error = sim::Time::never();
    } else {
      s.median_abs_error = sim::Time::ms((errors[n / 2 - 1].count_ms() + errors[n / 2].count_ms()) / 2);
    }
  }
  return s;
}

std::string_view basis_name(MilestoneSpec::Basis basis) {
  switch (basis) {
    case MilestoneSpec::Basis::kPredicted:
      return "predicted";
    case MilestoneSpec::Basis::kCalibrated:
      return "calibrated";
    case MilestoneSpec::Basis::kInput:
      return "input";
  }
  return "?";
}

}  // namespace outagesim::models
