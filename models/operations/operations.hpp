// What people do during a run: scripted faults and operator actions at their clock times, actions and
// repair processes that start when something happens (plus a delay), and the stages of those repairs,
// which wait for conditions and for the people of a crew. It watches the journal for the events its
// triggers name; it changes the region only by applying actions, in events of its own.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include "models/core/model_context.hpp"
#include "models/operations/crew_roster.hpp"
#include "models/results/cancellation.hpp"
#include "models/results/repair_record.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

class RepairProcess;

class Operations final : public StateObserver, public sim::EventHandler {
 public:
  // The spec and context must outlive the run. Registers itself as an observer of `ctx`.
  Operations(const ScenarioSpec& spec, ModelContext& ctx);
  ~Operations();

  // Schedules what has a clock time. Call once, before the components start.
  void start();

  void on_state_change(const StateChange& change) override;

  // Called by repair processes.
  void stage_done(std::uint32_t repair, std::uint32_t stage);
  void repair_done(std::uint32_t repair);
  // Whether a stage's `wait_for` condition is met: the trigger's event happened at or after `since`; for a
  // room's `cooled` and `accessible`, whether the room is cool (below its alarm) or open to people now;
  // for a repair's or stage's `done`, whether it has ended, whenever that was.
  bool happened_since(const TriggerSpec& trigger, sim::Time since) const;
  CrewRoster& roster() { return roster_; }
  ModelContext& context() { return *ctx_; }

  // Results, once the run is over.
  std::vector<bool> had_effect() const { return had_effect_; }
  std::vector<sim::Time> applied_at() const { return applied_at_; }
  std::vector<std::vector<sim::Time>> applications() const { return applications_; }
  std::vector<std::vector<Cancellation>> cancellations() const { return cancellations_; }
  // Per injection and per repair: the change that fired its trigger, or kNoChange.
  std::vector<ChangeId> fired_by() const { return fired_by_; }
  std::vector<ChangeId> repair_fired_by() const { return repair_fired_by_; }
  std::vector<RepairRecord> repair_records() const;

 private:
  // Something a trigger starts, or calls off while it is pending: an injection or a repair.
  struct Watch {
    TriggerSpec trigger;
    bool is_repair = false;
    std::uint32_t index = 0;
    bool fired = false;  // spent (a start's); a cancel is never spent
    bool cancels = false;
    std::uint32_t position = 0;  // a cancel's index in its cancel_when
  };

  void handle_event(std::uint32_t payload) override;  // an injection is due, or kFirePending
  // `by`: the state change that fired it, or kNoChange (a repair or stage ending).
  void fire(Watch& watch, ChangeId by = kNoChange);
  // A cancel_when trigger happened: what of its injection or repair is pending is called off.
  void cancel(const Watch& watch);
  // A repair or stage ended: fire what waits on it, and wake stages that wait for it.
  void on_done(TriggerSpec::Source source, std::uint32_t repair, std::uint32_t stage);
  void wake_waiting_stages();

  // The event that fires the watches matched in this instant, after the changes that might undo them.
  static constexpr std::uint32_t kFirePending = 0xffffffffu;
  // A step of the outside air that a stage waits on: waiting stages look again.
  static constexpr std::uint32_t kWeatherStep = 0xfffffffeu;
  // The outside air crosses the temperature of watch (payload & ~kWeatherWatch).
  static constexpr std::uint32_t kWeatherWatch = 0x80000000u;
  void fire_pending();

  const ScenarioSpec* spec_;
  ModelContext* ctx_;
  sim::HandlerId self_;
  CrewRoster roster_;
  std::vector<std::unique_ptr<RepairProcess>> repairs_;
  std::vector<Watch> watches_;
  // A state change of most vertices concerns no trigger: one bit per vertex says whether it may, and only
  // those it marks are looked up in the two maps (a million tenants' run changes state 700,000 times, and
  // a table per vertex was a cache miss for each and 60 MB).
  std::vector<bool> watched_;  // per vertex: in component_watches_ or wait_slot_
  std::unordered_map<ComponentId, std::vector<std::uint32_t>> component_watches_;  // indices into watches_
  std::vector<std::uint32_t> done_watches_;     // watches on repairs and stages
  std::vector<std::uint32_t> weather_watches_;  // watches on the outside air
  // When each watched component event last happened (for stage waits); Time(-1) ms: not yet.
  std::unordered_map<ComponentId, std::uint32_t> wait_slot_;  // index into last_event_
  std::vector<std::array<sim::Time, 9>> last_event_;          // per component trigger event
  std::vector<ComponentId> wait_component_;                   // per slot of last_event_
  std::vector<bool> down_since_up_;                           // per vertex
  // Watches matched in this instant and the changes that matched them, in journal order, and the events
  // of components that stages wait for, until fire_pending() runs (at kAfterSettlePriority, after the
  // injections of the instant and their settle).
  std::vector<std::pair<std::uint32_t, ChangeId>> pending_;
  std::vector<std::pair<std::uint32_t, TriggerEvent>> pending_waits_;  // slots of last_event_, events
  // The state each watched component was in before its first change since the last fire_pending(), in
  // order of that change (whether or not the change matched anything: a return matches, the departure it
  // undoes may not).
  std::vector<std::pair<ComponentId, State>> before_;
  // Watched components back up during the instant: down_since_up_ is cleared for those still up after it.
  std::vector<ComponentId> returned_;
  State state_before(ComponentId c) const;
  // Notes the state `change`'s component was in before it, if it is its first change since the last
  // fire_pending(), and schedules fire_pending() if nothing is noted yet.
  void note_before(const StateChange& change);
  std::vector<bool> had_effect_;
  std::vector<sim::Time> applied_at_;                 // the first application
  std::vector<std::vector<sim::Time>> applications_;  // every one
  // Per injection: applications due (timed, or triggered and waiting out their delay), and how many of
  // those a cancel called off, which are skipped when they come due (the earliest: the delay is one).
  std::vector<std::uint32_t> pending_applications_;
  std::vector<std::uint32_t> called_off_;
  // Per injection: when it was last triggered, and how many times in that instant: what an event of
  // the trigger's own instant may not call off.
  std::vector<sim::Time> fired_at_;
  std::vector<std::uint32_t> fired_in_instant_;
  std::vector<std::vector<Cancellation>> cancellations_;
  std::vector<ChangeId> fired_by_;  // per injection: the change that fired its trigger, or kNoChange
  // Per repair: the change that started it, or kNoChange. Its stages' actions carry it on, so that "shed
  // by operator" leads on to the plant that went down and its fault.
  std::vector<ChangeId> repair_fired_by_;
  std::vector<sim::Time> repair_done_at_;              // Time(-1 ms): not yet
  std::vector<std::vector<sim::Time>> stage_done_at_;  // per repair, per stage
};

}  // namespace outagesim::models
