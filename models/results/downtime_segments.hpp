// Which cause held each part of a down or degraded interval: the interval split into segments, each held
// by one component (found by following blocking needs down from the vertex) or by a recovery step
// running after needs returned. Derived after the run from the intervals and the spec's needs.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "models/core/requirement.hpp"
#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

// Whose time a segment was: the provider's (its components and their recovery), the tenant's failover
// while the provider was down (its strategy's detection, decision and switchover while the primary
// deployment's needs were down: work around the provider's outage, at the tenant's own pace), or the
// tenant's own (its recovery steps, and its strategy's work once the primary's needs were back).
enum class TimeOf : std::uint8_t { kProvider, kTenant, kFailover };

struct DowntimeSegment {
  sim::Time start;
  sim::Time end;
  // The vertex's own dependency through which the holder held it; the vertex itself when the holder is
  // the vertex (its own recovery step, or its own fault).
  ComponentId via = kNoComponent;
  // The deepest component reached by following blocking needs: what held the vertex out of up.
  ComponentId holder = kNoComponent;
  // The holder's recovery step under way (its needs were back), or nullptr. Points into the spec.
  const RecoveryStep* step = nullptr;
  TimeOf time_of = TimeOf::kProvider;
  // The change that began the holder's state then: its cause chain leads to the injected fault(s).
  ChangeId cause_change = kNoChange;
  // Other dependencies of the vertex that blocked it at some moment of the segment, by id.
  std::vector<ComponentId> parallel;
  // A tenant function with a strategy: what the strategy waited on during the segment (points into the
  // result), or nullptr; and whether that is what held the function (`strategy_held`: the holder, via
  // and step above are then the strategy's) or only what the strategy was busy with while its primary
  // deployment held the function.
  const StrategyHold* strategy = nullptr;
  bool strategy_held = false;
};

// Splits intervals into segments. Holds references to the spec and the result, which must outlive it;
// compiles each vertex's needs once, so one segmenter serves every tenant of a report.
//
// At each moment of a vertex's interval (not up), the holder is found by descent:
//  - a vertex whose needs (a service's, a single-site database's primary, a tenant function's; a
//    tenant's functions) are down or degraded
//    is held by the leaf evaluate() blames: the latest dependency to enter that state (ties: the first
//    written); except that needs which are an any-of or k-of-n of components are held by the member
//    whose return ends the spell (members return in the order their states end);
//  - a down vertex whose needs are back, within its recovery steps' time since they returned, is held by
//    the step under way;
//  - a service whose needs serve (not down) but which is out of up by the share they give is held by the
//    need its own latest record names (the smallest share), or by itself when its own share is short;
//  - otherwise the vertex holds itself (a fault on it, a share of it lost, its own physics).
//
// A tenant function with a strategy other than waiting is followed through the path that ended its down
// interval, read from the strategy's holds (StrategyResult::holds):
//  - a failover to another site (standby, cross-region, launch, restore) that brought it back: while the
//    strategy waited on something (detection and decision, a switchover, the new site's needs or its
//    recovery steps), that held it (a wait on a standby's or a site's requirement is read as any need:
//    for an any-of, the member whose return ends it); the primary deployment holds it between those waits,
//    and in every interval the primary's return (or the horizon) ended, with the strategy's wait noted
//    alongside;
//  - active-active: the sites not serving, the one whose return ends the spell (the k-th to return when
//    k more are needed; for a degraded spell, the one that restores the full capacity) or else the
//    health checks, or else, every site serving short of the load by the shares its needs give, the need
//    the function's own record names; a site's recovery step is the tenant's own time.
class DowntimeSegmenter {
 public:
  DowntimeSegmenter(const ScenarioSpec& spec, const RunResult& result);

  // The segments of `interval` of `vertex`, in time order, covering it without gaps.
  // REQUIRES: `interval` is one of result.intervals[vertex].
  std::vector<DowntimeSegment> segments(ComponentId vertex, const Interval& interval);

 private:
  // A vertex's needs with leaves numbered locally, so evaluation reads a table of its leaves only.
  struct Needs {
    Requirement local;
    std::vector<ComponentId> leaves;  // local number -> component
    const std::vector<RecoveryStep>* steps = nullptr;
  };
  struct Look {
    State state = State::kUp;
    ChangeId since_change = kNoChange;  // the change that began the state; kNoChange: up from the start
    sim::Time since;
    const Interval* interval = nullptr;  // the interval holding the moment; nullptr when up
  };
  struct Hold {
    ComponentId holder = kNoComponent;
    const RecoveryStep* step = nullptr;
    ChangeId cause_change = kNoChange;
    ComponentId via = kNoComponent;  // set when the vertex's own record, not its verdict, named the need
  };

  // The hold of f's strategy at `t` within `interval`, and whether it holds the function.
  struct StrategyLook {
    const StrategyHold* hold = nullptr;
    bool holds_function = false;
    // When it holds the function through a component: that component, picked from the strategy's
    // requirement as any need's (for an any-of, the member whose return ends it).
    ComponentId waited = kNoComponent;
    // The strategy's requirement it was picked from, with that requirement's state then (for the other
    // members that held it too: the segment's `parallel`); null for a wait on a component of its own.
    const Needs* requirement = nullptr;
    State requirement_state = State::kUp;
  };
  // The component a strategy's wait on `hold.component` is held by at `t`: for a wait on a requirement
  // of the strategy's spec (a standby's needs, an active-active site's), the one evaluate() and the
  // look-ahead of any-of and k-of-n blame; else the hold's own component.
  // Fills `look.waited`, and `look.requirement` when the wait is on such a requirement.
  void strategy_waited(const TenantFunctionSpec& f, StrategyLook& look, sim::Time t);
  StrategyLook strategy_look(const TenantFunctionSpec& f, const Interval& interval, sim::Time t);
  // A function's holds per site (an active-active function's health checks after its sites), each list
  // in time order: a site's holds do not overlap. Built once per function.
  using HoldIndex = std::vector<std::vector<const StrategyHold*>>;
  const HoldIndex& hold_index(ComponentId function);
  // The hold of `list` in force at `t`, or nullptr; bounds next_ by its end or the next one's start.
  const StrategyHold* hold_at(const std::vector<const StrategyHold*>& list, sim::Time t,
                              std::size_t* at = nullptr);
  const StrategyHold* active_active_hold(const ActiveActiveSpec& aa, const HoldIndex& index,
                                         const Interval& interval, sim::Time t);

  Look look(ComponentId id, sim::Time t);
  // The last journal record of component `id` at or before `t` (a change of state or of its share), or
  // nullptr; bounds next_ by its next record. The records are indexed on first use, components only.
  const StateChange* record_at(ComponentId id, sim::Time t);
  // Whether room `id` could take its hosts back at `t`, as it last journalled (rooms start able to);
  // bounds next_ by its next such note.
  bool restartable_at(ComponentId id, sim::Time t);
  // The finding (heat damage or hosts destroyed) that keeps host pool `id` out of up at `t`, its restart
  // over: the latest since it was last up, when no batch of its restart is still to come; else kNoChange.
  ChangeId damage_holding(ComponentId id, sim::Time t);
  // When a service's recovery steps last began within [from, t], as it journalled; false if they did not.
  bool steps_began_at(ComponentId id, sim::Time from, sim::Time t, sim::Time& began);
  const Needs* needs(ComponentId id, State state);
  Verdict verdict(const Needs& n, sim::Time t);
  // When the needs last returned from down within [from, t], if they were down at some moment there.
  bool needs_returned_at(const Needs& n, sim::Time from, sim::Time t, sim::Time& returned);
  // The holder of `id` (not up) at `t`; `verdict_out`, when given, receives the vertex's needs verdict;
  // `strategy_out`, the first tenant function's strategy look on the way down.
  Hold resolve(ComponentId id, sim::Time t, int depth, Verdict* verdict_out, StrategyLook* strategy_out);

  const ScenarioSpec& spec_;
  const RunResult& result_;
  std::vector<const TenantFunctionSpec*> functions_;  // by id - components; nullptr for tenants
  std::vector<const TenantSpec*> tenants_;            // by id - components
  // By id * 2 + (state == down). Components' needs are kept for every later call; tenants' and their
  // functions' only for the call under way (a descent reaches no other tenant), so that a report over
  // millions of tenants does not keep them all.
  std::unordered_map<std::uint64_t, Needs> needs_;
  std::unordered_map<std::uint64_t, Needs> tenant_needs_;
  sim::Time next_;  // the earliest moment anything looked at changes
  std::unordered_map<ComponentId, HoldIndex> holds_;
  std::vector<std::vector<ChangeId>> records_;  // per component, its journal records in order (record_at)
  // Per component, the record that its data was lost for good (a storage), or kNoChange: for good, so it
  // holds the storage whatever records come after it.
  std::vector<ChangeId> data_lost_;
  // Per component, when its recovery steps began (true) or stopped before their end (false), in order.
  std::vector<std::vector<std::pair<sim::Time, bool>>> steps_began_;
  // Per room, when it could take its hosts back again (true) or no longer (false), in order.
  std::vector<std::vector<std::pair<sim::Time, bool>>> restartable_;
  // A strategy's requirements, by (function, site, wait), compiled as a vertex's needs are.
  std::map<std::tuple<ComponentId, std::uint32_t, Wait>, Needs> strategy_needs_;
  struct SiteDown {
    sim::Time back;  // when its spell of not serving ends
    const StrategyHold* hold;
  };
  std::vector<SiteDown> down_;  // scratch for active_active_hold
};

}  // namespace outagesim::models
