// Finding each milestone's event in the journal.
#include "models/results/milestone_check.hpp"

namespace outagesim::models {

namespace {

bool matches(MilestoneSpec::Event event, const StateChange& c) {
  switch (event) {
    case MilestoneSpec::Event::kEntersDown:
      return c.to == State::kDown;
    case MilestoneSpec::Event::kEntersDegraded:
      return c.to == State::kDegraded;
    case MilestoneSpec::Event::kLeavesUp:
      return c.from == State::kUp;
    case MilestoneSpec::Event::kReturnsUp:
      return c.to == State::kUp;
  }
  return false;
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
    for (const StateChange& c : result.journal) {
      if (c.component != m.component || !c.changes_state() || !matches(m.event, c)) continue;
      r.simulated = c.time;
      if (m.occurrence == MilestoneSpec::Occurrence::kFirst) break;
    }
    if (r.simulated && m.expected) {
      r.difference = *r.simulated - *m.expected;
      const sim::Time magnitude = *r.difference < sim::Time() ? sim::Time() - *r.difference : *r.difference;
      r.passed = magnitude <= m.tolerance;
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace outagesim::models
