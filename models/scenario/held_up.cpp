// Holding one component up by editing its parameters: each kind cuts the inputs that can fail it.
#include "models/scenario/held_up.hpp"

#include <algorithm>
#include <cassert>
#include <optional>
#include <utility>
#include <variant>

#include "models/results/cause_chain.hpp"

namespace outagesim::models {

namespace {

struct HoldUp {
  ScenarioSpec& spec;
  ComponentId self;

  void operator()(CoolingPlantParams& p) const {
    p.power = Requirement{};
    p.control = Requirement{};
    p.derate_pct_per_c = 0;
    p.max_outside_c.reset();
  }
  void operator()(RoomParams& p) const {
    p.power = Requirement{};
    p.sprinkler_c.reset();
    // Temporary cooling of a whole design share: with any plant capacity the room has at least what a
    // fully working plant gives it, and the setpoint clamp keeps it from over-cooling.
    InjectionSpec cooling;
    cooling.at = sim::Time();
    cooling.target = self;
    cooling.action = Action::kAuxiliaryCooling;
    cooling.amount = p.design_cooling_kw;
    cooling.is_fault = false;
    cooling.note = "held up (what-if)";
    spec.injections.push_back(cooling);
  }
  void operator()(HostPoolParams& p) const {
    p.shutdown_c.reset();
    p.shutdown_spread_c = 0;
    p.shutdown_steps = 1;
    p.rated_c.reset();
  }
  void operator()(ServiceParams& p) const { p.needs = Requirement{}; }
  void operator()(DatabaseParams& p) const {
    p.primary = Requirement{};
    p.standby.reset();
    p.proxy = kNoComponent;
  }
  void operator()(ControlPlaneParams& p) const {
    for (ControlPlaneParams::Node& node : p.nodes) node.needs = Requirement{};
    p.demand.clear();
  }
};

// Whether a trigger on the held component's own failure fired, in `base`, on a cause that started elsewhere:
// holding the component up hides that symptom, not its cause, and the operators would still have acted on
// it. When the chain starts at the component itself (its own fault, which holding it up removes), or the
// trigger watches another component or a repair, it is left to fire or not.
bool replayed(const TriggerSpec& when, const RunResult& base, ChangeId firing, ComponentId component) {
  if (firing != kNoChange && base.journal[firing].component != component) return false;  // another fired it
  // Only a failure is a symptom: a trigger on a return (storage automation marking the nodes that come
  // back) has nothing to act on when the component never went.
  const bool on_failure = when.event == TriggerEvent::kEntersDown ||
                          when.event == TriggerEvent::kEntersDegraded ||
                          when.event == TriggerEvent::kLeavesUp;
  if (when.source != TriggerSpec::Source::kComponent || when.component != component || !on_failure ||
      firing == kNoChange) {
    return false;
  }
  const std::vector<ChangeId> chain = cause_chain(base, firing);
  return base.journal[chain.back()].component != component;
}

// The same for a start with several triggers: the one that fired it, if it is such a trigger.
bool replayed_any(const std::vector<TriggerSpec>& when, const RunResult& base, ChangeId firing,
                  ComponentId component) {
  return std::any_of(when.begin(), when.end(),
                     [&](const TriggerSpec& t) { return replayed(t, base, firing, component); });
}

// A replayed action or repair starts a millisecond after the time it started in `base`: a triggered one
// came after its trigger had settled, and one timed from the start would come with the instant's first
// injections (a repair of x would land with the fault on x that set it off, and undo it).
constexpr sim::Time kAfterItsCause = sim::Time::ms(1);

// Whether `component` was out of up at `t`.
bool out_of_up_at(const RunResult& run, ComponentId component, sim::Time t) {
  const auto intervals = run.intervals[component];
  return std::any_of(intervals.begin(), intervals.end(),
                     [&](const Interval& i) { return i.start <= t && t < i.end; });
}

// Whether stage `s` of repair `r` waited in `base` on an outage of `component` a held-up run can cut short:
// the stage went ahead (a return came), or the component was out when it became ready (a return that
// never came). A stage that was ready while the component stood and never went ahead waited in vain, held
// up or not.
bool waited_on_outage(const RunResult& base, std::size_t r, std::size_t s, ComponentId component) {
  const StageRecord& record = base.repairs[r].stages[s];
  return !record.began.is_never() ||
         (!record.ready.is_never() && out_of_up_at(base, component, record.ready));
}

}  // namespace

ScenarioSpec held_up(const ScenarioSpec& spec, ComponentId component, const RunResult& base) {
  assert(component < spec.components.size());
  assert(base.injection_applied_at.size() == spec.injections.size());
  assert(base.repairs.size() == spec.repairs.size());
  assert(base.injection_fired_by.size() == spec.injections.size());
  assert(base.repair_fired_by.size() == spec.repairs.size());
  assert(base.horizon == spec.horizon);
  ScenarioSpec out = spec;
  // Before the injections on the component are removed, while the indices still match `base`.
  for (InjectionId i = 0; i < out.injections.size(); ++i) {
    InjectionSpec& inj = out.injections[i];
    const sim::Time at = base.injection_applied_at[i];
    // A standing policy (`each`) stays on its triggers: replaying its first time would drop the rest.
    if (inj.when.empty() || inj.each || at.is_never() || at + kAfterItsCause >= spec.horizon ||
        !replayed_any(inj.when, base, base.injection_fired_by[i], component))
      continue;
    inj.when.clear();
    inj.at = at + kAfterItsCause;
    inj.delay = sim::Time();
    // It was applied, not called off: timed, a cancel_when would be pending from the start, long before
    // its trigger came.
    inj.cancel_when.clear();
  }
  for (std::size_t r = 0; r < out.repairs.size(); ++r) {
    RepairSpec& repair = out.repairs[r];
    const sim::Time at = base.repairs[r].started;
    if (repair.when.empty() || at.is_never() || at + kAfterItsCause >= spec.horizon ||
        !replayed_any(repair.when, base, base.repair_fired_by[r], component))
      continue;
    repair.when.clear();
    repair.at = at + kAfterItsCause;
    repair.delay = sim::Time();
  }
  // A stage that waits for the held component to come back has nothing to wait for: it never left. A
  // host pool is the exception: it still stops with its room's power, and a stage started by that same
  // loss would find it up for an instant and go ahead; so a pool's return is waited for as written unless
  // its room never went down in `base`. (A room's `cooled` and `accessible` are states already.)
  const auto* pool = std::get_if<HostPoolParams>(&spec.components[component].params);
  const bool can_stop = pool != nullptr && pool->room != kNoComponent &&
                        std::any_of(base.intervals[pool->room].begin(), base.intervals[pool->room].end(),
                                    [](const Interval& i) { return i.state == State::kDown; });
  // A stage that waited in vain as written (ready while the component stood, and never went ahead) keeps
  // its wait: holding the component up changes nothing of that.
  for (std::size_t r = 0; r < out.repairs.size(); ++r) {
    for (std::size_t s = 0; s < out.repairs[r].stages.size(); ++s) {
      for (TriggerSpec& w : out.repairs[r].stages[s].wait_for) {
        if (w.source == TriggerSpec::Source::kComponent && w.component == component && !can_stop &&
            (w.event == TriggerEvent::kReturnsUp || w.event == TriggerEvent::kRecovers ||
             w.event == TriggerEvent::kLeavesDown) &&
            waited_on_outage(base, r, s, component))
          w.met_while_up = true;
      }
    }
  }
  std::erase_if(out.injections, [component](const InjectionSpec& i) { return i.target == component; });
  for (FailureProcessSpec& process : out.failures) {
    for (FailureGroup& group : process.groups) std::erase(group.members, component);
    std::erase_if(process.groups, [](const FailureGroup& g) { return g.members.empty(); });
  }
  std::erase_if(out.failures, [](const FailureProcessSpec& p) { return p.groups.empty(); });
  // The nominal values are already in the fields; a draw's setter may point into a removed injection.
  out.inputs.clear();
  std::visit(HoldUp{out, component}, out.components[component].params);
  return out;
}

namespace {

bool waits_for_return(const TriggerSpec& w) {
  return w.source == TriggerSpec::Source::kComponent &&
         (w.event == TriggerEvent::kReturnsUp || w.event == TriggerEvent::kRecovers ||
          w.event == TriggerEvent::kLeavesDown);
}

// Whether `component` was out of up at some moment from `from` on.
bool left_up_from(const RunResult& run, ComponentId component, sim::Time from) {
  const auto intervals = run.intervals[component];
  return std::any_of(intervals.begin(), intervals.end(), [&](const Interval& i) { return i.end > from; });
}

// A wait of stage `s` of repair `r` for a return that cannot come: in `base` the stage waited on an outage
// of the component (waited_on_outage), and in `run` it has stood since the stage was ready.
bool releasable_wait(const TriggerSpec& w, const RunResult& base, const RunResult& run, std::size_t r,
                     std::size_t s, sim::Time ready) {
  return waits_for_return(w) && !w.met_while_up && waited_on_outage(base, r, s, w.component) &&
         !left_up_from(run, w.component, ready);
}

// Whether `component` left up in [from, to).
bool left_up_within(const RunResult& run, ComponentId component, sim::Time from, sim::Time to) {
  const auto intervals = run.intervals[component];
  return std::any_of(intervals.begin(), intervals.end(),
                     [&](const Interval& i) { return i.start >= from && i.start < to; });
}

}  // namespace

bool release_waits_never_met(ScenarioSpec& held, const RunResult& base, const RunResult& run) {
  assert(run.repairs.size() == held.repairs.size() && base.repairs.size() == held.repairs.size());
  bool changed = false;
  // Take back what the run disproves: a wait met while up whose component left up after its stage was
  // ready and before its work was done (a stage released earlier cut its power); the stage then waits for
  // that return as written. A departure its own actions cause, at its end or later, disproves nothing.
  for (std::size_t r = 0; r < held.repairs.size(); ++r) {
    for (std::size_t s = 0; s < held.repairs[r].stages.size(); ++s) {
      const StageRecord& record = run.repairs[r].stages[s];
      if (record.ready.is_never()) continue;
      for (TriggerSpec& w : held.repairs[r].stages[s].wait_for) {
        if (waits_for_return(w) && w.met_while_up &&
            left_up_within(run, w.component, record.ready, record.ended)) {
          w.met_while_up = false;
          changed = true;
        }
      }
    }
  }
  if (changed) return true;
  // Then release one stage, the first to have been ready: one that went ahead in the run as written, and
  // now waits to the end for a component that has stood since it was ready. One at a time, since what a
  // released stage then does (cutting a feed) can make another's wait real.
  std::optional<std::pair<std::size_t, std::size_t>> first;
  sim::Time first_ready = sim::Time::never();
  for (std::size_t r = 0; r < held.repairs.size(); ++r) {
    for (std::size_t s = 0; s < held.repairs[r].stages.size(); ++s) {
      const StageRecord& record = run.repairs[r].stages[s];
      if (record.ready.is_never() || !record.began.is_never()) continue;
      const auto& waits = held.repairs[r].stages[s].wait_for;
      const bool releasable = std::any_of(waits.begin(), waits.end(), [&](const TriggerSpec& w) {
        return releasable_wait(w, base, run, r, s, record.ready);
      });
      if (releasable && record.ready < first_ready) {
        first = std::pair{r, s};
        first_ready = record.ready;
      }
    }
  }
  if (!first) return false;
  for (TriggerSpec& w : held.repairs[first->first].stages[first->second].wait_for) {
    if (releasable_wait(w, base, run, first->first, first->second, first_ready)) w.met_while_up = true;
  }
  return true;
}

}  // namespace outagesim::models
